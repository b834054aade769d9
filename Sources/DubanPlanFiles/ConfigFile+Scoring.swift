import DubanCore
import Foundation
import Yams

extension ConfigFile {
    /// The keys of `scoring:` and the rule each sets.
    static var scoringKeys: [(String, WritableKeyPath<ScoringRules, Decimal>)] { [
        ("base", \.base), ("late_closure", \.lateClosure), ("sent_back", \.sentBack),
        ("missed_feedback", \.missedFeedback), ("unacknowledged", \.unacknowledged), ("overdue", \.overdue),
        ("lead_weight", \.leadWeight), ("co_unit_weight", \.coUnitWeight), ("urgent_weight", \.urgentWeight),
        ("extra_urgent_weight", \.extraUrgentWeight),
    ] }

    /// `scoring:` (考核): points and weights as numbers from 0 to 1,000,000 with at most three decimals; a key
    /// left out keeps its default (docs/supervision.md, "Score").
    static func scoringRules(_ m: MappingReader, collector: DiagnosticCollector) -> ScoringRules {
        var rules = ScoringRules()
        for (key, path) in scoringKeys {
            guard let node = m.value(key) else { continue }
            let text = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            let decimals = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
            guard text.count <= 16, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                decimals <= 3, let value = Decimal(string: text), value >= 0, value <= 1_000_000
            else {
                collector.error(
                    node, "bad-value", zh: "`scoring.\(key)` 应为0到1000000之间、最多三位小数的数",
                    en: "`scoring.\(key)` must be a number from 0 to 1,000,000 with at most three decimals")
                continue
            }
            rules[keyPath: path] = value
        }
        m.finish(known: scoringKeys.map(\.0))
        return rules
    }
}
