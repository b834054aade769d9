import DubanControlAPI
import Foundation
import NIOCore

/// Bounds how long a client may take to send a request: sits next to the socket, below the HTTP codec.
///
/// - Nothing received for the idle time (an `IdleStateHandler` read event): between requests the connection is
///   closed; in the middle of one, the client first gets `408 timeout`.
/// - A request not answered within `requestTimeout` of its first byte (a client trickling bytes to stay under the
///   idle time): `408 timeout`, then closed.
/// Once a streamed response starts (``StreamingStarted``) both timers stop.
final class RequestTimeoutHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    /// Sent up the pipeline when a streamed response begins.
    struct StreamingStarted: Sendable {}

    let requestTimeout: TimeAmount
    /// Bytes of a request have arrived and no answer has been written yet.
    private var inRequest = false
    private var streaming = false
    private var deadline: Scheduled<Void>?

    init(requestTimeout: TimeAmount) {
        self.requestTimeout = requestTimeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !inRequest && !streaming {
            inRequest = true
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: requestTimeout) {
                let (handler, context) = loopBound.value
                handler.timedOut(context: context)
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if inRequest {
            inRequest = false
            deadline?.cancel()
            deadline = nil
        }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is StreamingStarted {
            streaming = true
            inRequest = false
            deadline?.cancel()
            deadline = nil
            return
        }
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            if streaming { return }
            if inRequest {
                timedOut(context: context)
            } else {
                context.close(promise: nil)
            }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    /// Writes a raw `408` answer below the HTTP codec and closes.
    private func timedOut(context: ChannelHandlerContext) {
        guard inRequest, !streaming else { return }
        inRequest = false
        let body = RequestTimeoutHandler.timeoutBody
        var buffer = context.channel.allocator.buffer(capacity: body.count + 160)
        buffer.writeString(
            "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n")
        buffer.writeBytes(body)
        let channel = context.channel
        context.writeAndFlush(NIOAny(IOData.byteBuffer(buffer))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    static let timeoutBody: Data = {
        let body = APIErrorBody(
            code: .timeout, message: "请求发送超时 / the request was not received in time")
        return (try? ControlAPI.makeEncoder().encode(body)) ?? Data()
    }()
}
