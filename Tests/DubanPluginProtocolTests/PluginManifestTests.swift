import DubanPluginProtocol
import Testing

@Suite struct PluginManifestTests {
    @Test func taskPatterns() {
        let manifest = PluginManifest(
            name: "netcheck", executable: "/bin/true", capabilities: [.checker], tasks: ["2025-network/*", "safety/daily-*"])
        #expect(manifest.checks(plan: "2025-network", task: "uptime"))
        #expect(manifest.checks(plan: "safety", task: "daily-patrol"))
        #expect(!manifest.checks(plan: "safety", task: "weekly-patrol"))
        #expect(!manifest.checks(plan: "2025-networks", task: "x"))
        #expect(manifest.channel == "plugin:netcheck")
        #expect(PluginManifest.glob("*", matches: "a/b"))
        #expect(PluginManifest.glob("a*b*c", matches: "aXXbYYc"))
        #expect(!PluginManifest.glob("a*b*c", matches: "aXXbYY"))
        #expect(PluginManifest.glob("exact/x", matches: "exact/x"))
    }

    @Test func names() {
        #expect(PluginManifest.isValidName("mail-1_b"))
        for bad in ["", "Mail", "a b", "邮件", "a/b", String(repeating: "a", count: 65)] {
            #expect(!PluginManifest.isValidName(bad), "\(bad)")
        }
    }

    @Test func slotDescription() {
        #expect(PluginScheduleSlot(days: .workingDays, hour: 7, minute: 5).description == "workdays 07:05")
        #expect(PluginScheduleSlot(days: .everyDay, hour: 13, minute: 30).minuteOfDay == 810)
    }
}
