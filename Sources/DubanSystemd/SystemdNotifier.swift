import CSystemd

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Sends service state to systemd over the `sd_notify` protocol (`Type=notify`).
///
/// Every method is a no-op that returns `false` when `NOTIFY_SOCKET` is unset (duband run by hand, in tests, or
/// under a service manager that is not systemd). Messages go through libsystemd's `sd_notify`, which reads
/// `NOTIFY_SOCKET` on each call; the variable is left in the environment (`unset_environment` 0), so a reload
/// can notify again. With `NotifyAccess=main` systemd ignores messages from plugin children even though they
/// inherit the variable.
///
/// Order of calls in duband:
/// 1. ``ready(status:)`` once the control socket is bound and plans are loaded, never earlier;
/// 2. ``status(_:)`` whenever the summary changes;
/// 3. ``reloading()`` at the start of a reload, then ``ready(status:)`` when it is done (whatever its outcome);
/// 4. ``watchdog()`` every ``watchdogInterval()`` while the event loop is healthy;
/// 5. ``stopping()`` as the first thing on SIGTERM.
public struct SystemdNotifier: Sendable {
    /// Whether `NOTIFY_SOCKET` was set when the notifier was created.
    public let isEnabled: Bool

    /// Creates a notifier; it sends only if `NOTIFY_SOCKET` is set now.
    public init() {
        isEnabled = getenv("NOTIFY_SOCKET") != nil
    }

    /// Tells systemd that start-up (or a reload) finished: `READY=1`, with `STATUS=` when given.
    /// - Parameter status: a one-line summary shown by `systemctl status`; newlines become spaces.
    /// - Returns: `true` if a message was sent, `false` when there is no `NOTIFY_SOCKET`.
    /// - Throws: ``SystemdError`` with code `.notify` if the socket refused the message.
    @discardableResult
    public func ready(status: String? = nil) throws(SystemdError) -> Bool {
        var lines = ["READY=1"]
        if let status { lines.append("STATUS=" + Self.singleLine(status)) }
        return try send(lines)
    }

    /// Updates the free-form status line (`STATUS=`), e.g. "3 个计划 · 412 项待办 · 7 项逾期".
    /// - Parameter text: one line; newlines become spaces.
    /// - Returns: `true` if a message was sent.
    /// - Throws: ``SystemdError`` with code `.notify`.
    @discardableResult
    public func status(_ text: String) throws(SystemdError) -> Bool {
        try send(["STATUS=" + Self.singleLine(text)])
    }

    /// Tells systemd a reload started: `RELOADING=1` with `MONOTONIC_USEC=` (the `CLOCK_MONOTONIC` time in
    /// microseconds, which systemd ≥ 253 requires to match the reload to its request; older versions ignore it).
    /// Follow it with ``ready(status:)`` when the reload is over.
    /// - Returns: `true` if a message was sent.
    /// - Throws: ``SystemdError`` with code `.notify`.
    @discardableResult
    public func reloading() throws(SystemdError) -> Bool {
        try send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"])
    }

    /// Tells systemd the service is shutting down: `STOPPING=1`.
    /// - Returns: `true` if a message was sent.
    /// - Throws: ``SystemdError`` with code `.notify`.
    @discardableResult
    public func stopping() throws(SystemdError) -> Bool {
        try send(["STOPPING=1"])
    }

    /// Pets the watchdog: `WATCHDOG=1`. Send it every ``watchdogInterval()`` from the loop whose health it vouches
    /// for, not from a free-running timer.
    /// - Returns: `true` if a message was sent.
    /// - Throws: ``SystemdError`` with code `.notify`.
    @discardableResult
    public func watchdog() throws(SystemdError) -> Bool {
        try send(["WATCHDOG=1"])
    }

    /// Asks for more time before a start, reload or stop times out: `EXTEND_TIMEOUT_USEC=`.
    /// - Parameter usec: microseconds from now by which the next message (or exit) will come.
    /// - Returns: `true` if a message was sent.
    /// - Throws: ``SystemdError`` with code `.notify`.
    @discardableResult
    public func extendTimeout(usec: UInt64) throws(SystemdError) -> Bool {
        try send(["EXTEND_TIMEOUT_USEC=\(usec)"])
    }

    /// How often to send ``watchdog()``: half of `WATCHDOG_USEC` (systemd's advice), or `nil` when the service
    /// has no watchdog (`WatchdogSec=` unset, or `WATCHDOG_PID` names another process).
    public func watchdogInterval() -> Duration? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return .microseconds(Int64(clamping: usec / 2))
    }

    /// Sends `assignments` joined by newlines as one datagram.
    private func send(_ assignments: [String]) throws(SystemdError) -> Bool {
        guard isEnabled else { return false }
        let message = assignments.joined(separator: "\n")
        let result = sd_notify(0, message)
        if result < 0 {
            throw SystemdError(code: .notify, errno: -result, context: "sd_notify(\(assignments.first ?? ""))")
        }
        return result > 0
    }

    /// `text` with line breaks replaced by spaces: the protocol separates assignments by newlines.
    static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// `CLOCK_MONOTONIC` now, in microseconds.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
