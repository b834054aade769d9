import DubanCalendar
import DubanCore
import DubanSupervision
import Foundation
import Testing

@Suite struct SupervisionScoreTests {
    func score(_ rules: ScoringRules = ScoringRules()) throws -> SupervisionScore {
        SupervisionScore.make(
            items: try CircularFixture.items(), period: try ReportPeriod(parsing: "2026-11"), asOf: day("2026-12-04"),
            rules: rules, calendar: calendar)
    }

    func lines(_ score: SupervisionScore, _ unit: String) -> [String] {
        score.units.first { $0.unit == unit }!.lines.map { line in
            "\(line.item ?? "-") \(line.reason.rawValue) \(line.role.rawValue) \(line.points)"
        }
    }

    @Test("every line explained, by hand: lead and co-unit shares, urgency weights, Decimal points")
    func byHand() throws {
        let score = try score()
        // 甲: a2 sent back once, −1 → 99. a3 waived, a5 awaiting review: nothing.
        #expect(lines(score, "county-a") == ["a2 sent_back lead 1"])
        // 乙 (lead): b1 closed late −2; b2 (急办 ×1.5) overdue −3; b3 overdue −2 and not acknowledged −1.
        // 乙 (co-unit of d4): overdue 2 × 0.5 = −1; two missed weekly reports 0.5 × 0.5 = −0.25 each. −9.5 → 90.5.
        #expect(lines(score, "county-b") == [
            "b1 late_closure lead 2", "b2 overdue lead 3", "b3 overdue lead 2", "b3 unacknowledged lead 1",
            "d4 overdue co_unit 1", "d4 missed_feedback co_unit 0.25", "d4 missed_feedback co_unit 0.25",
        ])
        // 丙: c2 late −2; co-unit of b2 (急办): 2 × 0.5 × 1.5 = −1.5 → 96.5.
        #expect(lines(score, "county-c") == ["b2 overdue co_unit 1.5", "c2 late_closure lead 2"])
        // 丁: co-unit of b1 (closed late: the lead's) nothing; of b3: overdue −1 (never the 签收, the lead's);
        // d2 late −2; d4 overdue −2 and missed 11-16, 11-30: −0.5 each → 94.
        #expect(lines(score, "county-d") == [
            "b3 overdue co_unit 1", "d2 late_closure lead 2", "d4 overdue lead 2", "d4 missed_feedback lead 0.5",
            "d4 missed_feedback lead 0.5",
        ])
        #expect(score.units.first { $0.unit == "county-d" }!.lines.compactMap(\.day) == [day("2026-11-16"), day("2026-11-30")])
        #expect(lines(score, "county-e").isEmpty)
        #expect(score.units.map(\.unit) == ["county-e", "county-a", "county-f", "county-c", "county-d", "county-b"])
        #expect(score.units.map { "\($0.score)" } == ["100", "99", "98", "96.5", "94", "90.5"])
        for unit in score.units {
            #expect(unit.deducted == score.rules.base - unit.score, "\(unit.unit): the lines sum to the deduction")
        }
    }

    @Test("the floor: the score stops at 0 and a last line gives back the excess, so the lines still sum")
    func floor() throws {
        var rules = ScoringRules()
        rules.base = 5
        let score = try score(rules)
        let b = try #require(score.units.first { $0.unit == "county-b" })
        #expect(b.score == 0)
        #expect(b.lines.last.map { "\($0.reason.rawValue) \($0.points)" } == "floor -4.5")
        #expect(b.deducted == 5)
        for unit in score.units { #expect(unit.deducted == rules.base - unit.score && unit.score >= 0) }
    }

    @Test("line texts in both languages")
    func texts() throws {
        let score = try score()
        let b = try #require(score.units.first { $0.unit == "county-b" })
        #expect(b.lines[1].text(.zhHans) == "b2 逾期未办结（急办）：扣3分")
        #expect(b.lines[5].text(.zhHans) == "d4 未按期反馈进展（11月16日应报，协办）：扣0.25分")
        #expect(b.lines[1].text(.en) == "b2 open past its due date (urgent): −3")
    }

    @Test("rules: defaults, partial configuration in numbers, exact decimals, refusals")
    func rulesCoding() throws {
        let defaults = try JSONDecoder().decode(ScoringRules.self, from: Data("{}".utf8))
        #expect(defaults == ScoringRules())
        #expect(defaults.base == 100 && defaults.lateClosure == 2 && defaults.sentBack == 1 && defaults.overdue == 2)
        #expect(defaults.missedFeedback == Decimal(string: "0.5") && defaults.coUnitWeight == Decimal(string: "0.5"))
        #expect(defaults.urgentWeight == Decimal(string: "1.5") && defaults.extraUrgentWeight == 2 && defaults.leadWeight == 1)
        let partial = try JSONDecoder().decode(ScoringRules.self, from: Data(#"{"missedFeedback": 0.1, "base": 60}"#.utf8))
        #expect(partial.missedFeedback == Decimal(string: "0.1") && partial.base == 60 && partial.overdue == 2)
        #expect(try JSONDecoder().decode(ScoringRules.self, from: JSONEncoder().encode(partial)) == partial)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ScoringRules.self, from: Data(#"{"overdue": -1}"#.utf8)) }
    }
}
