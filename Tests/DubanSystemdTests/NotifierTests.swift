import DubanTesting
import Foundation
import Testing

@testable import DubanSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// `SystemdNotifier` speaking the sd_notify protocol to a datagram socket the test binds, from a child process
/// whose `NOTIFY_SOCKET` points there (the test binary re-run with one `ChildProcessEntries` test).
@Suite struct NotifierTests {
    @Test func notifierSendsEachStateInOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let listener = try NotifySocketListener(path: directory.url.appendingPathComponent("notify.sock").path)
        let before = SystemdNotifier.monotonicMicroseconds()
        let child = try ChildRun.run(
            test: "notifyChild",
            role: "notify",
            directory: directory,
            environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "30000000"]
        )
        let after = SystemdNotifier.monotonicMicroseconds()
        #expect(child.status == 0, "child failed:\n\(child.output)")

        var messages: [String] = []
        while let message = listener.receive(timeout: .milliseconds(500)) { messages.append(message) }
        try #require(messages.count == 7, "datagrams: \(messages)\nchild:\n\(child.output)")
        #expect(messages[0] == "READY=1\nSTATUS=督办已就绪：3 个计划 · 412 项待办 · 7 项逾期")
        #expect(messages[1] == "STATUS=第一行 第二行")
        let reloading = messages[2].split(separator: "\n").map(String.init)
        #expect(reloading.first == "RELOADING=1")
        let usec = try #require(
            reloading.last.flatMap { $0.hasPrefix("MONOTONIC_USEC=") ? UInt64($0.dropFirst(15)) : nil }
        )
        #expect(before <= usec && usec <= after, "MONOTONIC_USEC is CLOCK_MONOTONIC now")
        #expect(messages[3] == "READY=1\nSTATUS=重新加载完成 · reloaded")
        #expect(messages[4] == "WATCHDOG=1")
        #expect(messages[5] == "EXTEND_TIMEOUT_USEC=5000000")
        #expect(messages[6] == "STOPPING=1")
        #expect(child.report["watchdog_ms"] == "15000", "half of WATCHDOG_USEC")
    }

    /// `NotifyQueue` never blocks its caller on a manager that does not read: the child's 81 calls return while the
    /// socket (10 datagrams deep) is unread, and once it is read the messages arrive in order, status updates
    /// coalesced to the newest, no ping lost.
    @Test func notifyQueueNeverBlocksTheCaller() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let listener = try NotifySocketListener(path: directory.url.appendingPathComponent("notify.sock").path)
        let reportPath = directory.url.appendingPathComponent("report-notify-queue").path
        var messages: [String] = []
        var returnedBeforeRead = false
        let child = try ChildRun.run(
            test: "notifyQueueChild",
            role: "notify-queue",
            directory: directory,
            environment: ["NOTIFY_SOCKET": listener.path]
        ) {
            // Read nothing until the child says every call has returned.
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                if ChildTestProcess.readReport(reportPath)["returned"] == "1" {
                    returnedBeforeRead = true
                    break
                }
                usleep(10_000)
            }
            messages = listener.receive(until: { $0 == "STOPPING=1" }, timeout: .seconds(10))
        }
        #expect(returnedBeforeRead, "the calls blocked on the unread socket; child:\n\(child.output)")
        #expect(child.status == 0, "child failed:\n\(child.output)")
        #expect(messages.first == "READY=1\nSTATUS=就绪", "\(messages)")
        #expect(messages.last == "STOPPING=1", "\(messages)")
        #expect(messages.filter { $0 == "WATCHDOG=1" }.count == 40, "every ping is sent: \(messages)")
        let statuses = messages.compactMap { $0.hasPrefix("STATUS=状态 ") ? Int($0.dropFirst(10)) : nil }
        #expect(statuses.last == 40, "the newest status is sent: \(statuses)")
        #expect(statuses == statuses.sorted() && Set(statuses).count == statuses.count, "\(statuses)")
        #expect(statuses.count < 40, "updates waiting behind a full socket coalesce: \(statuses)")
    }

    @Test func watchdogMeantForAnotherProcessIsIgnored() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let child = try ChildRun.run(
            test: "watchdogForAnotherProcessChild",
            role: "watchdog-other-pid",
            directory: directory,
            environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"]
        )
        #expect(child.status == 0, "child failed:\n\(child.output)")
        #expect(child.report["watchdog_ms"] == "none")
    }

    @Test(.enabled(if: getenv("NOTIFY_SOCKET") == nil && getenv("WATCHDOG_USEC") == nil, "runs outside systemd"))
    func withoutNotifySocketEverythingIsANoOp() throws {
        let notifier = SystemdNotifier()
        #expect(!notifier.isEnabled)
        #expect(try notifier.ready(status: "就绪") == false)
        #expect(try notifier.status("x") == false)
        #expect(try notifier.reloading() == false)
        #expect(try notifier.watchdog() == false)
        #expect(try notifier.extendTimeout(usec: 1) == false)
        #expect(try notifier.stopping() == false)
        #expect(notifier.watchdogInterval() == nil)
    }

    @Test func statusIsOneLine() {
        #expect(SystemdNotifier.singleLine("a\nb\r\nc") == "a b c")
    }
}
