import DubanTesting
import Foundation
import Testing

/// The real `duband` with broken plugins beside a good notifier and a checker, on a scaled clock, logging to a real
/// journald: the control socket keeps answering while plugins crash, hang, write garbage or are refused; each
/// fault is visible in `GET /v1/plugins`, `dubanctl plugins` and the journal; the good notifier delivers the
/// reminder; the checker closes its occurrence, audited as the plugin.
@Suite(.serialized, .enabled(if: try Requirement.met(JournaldHarness.unavailableReason)))
struct PluginDaemonTests {
    static let failureID = "d193ad1dcd094acc8cb9a40d774a06ce"
    static let startedID = "678f88b656a3426d897614933ca21bad"
    static let refusedID = "b163b35ea8bf4e15bd5a483e304799bd"
    static let completedID = "e66cceef68704587827462b9b8a236fe"
    /// `forced-exit` (JournalMessageID.forcedExit).
    static let forcedExitID = "59d88d6a41984132b4ad9e936d5a0488"

    static let fault = Fixtures.packageRoot.appendingPathComponent(
        "Tests/DubanPluginHostTests/Fixtures/fault-plugin.py"
    ).path
    static let example = Fixtures.packageRoot.appendingPathComponent("plugins/examples/notify-file.py").path

    @Test func faultsAreContainedAndVisible() async throws {
        let journal = try JournaldHarness.acquire()
        defer { journal.release() }
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let plan = "plug-" + UUID().uuidString.prefix(8).lowercased()
        let suffix = String(plan.dropFirst(5))
        try FileManager.default.copyItem(
            atPath: Fixtures.examples.appendingPathComponent("org.yaml").path,
            toPath: dir.url.appendingPathComponent("org.yaml").path
        )
        try dir.write(
            "plans/p.yaml",
            """
            id: \(plan)
            title: 插件测试计划
            tasks:
              - id: network-upgrade
                title: 中小学升级改造网络环境
                kind: deadline
                assignees: [kangle]
                due: 2022年8月底
                reminders: [3]
              - id: checked
                title: 网站可用性检查
                kind: deadline
                assignees: [kangle]
                due: 2022年9月底
            """
        )
        let sent = dir.url.appendingPathComponent("sent.jsonl").path
        // Names carry the run's suffix so journal queries see only this run.
        func manifest(_ name: String, _ body: String) throws {
            _ = try dir.write("plugins.d/\(name)-\(suffix).yaml", body)
        }
        try manifest(
            "mail",
            "executable: \(Self.example)\ncapabilities: [notifier]\ntimeout: 5s\nsettings: {path: \(sent)}\n"
        )
        try manifest(
            "crash",
            "executable: /usr/bin/python3\nargs: [\(Self.fault), crash-start]\ncapabilities: [notifier]\nrestart_delay: 0.5s\n"
        )
        try manifest(
            "hang",
            "executable: /usr/bin/python3\nargs: [\(Self.fault), hang]\ncapabilities: [notifier]\ntimeout: 1s\n"
        )
        try manifest(
            "garbage",
            "executable: /usr/bin/python3\nargs: [\(Self.fault), garbage]\ncapabilities: [notifier]\n"
        )
        try manifest(
            "v2",
            "executable: /usr/bin/python3\nargs: [\(Self.fault), wrong-major]\ncapabilities: [notifier]\n"
        )
        try manifest("typo", "executable: /usr/bin/true\ncapabilities: [notifier]\ntimout: 3s\n")
        try manifest(
            "flood",
            "executable: /usr/bin/python3\nargs: [\(Self.fault), flood]\ncapabilities: [notifier]\nrestart_delay: 60s\n"
        )
        try manifest(
            "checker",
            "executable: /usr/bin/python3\nargs: [\(Self.fault), good]\ncapabilities: [checker]\nschedule: 每个工作日 09:00\ntasks: [\"\(plan)/checked\"]\n"
        )
        try dir.write(
            "duban.yaml",
            "plans: plans\norg: org.yaml\ncalendar_dir: []\nstate_dir: state\nsocket: control.sock\nplugin_dir: plugins.d\nreminders: {lead_days: [3]}\n"
        )
        let socket = dir.url.appendingPathComponent("control.sock").path
        let log = dir.url.appendingPathComponent("duband.log").path
        let daemon = try DaemonProcess(
            executable: BinaryRunner.path(of: "duband"),
            arguments: [
                "--config", dir.url.appendingPathComponent("duban.yaml").path, "--clock-start",
                "2022-08-25T08:00:00+08:00",
                "--clock-speed", "86400",
            ],
            logPath: log
        )
        defer { daemon.stop() }
        #expect(
            await connectOnce(toUnixSocket: socket, timeout: .seconds(60)),
            "no control socket; log:\n\(daemon.output)"
        )

