import DubanControlAPI
import DubanControlClient
import DubanControlServer
import DubanTesting
import Foundation
import Logging
import NIOCore
import Testing

/// The client against the real `ControlServer` on a temporary Unix socket, in-process.
@Suite struct ControlClientTests {
    /// A test handler: echoes what it got, counts changes by `Idempotency-Key`, and answers errors on request.
    final class Handler: ControlHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var applied: [String: Int] = [:]
        private(set) var total = 0

        struct Echo: Codable, Sendable {
            var method: String
            var path: String
            var query: [String: String]
            var key: String?
            var body: String
            var total: Int?
        }

        func handle(_ request: ControlRequest) async -> ControlResponse {
            switch request.path {
            case "/v1/echo":
                return .json(
                    Echo(
                        method: request.method,
                        path: request.path,
                        query: request.query,
                        key: request.header("Idempotency-Key"),
                        body: String(decoding: request.body, as: UTF8.self)
                    )
                )
            case "/v1/progress":
                guard let key = request.header("Idempotency-Key") else {
                    return .error(status: 400, code: "missing-idempotency-key", message: "需要请求编号 / request id required")
                }
                struct Amount: Decodable { var amount: Int }
                guard let amount = try? JSONDecoder().decode(Amount.self, from: request.body) else {
                    return .error(status: 400, code: "invalid-argument", message: "bad body")
                }
                let total = lock.withLock {
                    if applied[key] == nil {
                        applied[key] = amount.amount
                        self.total += amount.amount
                    }
                    return self.total
                }
                return .json(
                    Echo(method: request.method, path: request.path, query: [:], key: key, body: "", total: total)
                )
            case "/v1/forbidden":
                return .error(status: 403, code: "forbidden", message: "只有管理员可以修改 / only admins may change")
            case "/v1/broken":
                return .error(status: 500, code: "internal", message: "磁盘已满 / disk full")
            case "/v1/garbage":
                return ControlResponse(status: 200, body: Data("not json".utf8))
            default:
                return .error(status: 404, code: "not-found", message: "没有这个接口 / no such route: \(request.path)")
            }
        }
    }

    /// Runs `body` with a real control server listening on a temporary socket.
    func withServer(
        _ handler: any ControlHandler = Handler(),
        _ body: @escaping @Sendable (ControlClient) throws -> Void
    ) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let socket = dir.url.appendingPathComponent("control.sock").path
        // Generous timeouts: in a full `swift test` other suites may hold the cooperative pool for many seconds.
        var configuration = ControlServer.Configuration()
        configuration.idleTimeout = .seconds(300)
        configuration.requestTimeout = .seconds(300)
        let server = ControlServer(
            listener: .path(socket),
            handler: handler,
            configuration: configuration,
            logger: Logger(label: "test")
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
            group.addTask { try await server.run { readyContinuation.yield() } }
            for await _ in ready { break }
            // The client blocks: run it off the cooperative pool, which the server needs to answer.
            var patient = ControlClient.Configuration()
            patient.timeout = .seconds(300)
            let client = ControlClient(socketPath: socket, configuration: patient)
            try await offload { try body(client) }
            group.cancelAll()
        }
    }

    @Test func getsAndDecodesWithAPercentEncodedQuery() async throws {
        try await withServer { client in
            let echo = try client.get("/v1/echo", query: [("org", "康乐县"), ("q", "a b&c=d")], as: Handler.Echo.self)
            #expect(echo.method == "GET")
            #expect(echo.query == ["org": "康乐县", "q": "a b&c=d"])
            #expect(echo.key == nil, "a read carries no request id")
        }
    }

    @Test func changesCarryAGeneratedOrGivenIdempotencyKey() async throws {
        try await withServer { client in
            struct Body: Encodable { var amount: Int }
            let first = try client.change("/v1/echo", body: Body(amount: 30), as: Handler.Echo.self)
            let key = try #require(first.key)
            #expect(UUID(uuidString: key) != nil && key == key.lowercased())
            #expect(first.body == #"{"amount":30}"#)
            let second = try client.change("/v1/echo", body: Body(amount: 30), as: Handler.Echo.self)
            #expect(second.key != key, "each change gets its own id")
            let given = try client.change(
                "/v1/echo",
                body: Body(amount: 30),
                requestID: "script-42",
                as: Handler.Echo.self
            )
            #expect(given.key == "script-42")
        }
    }

    @Test func theSameRequestIDTwiceCountsOnce() async throws {
        let handler = Handler()
        try await withServer(handler) { client in
            struct Body: Encodable { var amount: Int }
            _ = try client.change("/v1/progress", body: Body(amount: 30), requestID: "r-1", as: Handler.Echo.self)
            let again = try client.change(
                "/v1/progress",
                body: Body(amount: 30),
                requestID: "r-1",
                as: Handler.Echo.self
            )
            #expect(again.total == 30)
            let other = try client.change("/v1/progress", body: Body(amount: 5), as: Handler.Echo.self)
            #expect(other.total == 35)
        }
    }

    @Test func errorAnswersBecomeTypedErrors() async throws {
        try await withServer { client in
            let notFound = #expect(throws: ControlClientError.self) {
                try client.get("/v1/nowhere", as: Handler.Echo.self)
            }
            #expect(notFound?.code == .rejected && notFound?.status == 404 && notFound?.serverCode == .notFound)
            #expect(notFound?.message.contains("/v1/nowhere") == true)
            let forbidden = #expect(throws: ControlClientError.self) {
                try client.get("/v1/forbidden", as: Handler.Echo.self)
            }
            #expect(forbidden?.status == 403 && forbidden?.serverCode == .forbidden)
            #expect(forbidden?.message == "只有管理员可以修改 / only admins may change")
            let broken = #expect(throws: ControlClientError.self) {
                try client.get("/v1/broken", as: Handler.Echo.self)
            }
            #expect(broken?.code == .serverError && broken?.status == 500 && broken?.serverCode == .internalError)
            let garbage = #expect(throws: ControlClientError.self) {
                try client.get("/v1/garbage", as: Handler.Echo.self)
            }
            #expect(garbage?.code == .badResponse)
            // The raw exchange returns any status without throwing.
            let raw = try client.send("GET", "/v1/nowhere")
            #expect(raw.status == 404 && raw.header("content-type")?.hasPrefix("application/json") == true)
        }
    }

    @Test func aMissingSocketIsUnreachable() throws {
        let client = ControlClient(socketPath: "/nonexistent/duban/control.sock")
        let error = #expect(throws: ControlClientError.self) { try client.get("/v1/status", as: Handler.Echo.self) }
        #expect(error?.code == .unreachable && error?.isUnavailable == true)
        #expect(error?.description.contains("/nonexistent/duban/control.sock") == true)
        let long = ControlClient(socketPath: "/tmp/" + String(repeating: "x", count: 200))
        #expect(throws: ControlClientError.self) { try long.get("/v1/status", as: Handler.Echo.self) }
    }

    @Test func aSocketNobodyListensOnIsUnreachable() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.url.appendingPathComponent("stale.sock").path
        let server = try ScriptedSocketServer(path: path) { _, _ in .drop }
        server.stop()  // the file stays, nothing listens: ECONNREFUSED
        let error = #expect(throws: ControlClientError.self) {
            try ControlClient(socketPath: path).send("GET", "/v1/status")
        }
        #expect(error?.code == .unreachable)
    }

    /// Streams three events (and a heartbeat comment) the way `GET /v1/events` does, then ends.
    struct Streamer: ControlHandler {
        func handle(_ request: ControlRequest) async -> ControlResponse {
            .streaming(contentType: "text/event-stream") { writer in
                try await writer.write(Data(": ping\n\n".utf8))
                for i in 1...3 {
                    try await writer.write(
                        Data("id: k\(i)\nevent: reminder\ndata: {\"n\":\(i),\"org\":\"康乐县\"}\n\n".utf8)
                    )
                }
            }
        }
    }

    @Test func followsAnEventStreamFromTheRealServer() async throws {
        try await withServer(Streamer()) { client in
            var events: [ServerSentEvent] = []
            try client.events("/v1/events") { event in
                events.append(event)
                return true
            }
            #expect(events.map(\.id) == ["k1", "k2", "k3"])
            #expect(events.allSatisfy { $0.event == "reminder" })
            #expect(events.last?.data == #"{"n":3,"org":"康乐县"}"#)
        }
    }

    /// Answers after `delay`, longer than the server's idle timeout.
    struct Slow: ControlHandler {
        var delay: Duration
        func handle(_ request: ControlRequest) async -> ControlResponse {
            try? await Task.sleep(for: delay)
            return .json(["ok": true])
        }
    }

    @Test func aSlowAnswerIsNotCutByTheIdleTimeout() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let socket = dir.url.appendingPathComponent("control.sock").path
        var configuration = ControlServer.Configuration()
        configuration.idleTimeout = .milliseconds(300)
        let server = ControlServer(
            listener: .path(socket),
            handler: Slow(delay: .milliseconds(800)),
            configuration: configuration,
            logger: Logger(label: "test")
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
            group.addTask { try await server.run { readyContinuation.yield() } }
            for await _ in ready { break }
            // The read-idle timer (300 ms) must not run while the handler works on a request received whole.
            let answer = try await offload {
                try ControlClient(socketPath: socket).get("/v1/slow", as: [String: Bool].self)
            }
            #expect(answer == ["ok": true])
            group.cancelAll()
        }
    }
}
