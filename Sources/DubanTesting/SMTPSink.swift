import Foundation

/// A real SMTP server on loopback for the email tests: `scripts/testing/smtp_sink.py` (aiosmtpd under Debian's
/// `/usr/bin/python3`), which stores every message it accepts together with what Python's `email` package
/// decodes from it. Stop and start it again on the same port to simulate a relay that goes down and comes back.
public final class SMTPSink: @unchecked Sendable {
    /// What Python decoded from one accepted message.
    public struct Received: Decodable, Sendable {
        public var mail_from: String
        public var rcpt_tos: [String]
        public var from: String
        public var to: String
        public var subject: String
        public var message_id: String
        public var date: String
        public var auto_submitted: String
        /// The `X-Duban-Event` header (the event key), `None` when absent.
        public var event: String
        /// The keys of the notices a digest carries (`X-Duban-Events`).
        public var events: [String]
        public var content_type: String
        /// Text parts by `Content-Language` (`und` when absent), CRLF as sent.
        public var parts: [String: String]
        public var defects: [String]
    }

    /// The interpreter that has Debian's `python3-aiosmtpd`.
    public static let python = "/usr/bin/python3"

    /// Why the sink cannot run here (`msmtp` or aiosmtpd missing), or nil.
    public static var unavailableReason: String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp"),
            FileManager.default.isExecutableFile(atPath: python),
            (try? ProcessRunner.run(python, ["-c", "import aiosmtpd"]).status) == 0
        else { return "needs msmtp and python3-aiosmtpd (apt-get install msmtp python3-aiosmtpd)" }
        return nil
    }

    public let port: Int
    public let directory: URL
    private var process: DaemonProcess?
    private let logPath: String

    /// Picks a free loopback port and a folder for the messages; call ``start()`` to listen.
    public init(directory: URL) throws {
        self.port = try Self.freePort()
        self.directory = directory
        self.logPath = directory.appendingPathComponent("smtp-sink.log").path
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { stop() }

    /// Starts the server and waits until it listens.
    public func start(timeout: Duration = .seconds(60)) async throws {
        let script = Fixtures.packageRoot.appendingPathComponent("scripts/testing/smtp_sink.py").path
        try? FileManager.default.removeItem(atPath: logPath)
        let process = try DaemonProcess(
            executable: Self.python,
            arguments: ["-u", script, "--port", "\(port)", "--dir", directory.path],
            logPath: logPath
        )
        self.process = process
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if process.output.contains("ready") { return }
            if let status = process.poll() { throw HarnessError("smtp sink exited \(status):\n\(process.output)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("smtp sink not ready within \(timeout):\n\(process.output)")
    }

    /// Stops the server (SIGTERM, then SIGKILL) so connections to the port are refused.
    public func stop() {
        guard let process else { return }
        process.signal(SIGTERM)
        for _ in 0..<200 where process.poll() == nil { usleep(10_000) }
        process.stop()
        self.process = nil
    }

    /// The messages accepted so far, oldest first.
    public func messages() -> [Received] {
        let files =
            (try? FileManager.default.contentsOfDirectory(
                at: directory,
                includingPropertiesForKeys: [.contentModificationDateKey]
            )) ?? []
        return files.filter { $0.pathExtension == "json" }
            .sorted { ($0.modificationDate ?? .distantPast) < ($1.modificationDate ?? .distantPast) }
            .compactMap { try? JSONDecoder().decode(Received.self, from: Data(contentsOf: $0)) }
    }

    /// Waits until at least `count` messages arrived; returns them all.
    public func waitForMessages(_ count: Int, timeout: Duration) async -> [Received] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let received = messages()
            if received.count >= count { return received }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return messages()
    }

    /// The raw `.eml` files accepted so far.
    public func rawMessages() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "eml" }.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    /// A msmtp command line that delivers to this server (plain SMTP, no auth), envelope sender from `From:`.
    public var msmtpCommand: String {
        "/usr/bin/msmtp --host=127.0.0.1 --port=\(port) --auth=off --tls=off --read-envelope-from -t"
    }

    /// A TCP port on 127.0.0.1 nobody listens on right now.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw HarnessError("bind: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension URL {
    fileprivate var modificationDate: Date? {
        (try? resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
    }
}
