import DubanCalendar
import DubanCore
import DubanImport
import DubanPlanFiles
import DubanTesting
import Foundation
import Testing

/// The written draft is a plan file that `dubanctl check` rejects until every 待填写 is filled, and accepts after.
@Suite struct DraftPlanWriterTests {
    /// Fills every placeholder the way an admin would: a unit from examples/org.yaml, a date, a period, a limit.
    static func fill(_ yaml: String) -> String {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line)
            line = line.replacingOccurrences(of: "assignees: [待填写]", with: "assignees: [linxia]")
            line = line.replacingOccurrences(of: "due: 待填写", with: "due: 2025年底")
            line = line.replacingOccurrences(of: "recurrence: 待填写", with: "recurrence: 每年")
            line = line.replacingOccurrences(of: "limit: 待填写", with: "limit: 10个工作日")
            return line
        }.joined(separator: "\n")
    }

    /// Loads `yaml` as a plan file with examples/org.yaml, the way `dubanctl check` does.
    static func check(_ yaml: String, name: String) throws -> Result<PlanSet, DiagnosticsError> {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let file = try dir.write(name, yaml)
        let sources = PlanSources(planFiles: [file], orgFile: Fixtures.examples.appendingPathComponent("org.yaml").path)
        do {
            return .success(try PlanSetLoader.load(sources))
        } catch {
            return .failure(error)
        }
    }

    @Test func countyDraftPassesCheckOnceFilled() throws {
        let plan = PlanImporter(options: ImportOptions(documentName: CountyPlanFixture.name)).draft(CountyPlanFixture.text)
        let yaml = DraftPlanWriter.yaml(plan)
        #expect(yaml.contains("# 待填写 / TODO"))
        #expect(yaml.contains("source: {document: \"青教发〔2024〕12号\", line: 8, quote: \"完成全县义务教育学校布局规划修编\"}"))
        // Unfilled: refused, with the placeholders named.
        guard case .failure(let refused) = try Self.check(yaml, name: "draft.yaml") else {
            Issue.record("an unfilled draft must not pass the check")
            return
        }
        #expect(!refused.diagnostics.isEmpty)
        // Filled: accepted, every task kept.
        let filled = Self.fill(yaml)
        #expect(!filled.contains(DraftPlanWriter.placeholder + "]"))
        switch try Self.check(filled, name: "draft.yaml") {
        case .success(let set):
            #expect(set.plans.first?.tasks.count == plan.items.count)
            #expect(set.plans.first?.id == "qingshan-compulsory-2024")
        case .failure(let error):
            Issue.record("filled draft failed the check: \(error.diagnostics.map { "\($0.location) \($0.message.zh)" })")
        }
    }

    @Test(
        .enabled(if: Fixtures.shared != nil, "../shared/ (the reference documents) is absent next to the package"),
        arguments: ImportEvaluation.seeds
    )
    func seedDraftsPassCheckOnceFilled(seed: String) throws {
        let shared = try #require(Fixtures.shared)
        let text = try String(contentsOf: shared.appendingPathComponent("seeds/\(seed).txt"), encoding: .utf8)
        let plan = PlanImporter(options: ImportOptions(documentName: "\(seed).txt", planID: "imported")).draft(text)
        let filled = Self.fill(DraftPlanWriter.yaml(plan))
        switch try Self.check(filled, name: "imported.yaml") {
        case .success(let set):
            #expect(set.plans.first?.tasks.count == plan.items.count)
        case .failure(let error):
            Issue.record("filled draft failed the check: \(error.diagnostics.prefix(10).map { "\($0.location) \($0.message.zh)" })")
        }
    }
}