        // The reminder (2022-08-26 08:30, about a second away) reaches the good notifier.
        let reminder = try await journal.entries(
            matching: ["DUBAN_PLUGIN": "mail-\(suffix)", "DUBAN_EVENT": "plugin-output"],
            timeout: .seconds(30)
        )
        #expect(!reminder.isEmpty, "the example notifier's stderr reached the journal; log:\n\(daemon.output)")
        let delivered = (try? String(contentsOfFile: sent, encoding: .utf8)) ?? ""
        #expect(delivered.contains("\(plan)/network-upgrade/kangle/once#reminder-3"), "\(delivered)")

        // While the hung plugin holds its call, the control socket answers, again and again.
        for _ in 0..<5 {
            let status = try await offload {
                try ProcessRunner.run(
                    "/usr/bin/curl",
                    ["-s", "-m", "5", "--unix-socket", socket, "http://localhost/v1/status"]
                )
            }
            #expect(status.status == 0 && status.stdout.contains("\"plans\":1"), "\(status.stdout) \(status.stderr)")
            try await Task.sleep(for: .milliseconds(100))
        }

        // Every fault is in the journal under the plugin's name.
        for name in ["crash", "hang", "garbage", "flood"] {
            let entries = try await journal.entries(
                matching: ["DUBAN_PLUGIN": "\(name)-\(suffix)", "MESSAGE_ID": Self.failureID],
                timeout: .seconds(20)
            )
            #expect(!entries.isEmpty, "\(name): no plugin-failure entry; log:\n\(daemon.output)")
        }
        for name in ["v2", "typo"] {
            let entries = try await journal.entries(
                matching: ["DUBAN_PLUGIN": "\(name)-\(suffix)", "MESSAGE_ID": Self.refusedID],
                timeout: .seconds(20)
            )
            #expect(!entries.isEmpty, "\(name): no plugin-refused entry")
        }
        let started = try await journal.entries(
            matching: ["DUBAN_PLUGIN": "mail-\(suffix)", "MESSAGE_ID": Self.startedID],
            timeout: .seconds(5)
        )
        #expect(started.first?["DUBAN_PLUGIN_VERSION"] == "1.0.0")

        // The checker ran at 09:00 on the first working day and closed its occurrence, audited as the plugin.
        let completed = try await journal.entries(
            matching: ["DUBAN_OCCURRENCE": "\(plan)/checked/kangle/once", "MESSAGE_ID": Self.completedID],
            timeout: .seconds(20)
        )
        #expect(completed.first?["DUBAN_BY"] == "plugin:checker-\(suffix)", "\(completed)")

