import DubanCore
import DubanImport
import DubanTesting
import Foundation
import Testing

/// Recall and precision of the importer on the two reference documents, against their hand-verified timelines.
@Suite struct SeedEvaluationTests {
    /// Prints the full report (per kind, misses, false positives) when DUBAN_EVAL=1 (scripts/eval/planimport.sh).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DUBAN_EVAL"] == "1"))
    func printReport() throws {
        guard Fixtures.shared != nil else {
            print("skipped: ../shared/ is absent")
            return
        }
        var all: [ImportEvaluation] = []
        for seed in ImportEvaluation.seeds {
            let (evaluation, _) = try #require(try ImportEvaluation.evaluate(seed: seed))
            print(evaluation.report(name: seed))
            all.append(evaluation)
        }
        let combined = ImportEvaluation(expected: [], drafted: [])
        _ = combined
        let matched = all.map(\.matches.count).reduce(0, +)
        let expected = all.map(\.expected.count).reduce(0, +)
        let drafted = all.map(\.drafted.count).reduce(0, +)
        let strict = all.map { $0.matches.filter(\.kindAgrees).count }.reduce(0, +)
        print(
            String(
                format: "== overall: recall %.3f precision %.3f (kind must agree: recall %.3f precision %.3f)",
                Double(matched) / Double(expected), Double(matched) / Double(drafted), Double(strict) / Double(expected),
                Double(strict) / Double(drafted)))
    }
}
