import DubanCalendar
import DubanPlanFiles
import Testing

/// The notices, parsed, must give the same working days as the shipped year files, every day of every year.
@Suite struct HolidayNoticeShippedDataTests {
    static let notices: [(Int, String)] = [
        (2020, HolidayNoticeTexts.notice2020), (2021, HolidayNoticeTexts.notice2021),
        (2022, HolidayNoticeTexts.notice2022), (2023, HolidayNoticeTexts.notice2023),
        (2024, HolidayNoticeTexts.notice2024), (2025, HolidayNoticeTexts.notice2025),
        (2026, HolidayNoticeTexts.notice2026),
    ]

    @Test(arguments: notices.map(\.0))
    func parsedNoticeMatchesShippedData(year: Int) throws {
        let text = try #require(Self.notices.first { $0.0 == year }?.1)
        let parsed = try HolidayNotice.parse(text)
        #expect(parsed.year == year)
        let fromNotice = WorkingDayCalendar(years: [parsed])
        let shipped = bundledCalendar
        var day = CivilDate.startOfYear(year)
        var compared = 0
        while day <= .endOfYear(year) {
            // 2020's Spring Festival was extended to 2 February by a separate notice (国办发明电〔2020〕1号),
            // which the shipped data includes and the annual notice cannot.
            let extended2020 = year == 2020 && day >= CivilDate(year: 2020, month: 1, day: 31)! && day <= CivilDate(year: 2020, month: 2, day: 2)!
            if !extended2020 {
                #expect(fromNotice.isWorkingDay(day) == shipped.isWorkingDay(day), "\(day)")
                #expect((fromNotice.kind(of: day) == .makeupWorkday) == (shipped.kind(of: day) == .makeupWorkday), "\(day)")
                compared += 1
            }
            day = day.adding(days: 1)
        }
        #expect(compared >= 362)
    }

    @Test func importedYearFileRoundTripsThroughTheShippedFormat() throws {
        let parsed = try HolidayNotice.parse(HolidayNoticeTexts.notice2026)
        let text = CalendarYearFile.render(parsed)
        let (reread, diagnostics) = CalendarYearFile.parse(text, file: "holidays-2026.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(reread == parsed)
    }
}
