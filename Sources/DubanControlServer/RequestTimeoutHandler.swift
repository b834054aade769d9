import DubanControlAPI
import Foundation
import NIOCore
import NIOHTTP1

/// Bounds how long a client may take to *send* a request: sits next to the socket, below the HTTP codec.
///
/// The timers cover receiving only. Once a request has arrived whole (``RequestPhaseHandler`` sees its end) the
/// daemon may take as long as its handler needs; the timers start again for the next request once the answer has
/// been written.
/// - Nothing received for the idle time (an `IdleStateHandler` read event): between requests the connection is
///   closed; in the middle of one, the client first gets `408 timeout`.
/// - A request not received whole within `requestTimeout` of its first byte (a client trickling bytes to stay under
///   the idle time): `408 timeout`, then closed.
/// Once a streamed response starts (``StreamingStarted``) no timer applies until the client leaves.
final class RequestTimeoutHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    /// Sent up the pipeline when a streamed response begins.
    struct StreamingStarted: Sendable {}

    enum Phase {
        /// Between requests: an idle read closes the connection.
        case waiting
        /// Bytes of a request have arrived, its end has not.
        case receiving
        /// The request is whole; the handler is working on it or its answer is being written.
        case answering
        /// A streamed answer runs until the client leaves.
        case streaming
    }

    let requestTimeout: TimeAmount
    let idleTimeout: TimeAmount
    private(set) var phase = Phase.waiting
    /// When the last answer was written: the idle time between requests counts from there, not from the last read.
    private var answeredAt = NIODeadline.now()
    private var deadline: Scheduled<Void>?

    init(requestTimeout: TimeAmount, idleTimeout: TimeAmount) {
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelDeadline()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if phase == .waiting {
            phase = .receiving
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: requestTimeout) {
                let (handler, context) = loopBound.value
                handler.timedOut(context: context)
            }
        }
        context.fireChannelRead(data)
    }

    /// Called on the event loop by ``RequestPhaseHandler`` when a request's end has been decoded.
    func requestReceived() {
        guard phase != .streaming else { return }
        phase = .answering
        cancelDeadline()
    }

    /// Called on the event loop by ``RequestPhaseHandler`` when the answer's end is written.
    func answerWritten() {
        guard phase == .answering else { return }
        phase = .waiting
        answeredAt = .now()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is StreamingStarted {
            phase = .streaming
            cancelDeadline()
            return
        }
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            switch phase {
            case .waiting:
                // A slow answer ends shortly before the read-idle timer fires: give the client its full idle time.
                if NIODeadline.now() - answeredAt >= idleTimeout { context.close(promise: nil) }
            case .receiving: timedOut(context: context)
            case .answering, .streaming: break
            }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelDeadline()
        context.fireChannelInactive()
    }

    private func cancelDeadline() {
        deadline?.cancel()
        deadline = nil
    }

    /// Writes a raw `408` answer below the HTTP codec and closes.
    private func timedOut(context: ChannelHandlerContext) {
        guard phase == .receiving else { return }
        phase = .answering
        deadline = nil
        let body = RequestTimeoutHandler.timeoutBody
        var buffer = context.channel.allocator.buffer(capacity: body.count + 160)
        buffer.writeString(
            "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        )
        buffer.writeBytes(body)
        let channel = context.channel
        context.writeAndFlush(NIOAny(IOData.byteBuffer(buffer))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    static let timeoutBody: Data = {
        let body = APIErrorBody(
            code: .timeout,
            message: "请求发送超时 / the request was not received in time"
        )
        return (try? ControlAPI.makeEncoder().encode(body)) ?? Data()
    }()
}

/// Sits above the HTTP codec and tells ``RequestTimeoutHandler`` when a request has been received whole and when its
/// answer has been written, so that the receive timers never run while the daemon is answering.
final class RequestPhaseHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let timer: RequestTimeoutHandler

    init(timer: RequestTimeoutHandler) {
        self.timer = timer
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) { timer.requestReceived() }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { timer.answerWritten() }
        context.write(data, promise: promise)
    }
}
