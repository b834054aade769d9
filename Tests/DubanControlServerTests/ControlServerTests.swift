import DubanControlServer
import DubanTesting
import Foundation
import Logging
import Testing

/// The control server over a real Unix socket, driven by the real `curl --unix-socket`.
@Suite struct ControlServerTests {
    struct Echo: ControlHandler {
        func handle(_ request: ControlRequest) async -> ControlResponse {
            if request.path == "/v1/echo" {
                struct Body: Encodable {
                    var method: String
                    var path: String
                    var query: [String: String]
                    var bytes: Int
                }
                return .json(Body(method: request.method, path: request.path, query: request.query, bytes: request.body.count))
            }
            return .error(status: 404, code: "not-found", message: "no route")
        }
    }

    /// curl off the cooperative pool: the server under test needs a pool thread to answer. Generous time: at the
    /// start of a full `swift test` other suites may hold the pool's two threads for many seconds.
    func curl(_ socket: String, _ arguments: [String]) async throws -> (status: Int32, out: String) {
        let result = try await offload {
            try ProcessRunner.run(
                "/usr/bin/curl", ["-s", "--max-time", "120", "--unix-socket", socket, "-w", "\n%{http_code}"] + arguments)
        }
        return (result.status, result.stdout)
    }

    @Test(.enabled(if: try Requirement.met(Requirement.executableReason("/usr/bin/curl"))))
    func servesRequestsAndRefusesOversizedBodies() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let socket = dir.url.appendingPathComponent("control.sock").path
        var configuration = ControlServer.Configuration()
        configuration.maxBodyBytes = 1024
        let server = ControlServer(listener: .path(socket), handler: Echo(), configuration: configuration, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
            group.addTask { try await server.run { readyContinuation.yield() } }
            for await _ in ready { break }
            let ok = try await curl(socket, ["http://localhost/v1/echo?org=kangle&q=%E5%8E%BF"])
            #expect(ok.out.hasSuffix("\n200"), "\(ok.out)")
            #expect(ok.out.contains("\"org\":\"kangle\"") && ok.out.contains("\"q\":\"县\""), "\(ok.out)")
            let missing = try await curl(socket, ["http://localhost/v1/nowhere"])
            #expect(missing.out.hasSuffix("\n404") && missing.out.contains("\"code\":\"not-found\""))
            let big = try await curl(socket, ["-X", "POST", "--data-binary", String(repeating: "x", count: 5000), "http://localhost/v1/echo"])
            #expect(big.out.hasSuffix("\n413"), "\(big.out)")
            let after = try await curl(socket, ["http://localhost/v1/echo"])
            #expect(after.out.hasSuffix("\n200"), "the server survives a bad client")
            group.cancelAll()
        }
    }
}
