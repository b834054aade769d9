import DubanNetcheck
import DubanNetcheckPlugin
import DubanPlanFiles
import DubanPluginProtocol
import DubanTesting
import Foundation
import Testing

@Suite struct NetcheckManifestTests {
    /// The manifest template docs/netcheck.md points to is valid, its tasks exist in the example plan, and the
    /// plugin accepts its settings.
    @Test func deployTemplateIsValid() throws {
        let path = Fixtures.packageRoot.appendingPathComponent("deploy/plugins.d/netcheck.yaml").path
        let (manifest, diagnostics) = PluginManifestFile.parse(
            try String(contentsOfFile: path, encoding: .utf8),
            file: path
        )
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let parsed = try #require(manifest)
        #expect(parsed.capabilities == [.checker] && !parsed.schedule.isEmpty)
        let settings = try NetcheckSettings(settings: parsed.settings)
        #expect(settings.measure(forPlan: "linxia-it-2022", task: "ipv6-deployment") == .ipv6)
        #expect(settings.measure(forPlan: "linxia-it-2022", task: "school-bandwidth-rural") == .rural)
        #expect(settings.measure(forPlan: "linxia-it-2022", task: "network-upgrade") == .all)
        #expect(settings.counties["kangle"] == "康乐县")
        let plan = try String(
            contentsOf: Fixtures.examples.appendingPathComponent("plans/linxia-it-2022.yaml"),
            encoding: .utf8
        )
        for task in ["network-upgrade", "ipv6-deployment", "school-bandwidth-urban", "school-bandwidth-rural"] {
            #expect(plan.contains("- id: \(task)\n"), "\(task) is not in the example plan")
        }
    }

    @Test func settingsRefusals() {
        let bad: [JSONValue] = [
            .object([:]),
            .object(["inventory": .string("/x"), "urban_mbps": .number(-1)]),
            .object(["inventory": .string("/x"), "measure": .string("speed")]),
            .object(["inventory": .string("/x"), "measures": .object(["a/*": .string("fast")])]),
            .object(["inventory": .string("/x"), "counties": .object(["kangle": .number(1)])]),
            .object(["inventory": .string("/x"), "probe": .string("")]),
            .object(["inventory": .string("/x"), "colour": .string("red")]),
        ]
        for settings in bad {
            #expect(throws: RPCErrorObject.self, "\(settings)") { try NetcheckSettings(settings: settings) }
        }
    }
}
