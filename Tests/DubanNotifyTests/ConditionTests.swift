import DubanCalendar
import DubanCore
import DubanNotify
import Foundation
import Testing

/// Pace, trends and the daily conditions (behind pace, target at risk, calendar missing), each on a given "today".
@Suite struct ConditionTests {
    static let calendar = WorkingDayCalendar(years: [])
    static let shipped = NotifyFixtures.calendar

    @Test func paceIsTheQuotaProRataOverWorkingDays() {
        // Mon 2024-03-04 … Fri 2024-03-15: 10 working days; through Fri 03-08, 5 have passed.
        let start = CivilDate(year: 2024, month: 3, day: 4)!
        let end = CivilDate(year: 2024, month: 3, day: 15)!
        let pace = QuotaPace(
            quota: 100,
            achieved: 40,
            start: start,
            end: end,
            today: CivilDate(year: 2024, month: 3, day: 8)!,
            calendar: Self.calendar
        )
        #expect(pace.workingDaysTotal == 10 && pace.workingDaysElapsed == 5)
        #expect(pace.expectedByNow == 50 && pace.pace == 0.8 && pace.remaining == 60 && !pace.onTrack)
        let before = QuotaPace(
            quota: 100,
            achieved: 0,
            start: start,
            end: end,
            today: CivilDate(year: 2024, month: 2, day: 1)!,
            calendar: Self.calendar
        )
        #expect(before.expectedByNow == 0 && before.pace == nil && before.onTrack)
        let after = QuotaPace(
            quota: 100,
            achieved: 120,
            start: start,
            end: end,
            today: CivilDate(year: 2025, month: 1, day: 1)!,
            calendar: Self.calendar
        )
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

    @Test func behindPaceNeedsAShortfallBeyondTheTolerance() {
        // 2024-03-04 … 03-15, 10 working days (weekends only); on Friday 03-08, 5 have passed: 50 expected.
        let start = CivilDate(year: 2024, month: 3, day: 4)!
        let end = CivilDate(year: 2024, month: 3, day: 15)!
        let friday = CivilDate(year: 2024, month: 3, day: 8)!
        func behind(_ achieved: Double, today: CivilDate = friday, tolerance: Double = 0.1) -> QuotaPace? {
            ConditionChecks.behindPace(
                quota: 100,
                achieved: achieved,
                start: start,
                end: end,
                today: today,
                calendar: Self.calendar,
                tolerance: tolerance
            )
        }
        #expect(behind(30)?.expectedByNow == 50, "20 short of 50 is beyond 10% of 100")
        #expect(behind(41) == nil, "9 short is within the tolerance")
        #expect(behind(45, tolerance: 0) != nil)
        #expect(behind(0, today: CivilDate(year: 2024, month: 3, day: 1)!) == nil, "not begun")
        #expect(
            behind(0, today: CivilDate(year: 2024, month: 3, day: 18)!) == nil,
            "over: the overdue notices take it from there"
        )
        #expect(behind(100) == nil, "met")
        // On the shipped calendar the pace counts working days: the 清明 holiday (2024-04-04 to 04-06) and the
        // make-up Sunday 04-07 change what is expected by 04-08.
        let april = ConditionChecks.behindPace(
            quota: 100,
            achieved: 0,
            start: CivilDate(year: 2024, month: 4, day: 1)!,
            end: CivilDate(year: 2024, month: 4, day: 30)!,
            today: CivilDate(year: 2024, month: 4, day: 8)!,
            calendar: Self.shipped,
            tolerance: 0
        )
        let days = Self.shipped.workingDays(
            from: CivilDate(year: 2024, month: 4, day: 1)!,
            through: CivilDate(year: 2024, month: 4, day: 8)!
        )
        #expect(april?.workingDaysElapsed == days && days == 5, "Mon–Wed 04-01…03, make-up Sun 04-07, Mon 04-08")
        #expect(
            april?.expectedByNow == 100 * 5
                / Double(
                    Self.shipped.workingDays(
                        from: CivilDate(year: 2024, month: 4, day: 1)!,
                        through: CivilDate(year: 2024, month: 4, day: 30)!
                    )
                )
        )
    }

    @Test func targetAtRiskFollowsTheTrend() {
        let target = TargetSpec(metric: "毛入园率", value: 98, unit: "%")
        let d0 = CivilDate(year: 2023, month: 1, day: 1)!
        let due = CivilDate(year: 2025, month: 12, day: 31)!
        let slow = [(d0, 90.0), (d0.adding(days: 180), 90.5), (d0.adding(days: 365), 91.0)]
        let fast = [(d0, 90.0), (d0.adding(days: 180), 92.5), (d0.adding(days: 365), 95.0)]
        let projected = ConditionChecks.atRisk(
            target: target,
            readings: slow,
            targetDate: due,
            today: d0.adding(days: 400)
        )
        #expect(projected.map { $0 > 92.5 && $0 < 93.5 } == true, "\(String(describing: projected))")
        #expect(
            ConditionChecks.atRisk(target: target, readings: fast, targetDate: due, today: d0.adding(days: 400)) == nil
        )
        #expect(
            ConditionChecks.atRisk(target: target, readings: [(d0, 90)], targetDate: due, today: d0) == nil,
            "one reading"
        )
        #expect(
            ConditionChecks.atRisk(
                target: target,
                readings: slow + [(d0.adding(days: 400), 98.5)],
                targetDate: due,
                today: d0.adding(days: 400)
            ) == nil,
            "already met"
        )
        #expect(
            ConditionChecks.atRisk(target: target, readings: slow, targetDate: due, today: due.adding(days: 1)) == nil,
            "past"
        )
    }

    @Test func calendarMissingFromTheFirstOfDecember() {
        // The shipped data ends with 2026.
        #expect(
            ConditionChecks.missingCalendarYear(
                today: CivilDate(year: 2026, month: 11, day: 30)!,
                calendar: Self.shipped
            ) == nil
        )
        #expect(
            ConditionChecks.missingCalendarYear(
                today: CivilDate(year: 2026, month: 12, day: 1)!,
                calendar: Self.shipped
            ) == 2027
        )
        #expect(
            ConditionChecks.missingCalendarYear(
                today: CivilDate(year: 2025, month: 12, day: 1)!,
                calendar: Self.shipped
            ) == nil
        )
    }
}
