import DubanTesting
import Foundation
import Testing

/// The real `duband` meets a plan file with a number out of range (a 20-digit count of working days, the typo that
/// once trapped the daemon in its arithmetic): on SIGHUP it logs the error with the file's line and column and keeps
/// answering with the plans it had; started again with the file still there, it refuses to start with exit status
/// 78 (EX_CONFIG, which `RestartPreventExitStatus=78` in duban.service keeps systemd from restarting) and the same
/// message, and no trap.
@Suite(.serialized, .enabled(if: try Requirement.met(JournaldHarness.unavailableReason)))
struct OutOfRangeInputEndToEndTests {
    static let typo = Fixtures.twentyDigitCountPlan(assignee: "kangle")

    @Test func reloadKeepsThePlansAndStartRefusesWithExit78() async throws {
        let journal = try JournaldHarness.acquire()
        defer { journal.release() }
        let ws = try DaemonEndToEndTests.Workspace()
        defer { ws.dir.cleanup() }
        let notify = try NotifySocketListener(path: ws.dir.url.appendingPathComponent("notify.sock").path)
        let log = ws.dir.url.appendingPathComponent("duband.log").path
        let duband = BinaryRunner.path(of: "duband")
        let arguments = ["--config", ws.config, "--clock-start", "2022-08-25T08:00:00+08:00", "--clock-speed", "1"]

        let daemon = try DaemonProcess(
            executable: duband, arguments: arguments, environment: ["NOTIFY_SOCKET": notify.path], logPath: log)
        defer { daemon.stop() }
        let ready = try await offload { notify.receive(until: { $0.contains("READY=1") }, timeout: .seconds(60)) }
        try #require(ready.contains { $0.contains("READY=1") }, "no READY=1; log:\n\(daemon.output)")

        // SIGHUP with the typo: logged with its place, the old plan stays in force and the daemon keeps answering.
        let typo = try ws.dir.write("plans/typo.yaml", Self.typo)
        daemon.signal(SIGHUP)
        let failures = try await journal.entries(
            matching: ["MESSAGE_ID": DaemonEndToEndTests.loadFailedID, "_PID": "\(daemon.pid)"],
            timeout: .seconds(20)
        )
        let failure = try #require(failures.first, "no reload failure logged; log:\n\(daemon.output)")
        let errors = failure["DUBAN_ERRORS"] ?? ""
        #expect(errors.contains("\(typo):8:"), "\(errors)")
        #expect(errors.contains("99999999999999999999") && errors.contains("超出范围"), "\(errors)")
        #expect(daemon.poll() == nil, "duband died on SIGHUP; log:\n\(daemon.output)")

        let dubanctl = BinaryRunner.path(of: "dubanctl")
        let socket = ws.socket
        let status = try await offload { try ProcessRunner.run(dubanctl, ["status", "--socket", socket, "--json"]) }
        #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
        #expect(status.stdout.contains("\"plans\" : 1"), "\(status.stdout)")
        #expect(status.stdout.contains("99999999999999999999"), "the last reload's errors: \(status.stdout)")
        let milestones = try await offload {
            try ProcessRunner.run(dubanctl, ["milestones", "--socket", socket, "--json", "--within", "30d"])
        }
        #expect(milestones.status == 0 && milestones.stdout.contains(ws.occurrence), "\(milestones.stdout)")

        // Stopped and started again with the file still there: a clean refusal, not a trap and a restart loop.
        let (stopped, _) = await daemon.signalAndTimeExit(SIGTERM, timeout: .seconds(20))
        #expect(stopped == 0, "log:\n\(daemon.output)")
        let startLog = ws.dir.url.appendingPathComponent("start.log").path
        let again = try DaemonProcess(executable: duband, arguments: arguments, environment: [:], logPath: startLog)
        defer { again.stop() }
        let code = await again.waitForExit(timeout: .seconds(60))
        #expect(code == 78, "exit \(String(describing: code)); output:\n\(again.output)")
        #expect(again.output.contains("\(typo):8:"), "\(again.output)")
        #expect(again.output.contains("超出范围"), "\(again.output)")
        #expect(!again.output.contains("Swift runtime failure"), "\(again.output)")
        let refusals = try await journal.entries(
            matching: ["MESSAGE_ID": DaemonEndToEndTests.loadFailedID, "_PID": "\(again.pid)"],
            timeout: .seconds(20)
        )
        #expect(refusals.first?["DUBAN_ERRORS"]?.contains("\(typo):8:") == true, "\(refusals)")
    }
}
