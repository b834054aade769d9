import DubanCalendar
import DubanCore
import DubanImport
import DubanTesting
import Foundation
import Yams

/// Scores a draft against the hand-verified timeline of the same document (../shared/timeline/*.yaml).
///
/// A timeline item and a draft item match when they are on the same line (or the draft item covers that line),
/// their amounts agree when both have one (target value, quota count, working days), their due dates agree when
/// both have one, and they share a quote piece of four characters or their amounts are equal. Pairs are made one
/// to one, best first (same kind, then amount, then quote overlap). A match whose kinds differ counts in the
/// lenient figures and not in the strict ones.
struct ImportEvaluation {
    struct Expected {
        var id: String
        var line: Int
        var kind: String
        var quote: String
        var due: String?
        var amount: Double?
    }

    struct Match {
        var expected: Int
        var drafted: Int
        var kindAgrees: Bool
    }

    var expected: [Expected]
    var drafted: [DraftItem]
    var matches: [Match] = []

    init(expected: [Expected], drafted: [DraftItem]) {
        self.expected = expected
        self.drafted = drafted
        match()
    }

    /// The timeline items of one file.
    static func loadTimeline(_ url: URL) throws -> [Expected] {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let list = try Yams.load(yaml: text) as? [[String: Any]] else { return [] }
        return list.map { entry in
            let target = entry["target"] as? [String: Any]
            let quota = entry["quota"] as? [String: Any]
            let amount = number(target?["value"]) ?? number(quota?["count"]) ?? number(entry["working_days"])
            return Expected(
                id: entry["id"] as? String ?? "", line: entry["line"] as? Int ?? 0, kind: entry["kind"] as? String ?? "",
                quote: entry["quote"] as? String ?? "", due: entry["due"] as? String, amount: amount)
        }
    }

    static func number(_ value: Any?) -> Double? {
        switch value {
        case let value as Int: return Double(value)
        case let value as Double: return value
        default: return nil
        }
    }

    static func amount(of item: DraftItem) -> Double? {
        item.target?.value ?? item.quota?.count ?? item.limit.map { Double($0.count) }
    }

    /// Score of a pair, nil when they cannot match.
    func score(_ e: Expected, _ d: DraftItem) -> Int? {
        let covered = d.line == e.line || d.alsoCovers.contains { $0.line == e.line }
        guard covered else { return nil }
        var amountAgrees = false
        if let a = e.amount, let b = Self.amount(of: d) {
            let extensionAgrees = d.limit?.extensionCount.map { Double($0) == a } ?? false
            guard abs(a - b) < 0.001 || extensionAgrees else { return nil }
            amountAgrees = true
        }
        if let due = e.due, let mine = d.due, due != mine.description { return nil }
        let overlap = Self.longestCommonSubstring(e.quote, d.quote)
        let extraOverlap = d.alsoCovers.map { Self.longestCommonSubstring(e.quote, $0.quote) }.max() ?? 0
        guard amountAgrees || max(overlap, extraOverlap) >= 4 || (e.amount == nil && Self.amount(of: d) == nil && overlap >= 2)
        else { return nil }
        var score = min(max(overlap, extraOverlap), 30)
        if amountAgrees { score += 40 }
        if e.kind == d.kind.rawValue { score += 100 }
        return score
    }

    /// Pairs items one to one, best score first. A draft item that merged further evidence (an extension
    /// sentence folded into its limit, `alsoCovers`) may pair once more per merged piece; precision still counts
    /// each draft item once.
    mutating func match() {
        var pairs: [(Int, Int, Int)] = []
        for (i, e) in expected.enumerated() {
            for (j, d) in drafted.enumerated() {
                if let s = score(e, d) { pairs.append((s, i, j)) }
            }
        }
        pairs.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
        var usedE: Set<Int> = []
        var uses: [Int: Int] = [:]
        for (_, i, j) in pairs where !usedE.contains(i) && uses[j, default: 0] <= drafted[j].alsoCovers.count {
            usedE.insert(i)
            let extra = uses[j, default: 0] > 0
            uses[j, default: 0] += 1
            if extra {
                extraMatches.append(Match(expected: i, drafted: j, kindAgrees: expected[i].kind == drafted[j].kind.rawValue))
            } else {
                matches.append(Match(expected: i, drafted: j, kindAgrees: expected[i].kind == drafted[j].kind.rawValue))
            }
        }
    }

    /// Matches through merged evidence (count for recall only).
    var extraMatches: [Match] = []
    /// Every match, for recall.
    var allMatches: [Match] { matches + extraMatches }

