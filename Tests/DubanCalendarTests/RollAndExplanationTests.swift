import DubanCalendar
import Foundation
import Testing

/// Roll rules and the sentences shown to people, in Chinese and English.
@Suite struct RollAndExplanationTests {
    let calendar = bundledCalendar

    @Test func deadlineOnNationalDayRollsAcrossTheWeek() {
        let due = day("2026-10-03")
        #expect(calendar.roll(due, .next) == day("2026-10-08"))
        #expect(calendar.roll(due, .previous) == day("2026-09-30"))
        #expect(calendar.roll(due, .none) == due)
        #expect(RollRule.default == .next)

        let next = calendar.rollExplained(due, .next)
        #expect(next.date == day("2026-10-08"))
        #expect(next.note?.zh == "原定10月3日(国庆节),顺延至10月8日")
        #expect(next.note?.en == "due 3 Oct (National Day), rolled forward to 8 Oct")

        let previous = calendar.rollExplained(due, .previous)
        #expect(previous.date == day("2026-09-30"))
        #expect(previous.note?.zh == "原定10月3日(国庆节),提前至9月30日")
        #expect(previous.note?.en == "due 3 Oct (National Day), brought forward to 30 Sep")

        let kept = calendar.rollExplained(due, .none)
        #expect(kept.date == due && kept.note == nil)
    }

    @Test func workingDaysDoNotRoll() {
        for rule in RollRule.allCases {
            #expect(calendar.roll(day("2026-10-10"), rule) == day("2026-10-10"))
            #expect(calendar.rollExplained(day("2026-09-22"), rule).note == nil)
        }
    }

    @Test func weekendAndYearCrossingRolls() {
        let weekend = calendar.rollExplained(day("2026-09-12"), .next)
        #expect(weekend.date == day("2026-09-14"))
        #expect(weekend.note?.zh == "原定9月12日(星期六),顺延至9月14日")
        #expect(weekend.note?.en == "due 12 Sep (Saturday), rolled forward to 14 Sep")

        let crossing = calendar.rollExplained(day("2022-12-31"), .next)
        #expect(crossing.date == day("2023-01-03"))
        #expect(crossing.note?.zh == "原定2022年12月31日(元旦),顺延至2023年1月3日")
        #expect(crossing.note?.en == "due 31 Dec 2022 (New Year's Day), rolled forward to 3 Jan 2023")

        let provisional = calendar.rollExplained(day("2027-01-02"), .next)
        #expect(provisional.date == day("2027-01-04"))
        #expect(provisional.note?.zh == "原定1月2日(星期六),顺延至1月4日(尚无2027年放假安排,暂按周末推算)")
        #expect(
            provisional.note?.en
                == "due 2 Jan (Saturday), rolled forward to 4 Jan (provisional: no holiday arrangement for 2027 yet, weekends only)"
        )
    }

    @Test func explanationsInBothLanguages() {
        let holiday = calendar.explain(day("2026-10-03"))
        #expect(holiday.kind == .holiday && !holiday.working)
        #expect(holiday.holiday == "国庆节" && holiday.holidayEn == "National Day")
        #expect(holiday.message(.zhHans) == "2026-10-03(星期六)休息:国庆节放假(国办发明电〔2025〕7号)")
        #expect(holiday.message(.en) == "2026-10-03 (Saturday) is a day off: National Day holiday (国办发明电〔2025〕7号)")

        let makeup = calendar.explain(day("2026-09-20"))
        #expect(makeup.kind == .makeupWorkday && makeup.working)
        #expect(makeup.message(.zhHans) == "2026-09-20(星期日)上班:国庆节调休上班(国办发明电〔2025〕7号)")
        #expect(
            makeup.message(.en)
                == "2026-09-20 (Sunday) is a working day: make-up working day for National Day (国办发明电〔2025〕7号)")

        let weekday = calendar.explain(day("2026-09-22"))
        #expect(weekday.kind == .workday && weekday.holiday == nil && weekday.source == nil)
        #expect(weekday.message(.zhHans) == "2026-09-22(星期二)上班:工作日")
        #expect(weekday.message(.en) == "2026-09-22 (Tuesday) is a working day: weekday")

        let weekend = calendar.explain(day("2026-09-12"))
        #expect(weekend.message(.zhHans) == "2026-09-12(星期六)休息:周末")
        #expect(weekend.message(.en) == "2026-09-12 (Saturday) is a day off: weekend")

        let provisional = calendar.explain(day("2027-10-01"))
        #expect(provisional.message(.zhHans) == "2027-10-01(星期五)上班:工作日(尚无2027年放假安排,暂按周末推算)")
        #expect(
            provisional.message(.en)
                == "2027-10-01 (Friday) is a working day: weekday (provisional: no holiday arrangement for 2027 yet, weekends only)"
        )

        let extension2020 = calendar.explain(day("2020-02-01"))
        #expect(extension2020.message(.zhHans) == "2020-02-01(星期六)休息:春节假期延长放假(国办发明电〔2020〕1号)")
    }

    @Test func explanationEncodesWithSnakeCaseKeys() throws {
        let explanation = calendar.explain(day("2026-09-20"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(explanation), as: UTF8.self)
        #expect(json.contains(#""holiday_en":"National Day""#))
        #expect(json.contains(#""kind":"makeup_workday""#))
        #expect(json.contains(#""date":"2026-09-20""#))
        #expect(try JSONDecoder().decode(DayExplanation.self, from: Data(json.utf8)) == explanation)
    }

    @Test func weekdayNames() {
        let monday = day("2026-09-21")
        let names = (0..<7).map { monday.adding(days: $0).weekdayName(.zhHans) }
        #expect(names == ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"])
        let short = (0..<7).map { monday.adding(days: $0).shortWeekdayName(.zhHans) }
        #expect(short == ["周一", "周二", "周三", "周四", "周五", "周六", "周日"])
        #expect(monday.weekdayName(.en) == "Monday")
        #expect(monday.adding(days: 6).shortWeekdayName(.en) == "Sun")
        #expect(day("2026-10-03").shortText(.zhHans) == "10月3日")
        #expect(day("2026-10-03").shortText(.en, withYear: true) == "3 Oct 2026")
    }
}
