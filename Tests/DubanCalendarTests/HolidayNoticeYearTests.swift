import DubanCalendar
import Testing

/// Each year's notice parses to exactly the arrangement in the literal tables, checked day by day.
@Suite("HolidayNotice: one notice per year")
struct HolidayNoticeYearTests {
    @Test(
        "every day from the December before through December 31 has the expected status",
        arguments: HolidayNoticeExpected.cases
    )
    func everyDay(_ notice: NoticeCase) throws {
        let parsed = try HolidayNotice.parse(notice.text)
        let expected = try Self.statuses(notice.holidays)
        let actual = try Self.statuses(parsed.holidays)

        var mismatches: [String] = []
        var day = try #require(CivilDate(year: notice.year - 1, month: 12, day: 1))
        while day <= CivilDate.endOfYear(notice.year) {
            if expected[day] != actual[day] {
                let wanted = expected[day] ?? "ordinary"
                mismatches.append("\(day): expected \(wanted), parsed \(actual[day] ?? "ordinary")")
            }
            day = day.adding(days: 1)
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "; "))")
        #expect(actual.count == expected.count)
    }

    @Test("holidays, names, order, year, document number and publication date", arguments: HolidayNoticeExpected.cases)
    func holidays(_ notice: NoticeCase) throws {
        let parsed = try HolidayNotice.parse(notice.text)
        #expect(parsed.year == notice.year)
        #expect(parsed.source == notice.source)
        #expect(parsed.published == CivilDate(iso: notice.published))
        #expect(parsed.holidays.map(\.name) == notice.holidays.map(\.name))
        #expect(parsed.holidays.map(\.nameEn) == notice.holidays.map(\.nameEn))
        for (holiday, expected) in zip(parsed.holidays, notice.holidays) {
            #expect(holiday.off.map(\.description) == expected.off, "\(expected.name) off")
            #expect(holiday.work.map(\.description) == expected.work, "\(expected.name) work")
        }
    }

    @Test("the year passed agrees with the title", arguments: HolidayNoticeExpected.cases)
    func explicitYear(_ notice: NoticeCase) throws {
        #expect(try HolidayNotice.parse(notice.text, year: notice.year) == HolidayNotice.parse(notice.text))
    }

    /// Day → "off 春节" / "work 春节", refusing a day listed twice.
    private static func statuses(_ holidays: [ExpectedHoliday]) throws -> [CivilDate: String] {
        var result: [CivilDate: String] = [:]
        for holiday in holidays {
            for (days, status) in [(holiday.off, "off"), (holiday.work, "work")] {
                for text in days {
                    let day = try #require(CivilDate(iso: text), "\(text)")
                    #expect(result[day] == nil, "\(day) listed twice")
                    result[day] = "\(status) \(holiday.name)"
                }
            }
        }
        return result
    }

    private static func statuses(_ holidays: [Holiday]) throws -> [CivilDate: String] {
        try statuses(
            holidays.map { holiday in
                ExpectedHoliday(
                    holiday.name,
                    holiday.nameEn ?? "",
                    off: holiday.off.map(\.description),
                    work: holiday.work.map(\.description)
                )
            }
        )
    }
}