        // GET /v1/plugins and dubanctl plugins show each plugin's state and last error.
        let listing = try await offload {
            try ProcessRunner.run("/usr/bin/curl", ["-s", "--unix-socket", socket, "http://localhost/v1/plugins"])
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any])
        let plugins = try #require(object["plugins"] as? [[String: Any]])
        func plugin(_ name: String) -> [String: Any] {
            plugins.first { $0["name"] as? String == "\(name)-\(suffix)" } ?? [:]
        }
        print(listing.stdout)
        #expect(plugins.count == 8)
        #expect(plugin("mail")["state"] as? String == "ready" && plugin("mail")["failures"] as? Int == 0)
        #expect((plugin("crash")["last_error"] as? String)?.contains("exit status 3") == true)
        #expect((plugin("hang")["last_error"] as? String)?.contains("no reply to notify") == true)
        #expect((plugin("garbage")["last_error"] as? String)?.contains("not-json") == true)
        #expect(plugin("v2")["state"] as? String == "failed")
        #expect(
            plugin("typo")["state"] as? String == "invalid"
                && (plugin("typo")["last_error"] as? String)?.contains("timout") == true
        )
        #expect(plugin("checker")["calls"] as? Int ?? 0 >= 1)
        // A plugin that writes 100 MB without a newline is cut at max_output (1 MiB by default), and duband never held the flood: its
        // peak resident memory (VmHWM, its own process, whatever other tests do) stays far below 100 MB.
        #expect(
            (plugin("flood")["last_error"] as? String)?.contains("longer than 1048576 bytes") == true,
            "\(plugin("flood"))"
        )
        let peak = try #require(Self.peakResidentKiB(of: daemon.pid))
        print("duband peak resident memory after a 100 MB flood: \(peak / 1024) MiB")
        #expect(peak < 80 * 1024, "duband's VmHWM is \(peak) KiB")
        let ctl = try await offload {
            try ProcessRunner.run(BinaryRunner.path(of: "dubanctl"), ["plugins", "--socket", socket, "--lang", "en"])
        }
        print(ctl.stdout)
        #expect(ctl.status == 0, "\(ctl.stderr)")
        #expect(ctl.stdout.contains("hang-\(suffix)") && ctl.stdout.contains("no reply to notify"), "\(ctl.stdout)")
        #expect(ctl.stdout.contains("v2-\(suffix)") && ctl.stdout.contains("failed"))

        // The daily check (07:00 on the rehearsal clock) turns the plugins' failures into `plugin_failure` notices,
        // critical and so sent at once, to the top units of the org tree through every notifier: the good one writes
        // them to its file.
        let failureNotice = "plugin/hang-\(suffix)/failure/"
        let noticeDeadline = ContinuousClock.now + .seconds(30)
        var written = ""
        while ContinuousClock.now < noticeDeadline {
            written = (try? String(contentsOfFile: sent, encoding: .utf8)) ?? ""
            if written.contains(failureNotice) { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let failureLines = written.split(separator: "\n").filter { $0.contains(failureNotice) }
        #expect(!failureLines.isEmpty, "no plugin_failure notice in \(written.suffix(2000))")
        #expect(failureLines.allSatisfy { $0.contains("插件 hang-\(suffix)") }, "\(failureLines)")
        // The top units hear of it, the prefecture bureau of Linxia among them.
        #expect(failureLines.contains { $0.contains("linxia-bgs@example.org") }, "\(failureLines)")

        // SIGTERM stops the daemon and its plugins: each running plugin is asked to `shutdown` (and says so on
        // stderr, which reaches the journal), duband exits 0 inside its stop deadline (a second for the services,
        // twice the 2 s plugin grace, half a second to spare), and the safety net behind it never fires.
        let (code, elapsed) = await daemon.signalAndTimeExit(SIGTERM, timeout: .seconds(15))
        #expect(code == 0, "log:\n\(daemon.output)")
        #expect(elapsed.map { $0 < .seconds(5.5) } == true, "SIGTERM to exit: \(String(describing: elapsed))")
        for (name, line) in [("mail", "notify-file: shutdown received"), ("checker", "fault-plugin: shutdown received")] {
            let said = try await journal.entries(
                matching: ["DUBAN_PLUGIN": "\(name)-\(suffix)", "DUBAN_EVENT": "plugin-output", "MESSAGE": line],
                timeout: .seconds(5)
            )
            #expect(!said.isEmpty, "\(name) did not receive shutdown; log:\n\(daemon.output)")
        }
        try await Self.expectNoForcedExit(journal, pid: daemon.pid, log: daemon.output)
    }

    /// The stop deadline's safety net (StopDeadline) logs `forced-exit` when it fires; a graceful stop never
    /// reaches it.
    static func expectNoForcedExit(_ journal: JournaldHarness, pid: pid_t, log: @autoclosure () -> String)
        async throws
    {
        let forced = try await journal.entries(
            matching: ["MESSAGE_ID": forcedExitID, "_PID": "\(pid)"],
            timeout: .milliseconds(500)
        )
        #expect(forced.isEmpty, "the forced exit fired: \(forced); log:\n\(log())")
    }

    /// VmHWM of a running process, in KiB.
    static func peakResidentKiB(of pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }
    }
}
