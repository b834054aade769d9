import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A real `systemd-journald` for tests, started standalone (no systemd as PID 1 needed) or reused, and read back
/// with `journalctl -o json`.
///
/// ```swift
/// @Test(.enabled(if: try Requirement.met(JournaldHarness.unavailableReason)))
/// func logsReachTheJournal() async throws {
///     let journal = try JournaldHarness.acquire()
///     defer { journal.release() }
///     // … run something that logs with DUBAN_TEST_RUN=<uuid> …
///     let entries = try await journal.entries(matching: ["DUBAN_TEST_RUN": uuid])
/// }
/// ```
///
/// If a journald already answers on `/run/systemd/journal/socket` (the machine's own, or one another test
/// process started), it is reused and never stopped. Otherwise the first ``acquire(timeout:)`` in this process
/// starts `/lib/systemd/systemd-journald`, and the last ``release()`` stops it by its process id (SIGTERM, then
/// wait). A socket file left behind by a dead journald does not count as running: liveness is a `connect(2)`.
/// Needs root; ``unavailableReason`` says why a test cannot run otherwise. Entries are written to the volatile journal
/// (`/run/log/journal`) unless the machine has a persistent one.
///
/// This type only runs processes: it does not depend on DubanSystemd.
public final class JournaldHarness: Sendable {
    /// journald's native protocol socket.
    public static let socketPath = "/run/systemd/journal/socket"
    /// Where Debian installs journald.
    public static let journaldPath = "/lib/systemd/systemd-journald"
    /// `journalctl`.
    public static let journalctlPath = "/usr/bin/journalctl"

    /// Why a real journal cannot be used here, or `nil` if it can.
    public static var unavailableReason: String? {
        if getuid() != 0 { return "not root: starting systemd-journald needs root" }
        if !FileManager.default.isExecutableFile(atPath: journalctlPath) { return "\(journalctlPath) is missing" }
        if UnixSocketAddress.isListening(socketPath, datagram: true) { return nil }
        if !FileManager.default.isExecutableFile(atPath: journaldPath) { return "\(journaldPath) is missing" }
        return nil
    }

    private struct Shared: ~Copyable {
        var users = 0
        var started: Process?
    }

    private static let shared = Mutex(Shared())

    private let released = Mutex(false)

    /// Whether this process started the journald in use (and so will stop it at the last ``release()``).
    public let startedByThisProcess: Bool

    private init(startedByThisProcess: Bool) {
        self.startedByThisProcess = startedByThisProcess
    }

    /// Starts journald, or reuses the one answering on ``socketPath``; pair with ``release()``.
    /// - Parameter timeout: how long to wait for a started journald to bind its socket.
    /// - Throws: ``HarnessError`` if journald cannot be started or never answers.
    public static func acquire(timeout: Duration = .seconds(10)) throws -> JournaldHarness {
        try shared.withLock { state throws(HarnessError) -> JournaldHarness in
            if let reason = unavailableReason { throw HarnessError(reason) }
            if state.started == nil, !UnixSocketAddress.isListening(socketPath, datagram: true) {
                state.started = try startJournald(timeout: timeout)
            }
            state.users += 1
            return JournaldHarness(startedByThisProcess: state.started != nil)
        }
    }

    /// Ends this user's hold; the last one stops the journald this process started. Calling it twice is harmless.
    public func release() {
        let first = released.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        Self.shared.withLock { state in
            state.users -= 1
            guard state.users == 0, let process = state.started else { return }
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            state.started = nil
        }
    }

    private static func startJournald(timeout: Duration) throws(HarnessError) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: journaldPath)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw HarnessError("cannot start \(journaldPath): \(error)") }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if UnixSocketAddress.isListening(socketPath, datagram: true) { return process }
            if !process.isRunning { throw HarnessError("\(journaldPath) exited with \(process.terminationStatus)") }
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        throw HarnessError("\(journaldPath) did not bind \(socketPath) within \(timeout)")
    }

    /// The journal entries whose fields equal all of `matching`, as `journalctl -o json --all` prints them.
    ///
    /// Polls until at least `count` entries are present or `timeout` passes, then returns what it found (possibly
    /// fewer: the caller's `#expect` says what was missing). Values journalctl prints as byte arrays (non-UTF-8 or
    /// binary) are decoded as UTF-8; a field that occurs several times has its values joined by newlines.
    /// - Parameters:
    ///   - matching: `FIELD: value` pairs, e.g. `["DUBAN_TEST_RUN": uuid]`.
    ///   - count: how many entries to wait for.
    ///   - timeout: how long to keep polling.
    /// - Throws: ``HarnessError`` if `journalctl` fails.
    public func entries(
        matching: [String: String],
        atLeast count: Int = 1,
        timeout: Duration = .seconds(10)
    ) async throws -> [[String: String]] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = try await offload { try Self.query(matching) }
            if found.count >= count || ContinuousClock.now >= deadline { return found }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    private static func query(_ matching: [String: String]) throws -> [[String: String]] {
        // ProcessRunner reads with read(2) and retries EINTR (Foundation's readDataToEndOfFile traps on it).
        let result = try ProcessRunner.run(
            journalctlPath,
            ["-o", "json", "--all", "--no-pager"] + matching.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        let data = Data(result.stdout.utf8)
        let errors = Data(result.stderr.utf8)
        guard result.status == 0 else {
            throw HarnessError(
                "journalctl failed (\(result.status)): \(String(decoding: errors, as: UTF8.self))"
            )
        }
        var entries: [[String: String]] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where line.first == UInt8(ascii: "{") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
            entries.append(object.mapValues(text))
        }
        return entries
    }

    /// A journalctl JSON value as text: a string, a byte array, or an array of either (repeated field).
    private static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        if let bytes = value as? [Int] {
            return String(decoding: bytes.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
        }
        if let values = value as? [Any] { return values.map(text).joined(separator: "\n") }
        return ""
    }
}
