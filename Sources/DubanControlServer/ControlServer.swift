import Foundation
public import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// The control socket: HTTP/1.1 over a Unix stream socket, either inherited from systemd (socket activation,
/// `listenDescriptor`) or bound at `path` by the daemon itself. One child task per connection, in one task tree.
public struct ControlServer: Sendable {
    /// Where the socket comes from.
    public enum Listener: Sendable {
        /// A listening socket passed by systemd (`sd_listen_fds`, usually fd 3).
        case inherited(descriptor: Int32)
        /// A path to bind (an existing socket file there is replaced).
        case path(String)
    }

    /// Limits that keep a bad client from holding the daemon.
    public struct Configuration: Sendable {
        /// Largest accepted request body (default 1 MiB); larger gets 413.
        public var maxBodyBytes: Int = 1 << 20
        /// A connection idle this long is closed (default 10 s).
        public var idleTimeout: TimeAmount = .seconds(10)

        public init() {}
    }

    let listener: Listener
    let handler: any ControlHandler
    let configuration: Configuration
    let logger: Logger

    public init(listener: Listener, handler: any ControlHandler, configuration: Configuration = .init(), logger: Logger) {
        self.listener = listener
        self.handler = handler
        self.configuration = configuration
        self.logger = logger
    }

    /// Binds (or adopts) the socket and calls `onListening` once connections can be accepted.
    public func run(onListening: @Sendable () async -> Void = {}) async throws {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
        let idle = configuration.idleTimeout
        let initializer: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: idle))
                try channel.pipeline.syncOperations.addHandler(IdleCloser())
                try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                return try NIOAsyncChannel(wrappingChannelSynchronously: channel)
            }
        }
        let server: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
        switch listener {
        case .inherited(let descriptor):
            server = try await bootstrap.bind(descriptor, childChannelInitializer: initializer)
        case .path(let path):
            server = try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true, childChannelInitializer: initializer)
        }
        await onListening()
        try await withThrowingDiscardingTaskGroup { group in
            try await server.executeThenClose { inbound in
                for try await connection in inbound {
                    group.addTask { await self.serve(connection) }
                }
            }
        }
    }

    func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                var body = ByteBuffer()
                var tooLarge = false
                for try await part in inbound {
                    switch part {
                    case .head(let h):
                        head = h
                        body.clear()
                        tooLarge = false
                    case .body(var chunk):
                        if body.readableBytes + chunk.readableBytes > configuration.maxBodyBytes {
                            tooLarge = true
                        } else {
                            body.writeBuffer(&chunk)
                        }
                    case .end:
                        guard let h = head else { continue }
                        let response: ControlResponse
                        if tooLarge {
                            response = .error(status: 413, code: "body-too-large", message: "请求体过大 / request body too large")
                        } else {
                            response = await handler.handle(ControlServer.request(h, body: body))
                        }
                        var headers = HTTPHeaders()
                        headers.add(name: "Content-Type", value: response.contentType)
                        headers.add(name: "Content-Length", value: String(response.body.count))
                        let keepAlive = h.isKeepAlive && !tooLarge
                        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
                        try await outbound.write(.head(HTTPResponseHead(version: h.version, status: .init(statusCode: response.status), headers: headers)))
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
                        try await outbound.write(.end(nil))
                        if !keepAlive { return }
                        head = nil
                    }
                }
            }
        } catch {
            logger.debug("control connection ended", metadata: ["error": "\(error)"])
        }
    }

    static func request(_ head: HTTPRequestHead, body: ByteBuffer) -> ControlRequest {
        let parts = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(kv[0]).removingPercentEncoding ?? String(kv[0])
                let value = kv.count > 1 ? (String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(kv[1])) : ""
                query[key] = value
            }
        }
        return ControlRequest(
            method: head.method.rawValue, path: String(parts.first ?? ""), query: query,
            headers: head.headers.map { ($0.name, $0.value) }, body: Data(body.readableBytesView))
    }
}

/// Closes a connection whose read side has been idle past the timeout (slow or half-open clients).
final class IdleCloser: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
