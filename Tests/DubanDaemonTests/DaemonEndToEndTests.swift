import DubanTesting
import Foundation
import Testing

/// The real `duband` under real `systemd-socket-activate`, logging to a real journald, on a scaled clock
/// (a simulated day per real second): READY and STATUS, a reminder, the due-day and an overdue notice with their
/// structured fields, a SIGHUP with a broken plan that keeps the old plans, kill -9 and restart without a repeated
/// or dropped event, and SIGTERM ending it cleanly within 2 s.
@Suite(.serialized, .enabled(if: try Requirement.met(JournaldHarness.unavailableReason)))
struct DaemonEndToEndTests {
    static let reminderID = "6ee7642053ca40d2a82f1faf46e90446"
    static let dueID = "be4d02f060a248d3a71dc8a8de743a0f"
    static let overdueID = "e19374faf8f84e19996557c038bfbe09"
    static let loadFailedID = "b722b049cf7249a7b92e83ae36c2e666"

    /// A workspace: the example org directory and one plan whose id is unique to this run.
    struct Workspace {
        let dir: TemporaryDirectory
        let plan: String
        var config: String { dir.url.appendingPathComponent("duban.yaml").path }
        var socket: String { dir.url.appendingPathComponent("control.sock").path }
        var occurrence: String { "\(plan)/network-upgrade/kangle/once" }

        init() throws {
            dir = try TemporaryDirectory()
            plan = "e2e-" + UUID().uuidString.prefix(8).lowercased()
            try FileManager.default.copyItem(
                atPath: Fixtures.examples.appendingPathComponent("org.yaml").path,
                toPath: dir.url.appendingPathComponent("org.yaml").path
            )
            try dir.write(
                "plans/e2e.yaml",
                """
                id: \(plan)
                title: 端到端测试计划
                tasks:
                  - id: network-upgrade
                    title: 中小学升级改造网络环境
                    kind: deadline
                    assignees: [kangle]
                    due: 2022年8月底
                    reminders: [3]
                """
            )
            try dir.write(
                "duban.yaml",
                """
                plans: plans
                org: org.yaml
                calendar_dir: []
                state_dir: state
                socket: control.sock
                reminders: {lead_days: [3], overdue_every: 5, overdue_repeats: 2}
                """
            )
        }
    }

    func start(_ ws: Workspace, clockStart: String, activated: Bool, notify: NotifySocketListener?, log: String) throws
        -> DaemonProcess
    {
        let duband = BinaryRunner.path(of: "duband")
        let daemonArgs = ["--config", ws.config, "--clock-start", clockStart, "--clock-speed", "86400"]
        var env: [String: String] = [:]
        if let notify { env["NOTIFY_SOCKET"] = notify.path }
        if activated {
            return try DaemonProcess(
                executable: "/usr/bin/systemd-socket-activate",
                arguments: ["-l", ws.socket, "-E", "NOTIFY_SOCKET", duband] + daemonArgs,
                environment: env,
                logPath: log
            )
        }
        return try DaemonProcess(executable: duband, arguments: daemonArgs, environment: env, logPath: log)
    }

    @Test func remindsSurvivesReloadAndCrashAndStopsCleanly() async throws {
        let journal = try JournaldHarness.acquire()
        defer { journal.release() }
        let ws = try Workspace()
        defer { ws.dir.cleanup() }
        let notify = try NotifySocketListener(path: ws.dir.url.appendingPathComponent("notify.sock").path)
        let log = ws.dir.url.appendingPathComponent("duband.log").path

        // 1. Socket-activated start at 2022-08-25 08:00 (+08:00); the first connection makes systemd-socket-activate
        //    exec duband on fd 3.
        let first = try start(ws, clockStart: "2022-08-25T08:00:00+08:00", activated: true, notify: notify, log: log)
        defer { first.stop() }
        #expect(await connectOnce(toUnixSocket: ws.socket, timeout: .seconds(60)))
        let messages = try await offload { notify.receive(until: { $0.contains("READY=1") }, timeout: .seconds(60)) }
        let ready = try #require(messages.first { $0.contains("READY=1") }, "no READY=1; log:\n\(first.output)")
        #expect(ready.contains("STATUS="), "\(ready)")
        #expect(ready.contains("个计划") && ready.contains("演练时钟"), "\(ready)")

        // 2. The reminder 3 working days before 2022-08-31 (Wed) is 2022-08-26 (Fri) 08:30: a second or so away.
        let reminders = try await journal.entries(
            matching: ["DUBAN_OCCURRENCE": ws.occurrence, "MESSAGE_ID": Self.reminderID],
            timeout: .seconds(60)
        )
        let reminder = try #require(reminders.first, "no reminder in the journal; log:\n\(first.output)")
        #expect(reminder["DUBAN_TASK"] == "network-upgrade")
        #expect(reminder["DUBAN_PLAN"] == ws.plan)
        #expect(reminder["DUBAN_ORG"] == "kangle")
        #expect(reminder["DUBAN_EVENT"] == "reminder")
        #expect(reminder["PRIORITY"] == "5")
        #expect(reminder["DUBAN_DAYS"] == "3")
        #expect(reminder["MESSAGE"]?.contains("中小学升级改造网络环境") == true)
        #expect(reminder["MESSAGE"]?.contains("2022年8月31日") == true, "\(reminder["MESSAGE"] ?? "")")

        // dubanctl talks to the live daemon: status, and an online backup of the state database.
        let dubanctl = BinaryRunner.path(of: "dubanctl")
        let sock = ws.socket
        let backupPath = ws.dir.url.appendingPathComponent("backup.sqlite").path
        let ctlStatus = try await offload { try ProcessRunner.run(dubanctl, ["status", "--socket", sock, "--json"]) }
        #expect(
            ctlStatus.status == 0 && ctlStatus.stdout.contains("\"plans\" : 1"),
            "\(ctlStatus.stdout)\(ctlStatus.stderr)"
        )
        let backup = try await offload { try ProcessRunner.run(dubanctl, ["backup", backupPath, "--socket", sock]) }
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(((try? FileManager.default.attributesOfItem(atPath: backupPath)[.size] as? Int) ?? 0) > 0)

