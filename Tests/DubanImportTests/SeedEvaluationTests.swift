import DubanCore
import DubanImport
import DubanTesting
import Foundation
import Testing

/// Recall and precision of the importer on the two reference documents, against their hand-verified timelines.
@Suite struct SeedEvaluationTests {
    /// Prints the full report (per kind, misses, false positives) when DUBAN_EVAL=1 (scripts/eval/planimport.sh).
    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["DUBAN_EVAL"] == "1"),
        .enabled(if: Fixtures.shared != nil, "../shared/ (the reference documents) is absent next to the package")
    )
    func printReport() throws {
        var all: [ImportEvaluation] = []
        for seed in ImportEvaluation.seeds {
            let (evaluation, _) = try #require(try ImportEvaluation.evaluate(seed: seed))
            print(evaluation.report(name: seed))
            all.append(evaluation)
        }
        let overall = Overall(all)
        print(
            String(
                format: "== overall: recall %.3f precision %.3f (kind must agree: recall %.3f precision %.3f)",
                overall.recall, overall.precision, overall.strictRecall, overall.strictPrecision))
    }
}

/// Figures over both documents.
struct Overall {
    var recall: Double
    var precision: Double
    var strictRecall: Double
    var strictPrecision: Double

    init(_ evaluations: [ImportEvaluation]) {
        let found = Double(evaluations.map(\.allMatches.count).reduce(0, +))
        let correct = Double(evaluations.map(\.matches.count).reduce(0, +))
        let expected = Double(evaluations.map(\.expected.count).reduce(0, +))
        let drafted = Double(evaluations.map(\.drafted.count).reduce(0, +))
        let strictFound = Double(evaluations.map { $0.allMatches.filter(\.kindAgrees).count }.reduce(0, +))
        let strictCorrect = Double(evaluations.map { $0.matches.filter(\.kindAgrees).count }.reduce(0, +))
        recall = found / max(1, expected)
        precision = correct / max(1, drafted)
        strictRecall = strictFound / max(1, expected)
        strictPrecision = strictCorrect / max(1, drafted)
    }
}

/// Floors on the reference documents, so a change that loses items or adds noise shows up. Measured (see
/// docs/import.md): recall and precision well above these on both documents.
@Suite struct SeedEvaluationFloorTests {
    @Test(
        .enabled(if: Fixtures.shared != nil, "../shared/ (the reference documents) is absent next to the package"),
        arguments: ImportEvaluation.seeds
    )
    func recallAndPrecisionStayAboveTheFloor(seed: String) throws {
        let (evaluation, _) = try #require(try ImportEvaluation.evaluate(seed: seed))
        #expect(evaluation.recall >= 0.88, "\(evaluation.report(name: seed))")
        #expect(evaluation.precision >= 0.9, "\(evaluation.report(name: seed))")
        #expect(evaluation.strictRecall >= 0.85)
    }
}
