@testable import DubanDaemon
import DubanCalendar
import DubanControlAPI
import Foundation
import Testing

/// The pure parts behind the control API: quota pace, reading trends, iCalendar text, CSV fields.
@Suite struct ControlViewTests {
    static let calendar = WorkingDayCalendar(years: [])

    @Test func paceIsTheQuotaProRataOverWorkingDays() {
        // Mon 2024-03-04 … Fri 2024-03-15: 10 working days; through Fri 03-08, 5 have passed.
        let start = CivilDate(year: 2024, month: 3, day: 4)!
        let end = CivilDate(year: 2024, month: 3, day: 15)!
        let pace = QuotaPace(quota: 100, achieved: 40, start: start, end: end, today: CivilDate(year: 2024, month: 3, day: 8)!, calendar: Self.calendar)
        #expect(pace.workingDaysTotal == 10 && pace.workingDaysElapsed == 5)
        #expect(pace.expectedByNow == 50 && pace.pace == 0.8 && pace.remaining == 60 && !pace.onTrack)
        let before = QuotaPace(quota: 100, achieved: 0, start: start, end: end, today: CivilDate(year: 2024, month: 2, day: 1)!, calendar: Self.calendar)
        #expect(before.expectedByNow == 0 && before.pace == nil && before.onTrack)
        let after = QuotaPace(quota: 100, achieved: 120, start: start, end: end, today: CivilDate(year: 2025, month: 1, day: 1)!, calendar: Self.calendar)
        #expect(after.expectedByNow == 100 && after.remaining == 0 && after.onTrack && after.asOf == end)
        let none = QuotaPace(quota: nil, achieved: 3, start: start, end: end, today: start, calendar: Self.calendar)
        #expect(none.expectedByNow == nil && none.pace == nil)
    }

    @Test func trendIsTheLeastSquaresLine() throws {
        let d0 = CivilDate(year: 2024, month: 1, day: 1)!
        let fit = try #require(ReadingTrend.fit([(d0, 90), (d0.adding(days: 100), 91), (d0.adding(days: 200), 92)]))
        #expect(abs(fit.slope - 0.01) < 1e-12)
        #expect(abs(fit.value(at: d0.adding(days: 400)) - 94) < 1e-9)
        #expect(ReadingTrend.fit([(d0, 1)]) == nil)
        #expect(ReadingTrend.fit([(d0, 1), (d0, 2)]) == nil, "two readings on one day give no direction")
    }

    @Test func iCalendarLinesAreEscapedAndFoldedAt75Octets() {
        let long = String(repeating: "督办", count: 40)
        let folded = ICalendarWriter.fold("SUMMARY:" + long)
        for line in folded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + long, "unfolding restores the line")
        #expect(ICalendarWriter.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(ICalendarWriter.utcStamp(Date(timeIntervalSince1970: 86_400 + 3_661)) == "19700102T010101Z")
    }

    @Test func csvFieldsAreQuotedAndFormulasDefused() {
        #expect(CSVWriter.field("普通") == "普通")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVWriter.field("-3") == "-3")
    }
}
