import DubanControlAPI
import Foundation
public import Logging
public import NIOCore
import NIOHTTP1
import NIOPosix

/// The control socket: HTTP/1.1 over a Unix stream socket, either inherited from systemd (socket activation,
/// `listenDescriptor`) or bound at `path` by the daemon itself. One child task per connection, in one task tree.
///
/// Each accepted connection's peer credentials (SO_PEERCRED) are read once and attached to its requests. A client
/// that stops sending is cut off: idle between requests → closed; a request not complete within the read timeout
/// → `408 timeout` and closed. The timers cover receiving only: a handler that takes long over a request it has
/// received whole is never cut off. Streamed responses (SSE) run without read timeouts until the client leaves.
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
        public var maxBodyBytes: Int = ControlAPI.maximumBodyBytes
        /// A connection with nothing received for this long is closed; mid-request it gets 408 first (default
        /// 10 s).
        public var idleTimeout: TimeAmount = .seconds(10)
        /// A whole request (head and body) must arrive within this time, however it trickles in (default 30 s).
        public var requestTimeout: TimeAmount = .seconds(30)
        /// The mode of a socket file duband binds itself (as duban.socket's `SocketMode=`): readers connect
        /// through the group.
        public var socketMode: mode_t = 0o660
        /// The group of a socket file duband binds itself, when that group exists (as `SocketGroup=duban`).
        public var socketGroup: String? = "duban"

        public init() {}
    }

    let listener: Listener
    let handler: any ControlHandler
    let configuration: Configuration
    let logger: Logger

    public init(listener: Listener, handler: any ControlHandler, configuration: Configuration = .init(), logger: Logger)
    {
        self.listener = listener
        self.handler = handler
        self.configuration = configuration
        self.logger = logger
    }

    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// Binds (or adopts) the socket and calls `onListening` once connections can be accepted.
    public func run(onListening: @Sendable () async -> Void = {}) async throws {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
        let idle = configuration.idleTimeout
        let whole = configuration.requestTimeout
        let initializer: @Sendable (any Channel) -> EventLoopFuture<(PeerCredentials?, Connection)> = { channel in
            ControlServer.peerCredentials(of: channel).flatMapThrowing { peer in
                try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: idle))
                let timer = RequestTimeoutHandler(requestTimeout: whole, idleTimeout: idle)
                try channel.pipeline.syncOperations.addHandler(timer)
                try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: false)
                try channel.pipeline.syncOperations.addHandler(ProtocolErrorHandler())
                try channel.pipeline.syncOperations.addHandler(RequestPhaseHandler(timer: timer))
                // Outbound half-closure: an answer that ends the connection is finished (the socket's sending side
                // shut after every byte is written) before the channel closes; a plain close would drop what is
                // still buffered (apple/swift-nio#2795).
                return (
                    peer,
                    try Connection(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(isOutboundHalfClosureEnabled: true)
                    )
                )
            }
        }
        let server: NIOAsyncChannel<(PeerCredentials?, Connection), Never>
        switch listener {
        case .inherited(let descriptor):
            server = try await bootstrap.bind(descriptor, childChannelInitializer: initializer)
        case .path(let path):
            server = try await bootstrap.bind(
                unixDomainSocketPath: path,
                cleanupExistingSocketFile: true,
                childChannelInitializer: initializer
            )
            Self.setAccess(of: path, mode: configuration.socketMode, group: configuration.socketGroup, logger: logger)
        }
        await onListening()
        try await withThrowingDiscardingTaskGroup { group in
            try await server.executeThenClose { inbound in
                for try await (peer, connection) in inbound {
                    group.addTask { await self.serve(connection, peer: peer) }
                }
            }
        }
    }

    /// Gives a socket file duband bound itself the mode and group duban.socket would (`0660`, group `duban`): the
    /// readers the access policy admits must be able to connect at all. A missing group leaves the file's group as
    /// it is (root, or the user duband runs as).
    static func setAccess(of path: String, mode: mode_t, group: String?, logger: Logger) {
        if chmod(path, mode) != 0 {
            logger.warning("无法设置控制套接字权限 / cannot chmod the control socket", metadata: ["errno": "\(errno)"])
        }
        guard let group, let entry = getgrnam(group) else { return }
        if chown(path, uid_t.max, entry.pointee.gr_gid) != 0 {
            logger.warning(
                "无法设置控制套接字的属组 / cannot chgrp the control socket",
                metadata: ["group": "\(group)", "errno": "\(errno)"]
            )
        }
    }

    /// SO_PEERCRED of an accepted Unix socket connection; nil when the channel cannot say.
    static func peerCredentials(of channel: any Channel) -> EventLoopFuture<PeerCredentials?> {
        guard PeerCredentials.option != 0, let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeSucceededFuture(nil)
        }
        let future: EventLoopFuture<PeerCredentials.Raw> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET),
            name: SocketOptionName(PeerCredentials.option)
        )
        return future.map { raw -> PeerCredentials? in
            PeerCredentials(pid: raw.pid, uid: raw.uid, gid: raw.gid)
        }.recover { _ in nil }
    }

    func serve(_ connection: Connection, peer: PeerCredentials?) async {
        let channel = connection.channel
        do {
            try await connection.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                var body = ByteBuffer()
                var tooLarge = false
                // After an early 413: bytes of the refused body read and dropped so far (see below).
                var lingering: Int?
                for try await part in inbound {
                    if var dropped = lingering {
                        if case .body(let chunk) = part { dropped += chunk.readableBytes }
                        if dropped > Self.lingeringBytes { return }
                        lingering = dropped
                        continue
                    }
                    switch part {
                    case .head(let h):
                        // A declared body over the limit is refused at once, before a byte of it is read.
                        if let declared = h.headers.first(name: "Content-Length").flatMap(Int.init),
                            declared > configuration.maxBodyBytes
                        {
                            try await Self.write(
                                .error(
                                    .payloadTooLarge,
                                    message:
                                        "请求体超过 \(configuration.maxBodyBytes) 字节 / request body larger than \(configuration.maxBodyBytes) bytes"
                                ),
                                version: h.version,
                                keepAlive: false,
                                to: outbound
                            )
                            // A lingering close, as web servers do: closing now, with the client's body unread,
                            // makes the kernel reset the connection, and a client still sending may lose the
                            // answer with it. So the sending side closes, the rest of the body is read and dropped
                            // (up to `lingeringBytes`, within the request timeout), then the connection closes.
                            try? await channel.close(mode: .output)
                            lingering = 0
                            continue
                        }
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
                        head = nil
                        let response: ControlResponse
                        if tooLarge {
                            response = .error(
                                .payloadTooLarge,
                                message:
                                    "请求体超过 \(configuration.maxBodyBytes) 字节 / request body larger than \(configuration.maxBodyBytes) bytes"
                            )
                        } else {
                            var request = ControlServer.request(h, body: body)
                            request.peer = peer
                            response = await handler.handle(request)
                        }
                        let keepAlive = h.isKeepAlive && !tooLarge && response.stream == nil
                        var headers = HTTPHeaders()
                        headers.add(name: "Content-Type", value: response.contentType)
                        for (name, value) in response.headers { headers.add(name: name, value: value) }
                        if let stream = response.stream {
                            // No Content-Length: NIO sends it chunked. No read timeouts while it runs.
                            headers.add(name: "Cache-Control", value: "no-cache")
                            headers.add(name: "Connection", value: "close")
                            channel.pipeline.fireUserInboundEventTriggered(RequestTimeoutHandler.StreamingStarted())
                            try await outbound.write(
                                .head(
                                    HTTPResponseHead(
                                        version: h.version,
                                        status: .init(statusCode: response.status),
                                        headers: headers
                                    )
                                )
                            )
                            let writer = ControlStreamWriter { data in
                                try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: data))))
                            }
                            try await withTaskCancellationHandler {
                                try await stream(writer)
                            } onCancel: {
                                channel.close(promise: nil)
                            }
                            try await outbound.write(.end(nil))
                            return
                        }
                        try await Self.write(response, version: h.version, keepAlive: keepAlive, to: outbound)
                        if !keepAlive {
                            // Shut the sending side once the answer is out, and close when the client has read it
                            // and hung up (or the idle timer closes the connection).
                            outbound.finish()
                            try? await channel.closeFuture.get()
                            return
                        }
                    }
                }
            }
        } catch {
            logger.debug("control connection ended", metadata: ["error": "\(error)"])
        }
    }

    /// How much of a body refused early (413) is read and dropped before the connection is closed regardless.
    static let lingeringBytes = 64 << 20

    /// Writes a whole (not streamed) response.
    static func write(
        _ response: ControlResponse,
        version: HTTPVersion,
        keepAlive: Bool,
        to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var headers = HTTPHeaders()
        let notModified = response.status == 304
        if !notModified {
            // A 304 carries neither: it has no body, and its length would be the 200's (RFC 9110 §15.4.5).
            headers.add(name: "Content-Type", value: response.contentType)
            headers.add(name: "Content-Length", value: String(response.body.count))
        }
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPServerResponsePart.head(
            HTTPResponseHead(version: version, status: .init(statusCode: response.status), headers: headers)
        )
        // Head, body and end in one write: one hop to the event loop and one flush per answer.
        if notModified || response.body.isEmpty {
            try await outbound.write(contentsOf: [head, .end(nil)])
        } else {
            try await outbound.write(contentsOf: [head, .body(.byteBuffer(ByteBuffer(bytes: response.body))), .end(nil)])
        }
    }

    static func request(_ head: HTTPRequestHead, body: ByteBuffer) -> ControlRequest {
        ControlRequest(
            method: head.method.rawValue,
            uri: head.uri,
            headers: head.headers.map { ($0.name, $0.value) },
            body: Data(body.readableBytesView)
        )
    }
}
