import DubanControlAPI
import Foundation
import NIOCore
import NIOHTTP1

/// Answers malformed HTTP (a garbage request line, a head over the parser's 80 KiB, a bad `Content-Length`) with
/// `400 bad-request` in the control API's error shape, then closes; NIO's own `HTTPServerProtocolErrorHandler`
/// would send an empty 400. Sits above the HTTP codec, so its answer goes out through the response encoder.
final class ProtocolErrorHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// A response head has been written and its end not yet: an error then can only close the connection.
    private var responseInFlight = false

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        // The bytes that follow cannot be trusted to frame another request.
        if responseInFlight {
            context.close(promise: nil)
            return
        }
        let body = Self.body(for: error)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: .badRequest, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.code >= 200: responseInFlight = true
        case .end: responseInFlight = false
        default: break
        }
        context.write(data, promise: promise)
    }

    static func body(for error: any Error) -> Data {
        let detail: String
        switch error as? HTTPParserError {
        case .headerOverflow?: detail = "请求头过大 / the request head is too large"
        case .invalidContentLength?, .unexpectedContentLength?:
            detail = "Content-Length 无效 / invalid Content-Length"
        default: detail = "HTTP 请求格式错误 / malformed HTTP request"
        }
        let body = APIErrorBody(code: .badRequest, message: detail)
        return (try? ControlAPI.makeEncoder().encode(body)) ?? Data()
    }
}