        // 3. SIGHUP with a broken plan: the error is logged with file:line:column, the old plans stay.
        let broken = try ws.dir.write(
            "plans/broken.yaml",
            "id: broken\ntitle: 坏计划\ntasks:\n  - {id: x, title: y, kind: deadline, assignees: [kangle], due: 2022-02-30}\n"
        )
        first.signal(SIGHUP)
        let failures = try await journal.entries(
            matching: ["MESSAGE_ID": Self.loadFailedID, "_PID": "\(first.pid)"],
            timeout: .seconds(10)
        )
        let failure = try #require(failures.first, "no reload failure logged; log:\n\(first.output)")
        #expect(failure["DUBAN_ERRORS"]?.contains("\(broken):4:") == true, "\(failure)")
        let socket = ws.socket
        let status = try await offload {
            try ProcessRunner.run("/usr/bin/curl", ["-s", "--unix-socket", socket, "http://localhost/v1/status"])
        }
        #expect(status.stdout.contains("\"plans\":1"), "\(status.stdout)")
        #expect(status.stdout.contains("\"ok\":false"), "\(status.stdout)")
        try FileManager.default.removeItem(atPath: broken)

        // 4. kill -9 before the due date, restart (binding the socket itself this time) after it: the missed due
        //    notice fires once at start, the reminder does not repeat, the first overdue notice follows.
        first.signal(SIGKILL)
        _ = await first.waitForExit(timeout: .seconds(5))
        let second = try start(ws, clockStart: "2022-09-01T09:00:00+08:00", activated: false, notify: notify, log: log)
        defer { second.stop() }
        let dues = try await journal.entries(
            matching: ["DUBAN_OCCURRENCE": ws.occurrence, "MESSAGE_ID": Self.dueID],
            timeout: .seconds(20)
        )
        #expect(dues.count == 1, "due notices: \(dues.count); log:\n\(second.output)")
        // Overdue 1 falls 5 working days after 2022-08-31: 2022-09-07 08:30, about 6 s of real time later.
        let overdues = try await journal.entries(
            matching: ["DUBAN_OCCURRENCE": ws.occurrence, "MESSAGE_ID": Self.overdueID],
            timeout: .seconds(30)
        )
        let overdue = try #require(overdues.first, "no overdue notice; log:\n\(second.output)")
        #expect(overdue["DUBAN_EVENT"] == "overdue")
        #expect(overdue["MESSAGE"]?.contains("逾期") == true)
        let remindersAfter = try await journal.entries(
            matching: ["DUBAN_OCCURRENCE": ws.occurrence, "MESSAGE_ID": Self.reminderID],
            timeout: .milliseconds(10)
        )
        #expect(remindersAfter.count == 1, "the reminder must not repeat after the crash")

        // An unreachable daemon is exit code 69.
        let unreachable = try await offload {
            try ProcessRunner.run(dubanctl, ["status", "--socket", "/nonexistent/control.sock"])
        }
        #expect(unreachable.status == 69)

        // 5. SIGTERM: STOPPING=1 and a clean exit within 2 s. The listener has not been read since READY (its
        //    queue holds 10 datagrams, so duband's STATUS updates have long filled it); the sends wait on a queue
        //    of their own and the stop goes on regardless. Read it now, as systemd would have, so STOPPING=1 has
        //    room to arrive.
        _ = notify.drain()
        let (code, elapsed) = await second.signalAndTimeExit(SIGTERM, timeout: .seconds(20))
        #expect(code == 0, "exit \(String(describing: code)); log:\n\(second.output)")
        #expect(elapsed.map { $0 < .seconds(2) } == true, "SIGTERM to exit: \(String(describing: elapsed))")
        let stopping = try await offload { notify.receive(until: { $0.contains("STOPPING=1") }, timeout: .seconds(2)) }
        #expect(stopping.contains { $0.contains("STOPPING=1") }, "log:\n\(second.output)")
        // …by the services ending, not by the stop deadline's safety net.
        try await PluginDaemonTests.expectNoForcedExit(journal, pid: second.pid, log: second.output)
    }
}
