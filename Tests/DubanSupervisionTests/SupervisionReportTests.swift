import DubanCalendar
import DubanSupervision
import Foundation
import Testing

@Suite struct ReportPeriodTests {
    @Test("month, quarter, year: first and last days, the previous period, the text")
    func parsing() throws {
        let november = try ReportPeriod(parsing: "2026-11")
        #expect(november.kind == .month && november.first == day("2026-11-01") && november.last == day("2026-11-30"))
        #expect(november.previous.description == "2026-10" && november.zh == "2026年11月" && november.en == "November 2026")
        #expect(try ReportPeriod(parsing: "2026-01").previous.description == "2025-12")
        #expect(try ReportPeriod(parsing: "2028-02").last == day("2028-02-29"))
        let q4 = try ReportPeriod(parsing: "2026-Q4")
        #expect(q4.first == day("2026-10-01") && q4.last == day("2026-12-31") && q4.previous.description == "2026-Q3")
        #expect(q4.zh == "2026年第四季度")
        #expect(try ReportPeriod(parsing: "2026-q1").previous.description == "2025-Q4")
        let year = try ReportPeriod(parsing: " 2026 ")
        #expect(year.first == day("2026-01-01") && year.last == day("2026-12-31") && year.previous.description == "2025")
        #expect(year.contains(day("2026-06-30")) && !year.contains(day("2027-01-01")))
        #expect(try JSONDecoder().decode([ReportPeriod].self, from: JSONEncoder().encode([q4, november])) == [q4, november])
    }

    @Test("bad periods are refused with a message in both languages", arguments: [
        "2026-13", "2026-00", "2026-Q5", "2026-Q", "26-11", "2026/11", "", "abcd", "2026-1", "1800", "2026-11-01", "２０２６",
    ])
    func refused(text: String) {
        let error = #expect(throws: ReportPeriodError.self) { try ReportPeriod(parsing: text) }
        #expect(error?.input == text)
        #expect(error?.zh.contains("报告期") == true && error?.en.contains("report period") == true)
    }

    @Test("the message says what is wrong")
    func messages() {
        let month = #expect(throws: ReportPeriodError.self) { try ReportPeriod(parsing: "2026-13") }
        #expect(month?.zh.contains("月份应为01到12") == true && month?.en.contains("01 to 12") == true)
        let shape = #expect(throws: ReportPeriodError.self) { try ReportPeriod(parsing: "2026/11") }
        #expect(shape?.zh.contains("2026-Q4") == true && shape?.en.contains("expected 2026-11 (month)") == true)
    }
}

@Suite struct SupervisionReportTests {
    func report(bottom: Int = 3) throws -> SupervisionReport {
        SupervisionReport.make(
            items: try CircularFixture.items(), period: try ReportPeriod(parsing: "2026-11"), asOf: day("2026-12-04"),
            calendar: calendar, bottom: bottom)
    }

    @Test("each unit's figures and the items behind them (CircularFixture, worked out by hand)")
    func figures() throws {
        let report = try report()
        #expect(report.cutoff == day("2026-11-30"))
        let units = Dictionary(uniqueKeysWithValues: report.units.map { ($0.unit, $0) })
        let a = try #require(units["county-a"])
        #expect(a.due == ["a1", "a2", "a3", "a5"] && a.waived == ["a3"] && a.closedOnTime == ["a1", "a2"])
        #expect(a.closedLate.isEmpty && a.overdue.isEmpty && a.unacknowledged.isEmpty, "a5 is awaiting review at the cut-off")
        #expect(a.sentBack == [SupervisionReport.ItemCount(item: "a2", count: 1)] && a.sentBackTotal == 1)
        #expect(a.onTimeRate == SupervisionReport.Rate(numerator: 2, denominator: 3) && a.onTimeRate?.percentText == "66.7%")
        #expect(a.previousRate == SupervisionReport.Rate(numerator: 0, denominator: 1) && a.rateChangePermille == 667)
        #expect(a.rateChangeText(.zhHans) == "+66.7个百分点")
        let b = try #require(units["county-b"])
        #expect(b.due == ["b1", "b2", "b3", "b4"] && b.closedOnTime == ["b4"] && b.closedLate == ["b1"])
        #expect(b.overdue == ["b2", "b3"] && b.unacknowledged == ["b3"] && b.onTimeRate?.percentText == "25.0%")
        #expect(b.previousRate == SupervisionReport.Rate(numerator: 1, denominator: 1) && b.rateChangePermille == -750)
        #expect(b.rateChangeText(.en) == "-75.0 pts")
        let d = try #require(units["county-d"])
        #expect(d.closedOnTime == ["d1", "d3"] && d.overdue == ["d4"] && d.onTimeRate?.percentText == "50.0%")
        #expect(d.previousRate == nil && d.rateChangePermille == nil, "nothing due in October")
        let e = try #require(units["county-e"])
        #expect(e.due.isEmpty && e.onTimeRate == nil)
    }

    @Test("ranking: rate, then overdue, then unit id; the bottom 3 widened to the tie with the last named")
    func ranking() throws {
        let report = try report()
        // 甲 66.7%; 丙 and 己 50% with nothing overdue (by id); 丁 50% with one overdue; 乙 25%; 戊 no rate.
        #expect(report.units.map(\.unit) == ["county-a", "county-c", "county-f", "county-d", "county-b", "county-e"])
        #expect(report.units.map(\.rank) == [1, 2, 3, 4, 5, 6])
        // The last three with a rate are 己, 丁, 乙; 丙 ties with 己 (50%, none overdue), so it is named too.
        #expect(report.bottom == ["county-c", "county-f", "county-d", "county-b"])
        #expect(try self.report(bottom: 1).bottom == ["county-b"])
        #expect(try self.report(bottom: 0).bottom.isEmpty)
        let text = report.text()
        #expect(text.hasPrefix("2026年11月督办事项通报（截至2026年12月4日）"))
        #expect(text.contains("5. 乙县教育局：应办结4项，免办0项，按时办结1项，按时办结率25.0%（较上期-75.0个百分点），逾期未办结2项，超时未签收1项，退回0次"))
        #expect(text.contains("排名靠后：丙县教育局、己县教育局、丁县教育局、乙县教育局"))
    }

    @Test("a clean record is never named, even at the bottom")
    func cleanRecord() throws {
        let all = try CircularFixture.items().filter { ["a1", "a2", "c1", "d1"].contains($0.id) }
        let report = SupervisionReport.make(
            items: all, period: try ReportPeriod(parsing: "2026-11"), asOf: day("2026-12-04"), calendar: calendar)
        #expect(report.units.allSatisfy { $0.onTimeRate?.percentText == "100.0%" })
        #expect(report.bottom.isEmpty)
    }
}
