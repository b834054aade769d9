import DubanTesting
import Foundation
import Testing

@testable import DubanSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// The child side of the process tests: each runs only when `NotifierTests` or `ListenFDsTests` start the test
/// binary again with `DUBAN_CHILD_ROLE` set, and is skipped in a normal run. Running in a child lets it own
/// `NOTIFY_SOCKET`, `WATCHDOG_USEC`, `LISTEN_FDS` and fd 3 without touching the environment that every suite of
/// the test process shares.
@Suite struct ChildProcessEntries {
    @Test(.enabled(if: ChildTestProcess.role == "notify", "runs only as a child of NotifierTests"))
    func notifyChild() throws {
        let notifier = SystemdNotifier()
        try #require(notifier.isEnabled)
        let interval = notifier.watchdogInterval()
        try ChildTestProcess.report(["watchdog_ms=\(interval.map { String(Self.milliseconds($0)) } ?? "none")"])
        #expect(try notifier.ready(status: "督办已就绪：3 个计划 · 412 项待办 · 7 项逾期"))
        #expect(try notifier.status("第一行\n第二行"))
        #expect(try notifier.reloading())
        #expect(try notifier.ready(status: "重新加载完成 · reloaded"))
        #expect(try notifier.watchdog())
        #expect(try notifier.extendTimeout(usec: 5_000_000))
        #expect(try notifier.stopping())
    }

    /// Forty status updates and forty watchdog pings to a socket nobody reads (its queue holds 10): every call
    /// returns at once, then the queue is flushed once the parent starts reading.
    @Test(.enabled(if: ChildTestProcess.role == "notify-queue", "runs only as a child of NotifierTests"))
    func notifyQueueChild() throws {
        let queue = NotifyQueue()
        try #require(queue.isEnabled)
        queue.ready(status: "就绪")
        for index in 1...40 {
            queue.status("状态 \(index)")
            queue.watchdog()
        }
        queue.stopping()
        try ChildTestProcess.report(["returned=1"])
        #expect(queue.flush(timeout: .seconds(30)), "the queue drained once the socket was read")
    }

    @Test(.enabled(if: ChildTestProcess.role == "watchdog-other-pid", "runs only as a child of NotifierTests"))
    func watchdogForAnotherProcessChild() throws {
        let interval = SystemdNotifier().watchdogInterval()
        try ChildTestProcess.report(["watchdog_ms=\(interval.map { String(Self.milliseconds($0)) } ?? "none")"])
    }

    @Test(.enabled(if: ChildTestProcess.role == "listen-fds", "runs only as a child of ListenFDsTests"))
    func listenFDsChild() throws {
        let environmentBefore = getenv("LISTEN_FDS").map { String(cString: $0) } ?? "unset"
        let fds = ListenFDs.take()
        let second = ListenFDs.take()
        var lines = [
            "listen_fds_before=\(environmentBefore)",
            "fds=\(fds.map(String.init).joined(separator: ","))",
            "second_take=\(second.count)",
            "listen_fds_after=\(getenv("LISTEN_FDS").map { String(cString: $0) } ?? "unset")",
            "listen_pid_after=\(getenv("LISTEN_PID").map { String(cString: $0) } ?? "unset")",
            "fd4_open=\(fcntl(4, F_GETFD) >= 0)",
        ]
        if let fd = fds.first {
            lines.append("cloexec=\(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)")
            let connection = accept(fd, nil, nil)
            lines.append("accepted=\(connection >= 0)")
            if connection >= 0 {
                let reply = Array("已连接 fd \(fd)\n".utf8)
                _ = reply.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
                close(connection)
            }
        }
        try ChildTestProcess.report(lines)
    }

    @Test(.enabled(if: ChildTestProcess.role == "listen-fds-other-pid", "runs only as a child of ListenFDsTests"))
    func listenFDsForAnotherProcessChild() throws {
        let fds = ListenFDs.take()
        try ChildTestProcess.report([
            "fds=\(fds.map(String.init).joined(separator: ","))",
            "listen_fds_after=\(getenv("LISTEN_FDS").map { String(cString: $0) } ?? "unset")",
        ])
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
