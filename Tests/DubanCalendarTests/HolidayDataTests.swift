import DubanCalendar
import DubanPlanFiles
import Testing

/// The bundled data checked against tables typed from the State Council's notices, day by day.
@Suite struct HolidayDataTests {
    /// One year's expected days, typed from the notice independently of the data files.
    struct Expected: Sendable, CustomStringConvertible {
        var year: Int
        var source: String
        var off: String
        var work: String
        var workingDays: Int

        var description: String { String(year) }
    }

    static let expected: [Expected] = [
        // 国办发明电〔2023〕7号: 元旦 and 端午 are single days; 除夕 (02-09) is only "encouraged" off.
        Expected(
            year: 2024, source: "国办发明电〔2023〕7号",
            off: """
                01-01 02-10 02-11 02-12 02-13 02-14 02-15 02-16 02-17 04-04 04-05 04-06 05-01 05-02 05-03 05-04 \
                05-05 06-10 09-15 09-16 09-17 10-01 10-02 10-03 10-04 10-05 10-06 10-07
                """,
            work: "02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12", workingDays: 251),
        // 国办发明电〔2024〕12号: first year under the revised law; 春节 from 除夕, 8 days; 劳动节 one make-up day.
        Expected(
            year: 2025, source: "国办发明电〔2024〕12号",
            off: """
                01-01 01-28 01-29 01-30 01-31 02-01 02-02 02-03 02-04 04-04 04-05 04-06 05-01 05-02 05-03 05-04 \
                05-05 05-31 06-01 06-02 10-01 10-02 10-03 10-04 10-05 10-06 10-07 10-08
                """,
            work: "01-26 02-08 04-27 09-28 10-11", workingDays: 248),
        // 国办发明电〔2025〕7号: 春节 9 days (2月15日至23日).
        Expected(
            year: 2026, source: "国办发明电〔2025〕7号",
            off: """
                01-01 01-02 01-03 02-15 02-16 02-17 02-18 02-19 02-20 02-21 02-22 02-23 04-04 04-05 04-06 05-01 \
                05-02 05-03 05-04 05-05 06-19 06-20 06-21 09-25 09-26 09-27 10-01 10-02 10-03 10-04 10-05 10-06 \
                10-07
                """,
            work: "01-04 02-14 02-28 05-09 09-20 10-10", workingDays: 248),
    ]

    @Test(arguments: expected)
    func everyDayOfTheYearMatchesTheNotice(_ expected: Expected) {
        let calendar = bundledCalendar
        let off = Set(days(expected.year, expected.off))
        let work = Set(days(expected.year, expected.work))
        var date = CivilDate.startOfYear(expected.year)
        while date.year == expected.year {
            let want: DayKind =
                off.contains(date)
                ? .holiday : work.contains(date) ? .makeupWorkday : date.isWeekend ? .weekend : .workday
            #expect(calendar.kind(of: date) == want, "\(date)")
            if want == .holiday || want == .makeupWorkday {
                #expect(calendar.holiday(on: date)?.source == expected.source, "\(date)")
            } else {
                #expect(calendar.holiday(on: date) == nil, "\(date)")
            }
            date = date.adding(days: 1)
        }
        #expect(work.allSatisfy { $0.isWeekend })
        let count = calendar.workingDays(
            from: .startOfYear(expected.year), through: .endOfYear(expected.year))
        #expect(count == expected.workingDays)
        #expect(calendar.holidayYear(expected.year)?.source == expected.source)
    }

    @Test func bundledYearsAre2020Through2026() {
        #expect(CalendarLoader.bundledYears().map(\.year) == Array(2020...2026))
        #expect(bundledCalendar.years == Array(2020...2026))
        let sources = CalendarLoader.bundledYears().map(\.source)
        #expect(
            sources == [
                "国办发明电〔2019〕16号", "国办发明电〔2020〕27号", "国办发明电〔2021〕11号", "国办发明电〔2022〕16号",
                "国办发明电〔2023〕7号", "国办发明电〔2024〕12号", "国办发明电〔2025〕7号",
            ])
    }

    @Test func spotChecks2020Through2023() {
        let calendar = bundledCalendar
        let holidays = [
            "2020-01-01", "2020-01-24", "2020-01-30", "2020-04-06", "2020-05-05", "2020-06-25", "2020-10-08",
            "2021-01-01", "2021-02-11", "2021-02-17", "2021-04-05", "2021-06-14", "2021-09-21", "2021-10-07",
            "2022-01-03", "2022-01-31", "2022-02-06", "2022-04-04", "2022-05-04", "2022-06-03", "2022-09-12",
            "2022-10-07", "2022-12-31", "2023-01-02", "2023-01-27", "2023-04-05", "2023-06-23", "2023-09-29",
            "2023-10-06",
        ]
        for text in holidays {
            #expect(calendar.kind(of: day(text)) == .holiday, "\(text)")
        }
        let makeups = [
            "2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10", "2021-02-07",
            "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09", "2022-01-29",
            "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09", "2023-01-28",
            "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08",
        ]
        for text in makeups {
            #expect(calendar.kind(of: day(text)) == .makeupWorkday, "\(text)")
        }
        let workdays = ["2020-02-03", "2021-02-18", "2022-02-07", "2023-01-03", "2023-04-06", "2023-10-09"]
        for text in workdays {
            #expect(calendar.kind(of: day(text)) == .workday, "\(text)")
        }
        // 2023's 元旦 begins on 2022-12-31: listed by the 2023 notice.
        #expect(calendar.holiday(on: day("2022-12-31"))?.source == "国办发明电〔2022〕16号")
    }

    @Test func spring2020ExtensionIsItsOwnHolidayWithItsOwnNotice() {
        let calendar = bundledCalendar
        for text in ["2020-01-31", "2020-02-01", "2020-02-02"] {
            let found = calendar.holiday(on: day(text))
            #expect(calendar.kind(of: day(text)) == .holiday, "\(text)")
            #expect(found?.holiday.name == "春节假期延长")
            #expect(found?.source == "国办发明电〔2020〕1号")
        }
        #expect(calendar.holiday(on: day("2020-01-30"))?.source == "国办发明电〔2019〕16号")
        // 2月1日 was a make-up working day under the first notice; the extension cancelled it.
        #expect(!calendar.isWorkingDay(day("2020-02-01")))
        #expect(calendar.kind(of: day("2020-01-19")) == .makeupWorkday)
        #expect(calendar.nextWorkingDay(after: day("2020-01-23")) == day("2020-02-03"))
    }

    @Test func revisedLawAddsSpringAndLabourDaysFrom2025() {
        let calendar = bundledCalendar
        // 2024: 除夕 is a working day; 2025 onward: 春节 starts on 除夕 (2025-01-28).
        #expect(calendar.isWorkingDay(day("2024-02-09")))
        #expect(calendar.holiday(on: day("2025-01-28"))?.holiday.name == "春节")
        // 劳动节 needs two make-up days in 2024, one in 2025 and 2026.
        #expect(calendar.holidayYear(2024)?.holidays.first { $0.name == "劳动节" }?.work.count == 2)
        #expect(calendar.holidayYear(2025)?.holidays.first { $0.name == "劳动节" }?.work.count == 1)
        #expect(calendar.holidayYear(2026)?.holidays.first { $0.name == "劳动节" }?.work.count == 1)
        #expect(calendar.holidayYear(2026)?.holidays.first { $0.name == "春节" }?.off.count == 9)
    }
}
