import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanTesting
import Testing

/// Files with numbers out of range get an error with `file:line:column`, never a trap (the inputs that once trapped,
/// and those the fuzz targets in Fuzz/ found).
@Suite struct OutOfRangeFileTests {
    static let plan = Fixtures.twentyDigitCountPlan(assignee: "county-a")

    @Test func planWithATwentyDigitCountIsAnErrorAtItsPlace() throws {
        let (plan, diagnostics) = PlanFile.parse(Self.plan, file: "plans/typo.yaml")
        #expect(plan == nil)
        #expect(diagnostics.count == 1, "one error, not a second about a missing `due`: \(diagnostics)")
        let error = try #require(diagnostics.first { $0.message.zh.contains("超出范围") }, "\(diagnostics)")
        #expect(error.location.file == "plans/typo.yaml")
        #expect(error.location.line == 8)
        #expect(error.location.column == 10)
        #expect(error.formatted(.zhHans).hasPrefix("plans/typo.yaml:8:10"))
        #expect(error.message.zh.contains("99999999999999999999"))
    }

    @Test(arguments: [
        "reminders: [99999999999999999999]",
        "reminders: [-1]",
        "  - {id: x, title: y, kind: recurring, assignees: [county-a], every: year, times: 99999999999999999999}",
        "  - {id: x, title: y, kind: quota, assignees: [county-a], due: 2022年底, quota: {count: 1e999, unit: 名}}",
    ])
    func planIntegersOutOfRangeAreErrors(line: String) {
        let text =
            line.hasPrefix("  -")
            ? "id: p\ntitle: 计划\ntasks:\n\(line)\n"
            : "id: p\ntitle: 计划\n\(line)\ntasks:\n  - {id: x, title: y, kind: deadline, assignees: [county-a], due: 2022年底}\n"
        let (plan, diagnostics) = PlanFile.parse(text, file: "p.yaml")
        #expect(plan == nil, "\(line)")
        #expect(diagnostics.contains { $0.severity == .error && $0.location.line >= 3 }, "\(diagnostics)")
    }

    @Test(arguments: ["99999999999999MiB", "9223372036854775807K", "-1MiB", "1e99"])
    func manifestSizeOutOfRangeIsAnError(size: String) throws {
        let text = "name: big\nexecutable: /bin/true\ncapabilities: [notifier]\nmax_output: \(size)\n"
        let (manifest, diagnostics) = PluginManifestFile.parse(text, file: "plugins.d/big.yaml")
        #expect(manifest == nil)
        let error = try #require(diagnostics.first, "\(size)")
        #expect(error.location.line == 4, "\(error)")
    }
}