    var recall: Double { expected.isEmpty ? 1 : Double(allMatches.count) / Double(expected.count) }
    var precision: Double { drafted.isEmpty ? 1 : Double(matches.count) / Double(drafted.count) }
    var strictRecall: Double {
        expected.isEmpty ? 1 : Double(allMatches.filter(\.kindAgrees).count) / Double(expected.count)
    }
    var strictPrecision: Double {
        drafted.isEmpty ? 1 : Double(matches.filter(\.kindAgrees).count) / Double(drafted.count)
    }

    var misses: [Expected] {
        let found = Set(allMatches.map(\.expected))
        return expected.indices.filter { !found.contains($0) }.map { expected[$0] }
    }

    var falsePositives: [DraftItem] {
        let found = Set(matches.map(\.drafted))
        return drafted.indices.filter { !found.contains($0) }.map { drafted[$0] }
    }

    /// A printable report: overall and per-kind figures, misses, false positives.
    func report(name: String) -> String {
        var out: [String] = []
        func pct(_ x: Double) -> String { String(format: "%.3f", x) }
        out.append(
            "== \(name): \(expected.count) timeline items, \(drafted.count) drafted, \(allMatches.count) timeline items found "
                + "by \(matches.count) drafted items")
        out.append(
            "   recall \(pct(recall)) precision \(pct(precision))  (kind must agree: recall \(pct(strictRecall)) precision \(pct(strictPrecision)))")
        for kind in TaskKind.allCases {
            let e = expected.indices.filter { expected[$0].kind == kind.rawValue }
            let d = drafted.indices.filter { drafted[$0].kind == kind }
            let matchedE = allMatches.filter { e.contains($0.expected) }
            let matchedD = matches.filter { d.contains($0.drafted) }
            let r = e.isEmpty ? 1 : Double(matchedE.count) / Double(e.count)
            let p = d.isEmpty ? 1 : Double(matchedD.count) / Double(d.count)
            let rs = e.isEmpty ? 1 : Double(matchedE.filter(\.kindAgrees).count) / Double(e.count)
            let ps = d.isEmpty ? 1 : Double(matchedD.filter(\.kindAgrees).count) / Double(d.count)
            out.append(
                "   \(kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) timeline \(e.count) drafted \(d.count)  "
                    + "recall \(pct(r)) precision \(pct(p))  strict \(pct(rs))/\(pct(ps))")
        }
        out.append("   misses (timeline items not found):")
        for e in misses {
            out.append("     L\(e.line) \(e.kind) \(e.id): \(e.quote.prefix(40))")
            if ProcessInfo.processInfo.environment["DUBAN_EVAL_DEBUG"] == "1" {
                for d in drafted where d.line == e.line {
                    out.append("        drafted: \(d.kind.rawValue) \(d.title) amount \(Self.amount(of: d).map { String($0) } ?? "-") due \(d.due?.description ?? "-") quote \(d.quote.prefix(30))")
                }
            }
        }
        out.append("   kind disagreements (timeline → drafted):")
        for m in allMatches where !m.kindAgrees {
            out.append("     L\(expected[m.expected].line) \(expected[m.expected].kind) → \(drafted[m.drafted].kind.rawValue): \(expected[m.expected].id)")
        }
        out.append("   false positives (drafted items with no timeline item):")
        for d in falsePositives {
            out.append("     L\(d.line) \(d.kind.rawValue) \(d.title)")
        }
        return out.joined(separator: "\n")
    }

    static func longestCommonSubstring(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var best = 0
        var previous = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            var current = Array(repeating: 0, count: y.count + 1)
            for j in 1...y.count where x[i - 1] == y[j - 1] {
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
            }
            previous = current
        }
        return best
    }

    /// Runs the importer on a seed and scores it against its timeline; nil when ../shared is absent.
    static func evaluate(seed: String) throws -> (ImportEvaluation, DraftPlan)? {
        guard let shared = Fixtures.shared else { return nil }
        let text = try String(contentsOf: shared.appendingPathComponent("seeds/\(seed).txt"), encoding: .utf8)
        let expected = try loadTimeline(shared.appendingPathComponent("timeline/\(seed).yaml"))
        let plan = PlanImporter(options: ImportOptions(documentName: "\(seed).txt")).draft(text)
        return (ImportEvaluation(expected: expected, drafted: plan.items), plan)
    }

    static let seeds = ["000_f1497915987518f7", "004_4f52e4ea8ed90206"]
}
