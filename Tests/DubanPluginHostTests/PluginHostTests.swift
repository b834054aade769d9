import DubanPluginHost
import DubanPluginProtocol
import DubanTesting
import Foundation
import InMemoryLogging
import Logging
import Testing

/// The good path: lazy start, the handshake, every method, stderr into the log, a clean shutdown; and the example
/// notifier in plugins/examples/ working through the host.
@Suite struct PluginHostTests {
    @Test func goodPluginAnswersEveryMethod() async throws {
        let harness = PluginHostHarness([PluginHostHarness.manifest("good")])
        let plugin = try harness.plugin("good")
        #expect(await plugin.statistics().state == .stopped, "started lazily, on the first call")
        let notified = try await plugin.notify(PluginHostHarness.events(["a", "b"]))
        #expect(notified.delivered == ["a", "b"] && notified.failed.isEmpty)
        let checked = try await plugin.check(
            CheckParams(
                task: CheckTask(plan: "p", id: "t", title: "T", kind: "deadline"),
                occurrences: [CheckOccurrence(id: "p/t/u/once", org: "u", period: "once", due: "2025-03-03")],
                settings: .emptyObject
            )
        )
        #expect(
            checked.results == [CheckOutcome(occurrence: "p/t/u/once", state: .done, evidence: "checked p/t/u/once")]
        )
        let imported = try await plugin.importDocument(ImportParams(document: ImportDocument(name: "a.txt", text: "x")))
        #expect(imported.planYAML == "id: imported\n")
        let stats = await plugin.statistics()
        #expect(stats.state == .ready && stats.calls == 3 && stats.failures == 0 && stats.starts == 1)
        #expect(stats.pluginVersion == "0.0.1" && stats.protocolVersion == "1.0" && stats.lastSuccessAt != nil)
        let pid = try #require(stats.pid)
        #expect(harness.entries("good", event: .started).count == 1)
        #expect(
            await PluginHostHarness.eventually {
                harness.entries("good", event: .output).contains { $0.message.description.contains("host duband-test") }
            },
            "stderr lines are logged under the plugin's name"
        )
        await harness.host.shutdown()
        #expect(await plugin.statistics().state == .stopping)
        #expect(kill(pid, 0) != 0, "the plugin exited after shutdown")
        await #expect(throws: PluginError.self) { try await plugin.notify(PluginHostHarness.events(["late"])) }
    }

    @Test func callsNeedTheDeclaredCapability() async throws {
        let harness = PluginHostHarness([PluginHostHarness.manifest("good", capabilities: [.notifier])])
        let plugin = try harness.plugin("good")
        do {
            _ = try await plugin.importDocument(ImportParams(document: ImportDocument(name: "a", text: "b")))
            Issue.record("import must be refused")
        } catch {
            #expect(error.code == .notOffered)
        }
        #expect(
            harness.host.supervisors(with: .notifier).count == 1 && harness.host.supervisors(with: .checker).isEmpty
        )
    }

    @Test func exampleNotifierWorksThroughTheHost() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let output = directory.url.appendingPathComponent("sent.jsonl").path
        let manifest = PluginManifest(
            name: "notify-file",
            executable: Fixtures.packageRoot.appendingPathComponent("plugins/examples/notify-file.py").path,
            capabilities: [.notifier],
            timeout: 30,
            settings: .object(["path": .string(output)])
        )
        let harness = PluginHostHarness([manifest])
        let plugin = try harness.plugin("notify-file")
        let result = try await plugin.notify(PluginHostHarness.events(["k1", "k2"]))
        #expect(result.delivered == ["k1", "k2"])
        await harness.host.shutdown()
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""to": ["zhangsan@example.cn"]"#) && lines[0].contains("今日到期"))
    }
}
