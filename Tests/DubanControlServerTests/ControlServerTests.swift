import DubanControlServer
import DubanTesting
import Foundation
import Logging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The control server over a real Unix socket, driven by the real `curl --unix-socket`.
@Suite struct ControlServerTests {
    struct Echo: ControlHandler {
        func handle(_ request: ControlRequest) async -> ControlResponse {
            if request.path == "/v1/large" {
                // Several megabytes: more than a socket buffer holds, so part of it is still queued at the close.
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 4 << 20)
                bytes[bytes.count - 1] = UInt8(ascii: "!")
                return ControlResponse(status: 200, contentType: "text/plain", body: Data(bytes))
            }
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

    /// Sends `bytes` on a fresh connection and reads until the server closes it (or 5 s pass: the idle timeout is
    /// 10 s, so an answer inside 5 s is the server's own, not a 408).
    static func exchange(_ socket: String, _ bytes: [UInt8], timeoutSeconds: Int = 5) throws -> String {
        let fd = try #require(UnixSocketAddress.connectStream(socket))
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }  // the server may answer and close before reading everything
            sent += n
        }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            reply += buffer[..<n]
        }
        return String(decoding: reply, as: UTF8.self)
    }

    /// An answer that closes the connection (`Connection: close`, as dubanctl asks, or HTTP/1.0) arrives whole:
    /// the server shuts its sending side after the last byte is written, it does not drop what is still buffered.
    @Test func aLargeAnswerOnAClosingConnectionArrivesWhole() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let socket = dir.url.appendingPathComponent("control.sock").path
        let server = ControlServer(listener: .path(socket), handler: Echo(), logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
            group.addTask { try await server.run { readyContinuation.yield() } }
            for await _ in ready { break }
            for request in [
                "GET /v1/large HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GET /v1/large HTTP/1.0\r\n\r\n",
            ] {
                // A generous read timeout: at the start of a full run the pool may be busy for seconds, and the
                // answer is complete only when the server closes (the idle timer would close much later).
                let reply = try await offload { try Self.exchange(socket, Array(request.utf8), timeoutSeconds: 60) }
                let body = reply.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
                #expect(body.utf8.count == 4 << 20, "\(request.prefix(30)): \(body.utf8.count) bytes")
                #expect(body.hasSuffix("!"))
            }
            group.cancelAll()
        }
    }

    /// Malformed HTTP gets a 400 in the API's error shape, a declared oversized body a 413 before it is sent, and
    /// a socket the server binds itself the mode duban.socket gives (0660).
    @Test func malformedHTTPGetsTheErrorShapeAndOversizedBodiesAreRefusedEarly() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let socket = dir.url.appendingPathComponent("control.sock").path
        var configuration = ControlServer.Configuration()
        configuration.maxBodyBytes = 1024
        // Debian's `daemon` group (gid 1) stands in for `duban`, which a test machine need not have; as root the
        // socket gets it, as another user the group stays the user's own.
        configuration.socketGroup = "daemon"
        let server = ControlServer(
            listener: .path(socket), handler: Echo(), configuration: configuration, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
            group.addTask { try await server.run { readyContinuation.yield() } }
            for await _ in ready { break }

            var info = stat()
            #expect(stat(socket, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o660, "mode \(String(info.st_mode & 0o777, radix: 8))")
            if getuid() == 0, let daemonGroup = getgrnam("daemon") {
                #expect(info.st_gid == daemonGroup.pointee.gr_gid, "group \(info.st_gid)")
            }

            let cases: [(String, [UInt8])] = [
                ("a garbage request line", Array("THIS IS NOT HTTP\r\n\r\n".utf8)),
                ("a bad Content-Length", Array("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n".utf8)),
                (
                    "a head over 80 KiB",
                    Array("GET /v1/echo HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 100_000))\r\n\r\n".utf8)
                ),
            ]
            for (what, bytes) in cases {
                let reply = try await offload { try Self.exchange(socket, bytes) }
                #expect(reply.hasPrefix("HTTP/1.1 400"), "\(what): \(reply.prefix(200))")
                #expect(reply.contains("application/json"), "\(what): \(reply.prefix(300))")
                #expect(reply.contains(#"{"error":{"code":"bad-request","message":"#), "\(what): \(reply.prefix(400))")
            }

            // 2 MiB declared, none of it sent: the 413 comes at once (a 408 would take the 10 s idle time).
            let early = try await offload {
                try Self.exchange(
                    socket, Array("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n".utf8))
            }
            #expect(early.hasPrefix("HTTP/1.1 413"), "\(early.prefix(200))")
            #expect(early.contains(#""code":"payload-too-large""#), "\(early.prefix(400))")

            let after = try await offload {
                try Self.exchange(socket, Array("GET /v1/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
            }
            #expect(after.hasPrefix("HTTP/1.1 200"), "the server survives bad clients: \(after.prefix(200))")
            group.cancelAll()
        }
    }
}
