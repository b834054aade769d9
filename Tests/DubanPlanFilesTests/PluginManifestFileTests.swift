import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanPluginProtocol
import DubanTesting
import Foundation
import Testing

@Suite struct PluginManifestFileTests {
    @Test func fullManifestIsRead() throws {
        let text = """
            name: netcheck
            executable: bin/netcheck
            args: [--verbose, "--mode=strict"]
            env:
              NETCHECK_PROXY: http://proxy.example:3128
            capabilities: [checker]
            timeout: 500ms
            max_output: 256KiB
            schedule: 每个工作日 07:00
            tasks: ["2025-network/*", safety/uptime]
            restart_delay: 2s
            restart_delay_max: 10m
            settings:
              url: https://example.org/health
              retries: 3
              strict: true
              ratio: 0.5
              hosts: [a, b]
              empty: ~
            """
        let (manifest, diagnostics) = PluginManifestFile.parse(text, file: "/etc/duban/plugins.d/netcheck.yaml")
        let m = try #require(manifest, "\(diagnostics)")
        #expect(m.name == "netcheck" && m.executable == "/etc/duban/plugins.d/bin/netcheck")
        #expect(m.arguments == ["--verbose", "--mode=strict"])
        #expect(m.environment == ["NETCHECK_PROXY": "http://proxy.example:3128"])
        #expect(m.capabilities == [.checker] && m.timeout == 0.5 && m.maximumOutputBytes == 256 * 1024)
        #expect(m.schedule == [PluginScheduleSlot(days: .workingDays, hour: 7, minute: 0)])
        #expect(m.tasks == ["2025-network/*", "safety/uptime"])
        #expect(m.restartDelay == 2 && m.restartDelayMaximum == 600)
        #expect(
            m.settings
                == .object([
                    "url": .string("https://example.org/health"), "retries": .number(3), "strict": .bool(true),
                    "ratio": .number(0.5), "hosts": .array([.string("a"), .string("b")]), "empty": .null,
                ]))
    }

    @Test func defaultsAndNameFromTheFile() throws {
        let (manifest, diagnostics) = PluginManifestFile.parse(
            "executable: /usr/lib/duban/plugins/mail\ncapabilities: notifier\n", file: "/etc/duban/plugins.d/mail.yaml")
        let m = try #require(manifest, "\(diagnostics)")
        #expect(m.name == "mail" && m.capabilities == [.notifier] && m.timeout == 30)
        #expect(m.maximumOutputBytes == 1 << 20 && m.settings == .emptyObject && m.batchSize == 50)
        #expect(m.restartDelay == 1 && m.restartDelayMaximum == 300 && m.channel == "plugin:mail")
    }

    @Test(arguments: [
        ("每个工作日 07:00", PluginScheduleSlot(days: .workingDays, hour: 7, minute: 0)),
        ("工作日 7:30", PluginScheduleSlot(days: .workingDays, hour: 7, minute: 30)),
        ("每个工作日07:00", PluginScheduleSlot(days: .workingDays, hour: 7, minute: 0)),
        ("workdays 07:00", PluginScheduleSlot(days: .workingDays, hour: 7, minute: 0)),
        ("daily 23:59", PluginScheduleSlot(days: .everyDay, hour: 23, minute: 59)),
        ("每天 00:00", PluginScheduleSlot(days: .everyDay, hour: 0, minute: 0)),
    ])
    func schedules(_ text: String, _ slot: PluginScheduleSlot) {
        #expect(PluginManifestFile.scheduleSlot(text) == slot)
    }

    @Test func badSchedulesAreRefused() {
        for text in ["sometimes 07:00", "workdays 25:00", "workdays", "07:00", "daily 7"] {
            #expect(PluginManifestFile.scheduleSlot(text) == nil, "\(text)")
        }
    }

    @Test(arguments: [
        ("executable: /x\ncapabilities: [notifier]\ntimout: 5\n", "unknown-key", "timout", "timeout"),
        ("capabilities: [notifier]\n", "missing-key", "capabilities", nil),
        ("executable: /x\ncapabilities: [mailer]\n", "bad-value", "mailer", nil),
        ("executable: /x\ncapabilities: [notifier]\ntimeout: forever\n", "bad-value", "forever", nil),
        ("executable: /x\ncapabilities: [notifier]\ntimeout: 0\n", "bad-value", "0", nil),
        ("executable: /x\ncapabilities: [notifier]\nmax_output: 10\n", "bad-value", "10", nil),
        ("executable: /x\ncapabilities: [checker]\ntasks: [a/b]\nschedule: hourly 07:00\n", "bad-schedule", "hourly", nil),
        ("executable: /x\ncapabilities: [checker]\nschedule: daily 07:00\ntasks: [nothing]\n", "bad-value", "nothing", nil),
        ("executable: /x\ncapabilities: [notifier]\nschedule: daily 07:00\n", "bad-value", "daily", nil),
        ("name: Mail\nexecutable: /x\ncapabilities: [notifier]\n", "bad-name", "Mail", nil),
        ("executable: /x\ncapabilities: [notifier]\nsettings: [1]\n", "wrong-type", "[1]", nil),
        ("executable: /x\ncapabilities: [notifier]\nenv: {\"A=B\": c}\n", "bad-value", "\"A=B\"", nil),
        ("executable: /x\n  capabilities: [notifier]\n", "yaml-syntax", nil, nil),
    ] as [(String, String, String?, String?)])
    func badManifests(_ text: String, _ code: String, _ needle: String?, _ suggestion: String?) throws {
        let (manifest, diagnostics) = PluginManifestFile.parse(text, file: "p.yaml")
        #expect(manifest == nil)
        let first = try #require(diagnostics.first { $0.code == code }, "\(diagnostics)")
        if let needle {
            let (line, column) = position(of: needle, in: text)
            #expect((first.location.line, first.location.column) == (line, column), "\(first)")
        }
        if let suggestion { #expect(first.message.en.contains("did you mean `\(suggestion)`")) }
    }

    @Test func checkerNeedsScheduleAndTasks() {
        let (manifest, diagnostics) = PluginManifestFile.parse("executable: /x\ncapabilities: [checker]\n", file: "c.yaml")
        #expect(manifest == nil)
        #expect(diagnostics.filter { $0.code == "missing-key" }.count == 2)
    }

    @Test func directoryLoadsGoodFilesAndReportsBadOnes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        _ = try directory.write("a-mail.yaml", "executable: /usr/bin/true\ncapabilities: [notifier]\n")
        _ = try directory.write("b-broken.yaml", "executable: /usr/bin/true\ncapabilities: [notifier]\ntimout: 3\n")
        _ = try directory.write("c-dup.yaml", "name: a-mail\nexecutable: /usr/bin/true\ncapabilities: [notifier]\n")
        _ = try directory.write("d-off.yml", "executable: /usr/bin/true\ncapabilities: [notifier]\nenabled: false\n")
        _ = try directory.write("README.txt", "not a manifest")
        let contents = PluginManifestFile.loadDirectory(directory.url.path)
        #expect(contents.manifests.map(\.name) == ["a-mail"])
        #expect(contents.rejected.map(\.name) == ["b-broken", "a-mail"])
        #expect(contents.rejected[0].diagnostics.first?.formatted(.en).contains("b-broken.yaml:3:1") == true)
        #expect(contents.rejected[1].diagnostics.first?.code == "duplicate-plugin")
        #expect(contents.disabled == ["d-off"])
        #expect(PluginManifestFile.loadDirectory("/nonexistent/plugins.d").manifests.isEmpty)
    }
}
