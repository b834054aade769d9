import DubanCalendar
import Testing

/// Working-day arithmetic across the long holidays, worked out by hand from the notices.
@Suite struct WorkingDayArithmeticTests {
    let calendar = bundledCalendar

    @Test func fifteenWorkingDaysAcrossNationalDay2026() {
        // 9-29, 9-30, (10-01…10-07 off), 10-08, 10-09, 10-10 (make-up Saturday), 10-12 … 10-23.
        #expect(calendar.adding(workingDays: 15, to: day("2026-09-28")) == day("2026-10-23"))
        #expect(calendar.adding(workingDays: 5, to: day("2026-09-28")) == day("2026-10-10"))
        #expect(calendar.adding(workingDays: 3, to: day("2026-09-28")) == day("2026-10-08"))
    }

    @Test func requestReceivedJustBeforeSpringFestival() {
        // Received Friday 2026-02-13: 2-14 (make-up Saturday) counts, then 2-24 … 2-28 (make-up), 3-2 …
        #expect(calendar.adding(workingDays: 15, to: day("2026-02-13")) == day("2026-03-12"))
        // Received on the make-up Saturday itself, the last working day before the holiday.
        #expect(calendar.adding(workingDays: 15, to: day("2026-02-14")) == day("2026-03-13"))
        // 2025: received Monday 01-27, the day before 除夕.
        #expect(calendar.adding(workingDays: 15, to: day("2025-01-27")) == day("2025-02-24"))
        // Received during the holiday: counting starts after it.
        #expect(calendar.adding(workingDays: 1, to: day("2026-02-18")) == day("2026-02-24"))
    }

    @Test func countsIncludeBothEnds() {
        #expect(calendar.workingDays(from: day("2026-10-01"), through: day("2026-10-31")) == 18)
        #expect(calendar.workingDays(from: day("2026-09-01"), through: day("2026-09-30")) == 22)
        #expect(calendar.workingDays(from: day("2026-10-08"), through: day("2026-10-08")) == 1)
        #expect(calendar.workingDays(from: day("2026-10-03"), through: day("2026-10-03")) == 0)
        #expect(calendar.workingDays(from: day("2026-10-09"), through: day("2026-10-08")) == 0)
        #expect(calendar.workingDays(from: day("2026-10-10"), through: day("2026-10-10")) == 1)
    }

    @Test func negativeAndZero() {
        #expect(calendar.adding(workingDays: -1, to: day("2026-10-08")) == day("2026-09-30"))
        #expect(calendar.adding(workingDays: -3, to: day("2026-10-12")) == day("2026-10-08"))
        #expect(calendar.adding(workingDays: -15, to: day("2026-10-23")) == day("2026-09-28"))
        #expect(calendar.adding(workingDays: 0, to: day("2026-10-03")) == day("2026-10-03"))
        #expect(calendar.adding(workingDays: 0, to: day("2026-10-08")) == day("2026-10-08"))
        #expect(calendar.addingWorkingDays(0, toDayNumber: 12_345) == 12_345)
    }

    @Test func nextAndPrevious() {
        #expect(calendar.nextWorkingDay(after: day("2026-09-30")) == day("2026-10-08"))
        #expect(calendar.previousWorkingDay(before: day("2026-10-08")) == day("2026-09-30"))
        #expect(calendar.nextWorkingDay(after: day("2026-10-09")) == day("2026-10-10"))
        #expect(calendar.nextWorkingDay(after: day("2026-10-10")) == day("2026-10-12"))
        // 2023's 元旦 starts on 2022-12-31, listed by the 2023 notice.
        #expect(calendar.nextWorkingDay(after: day("2022-12-30")) == day("2023-01-03"))
    }

    @Test func dayNumbersAgreeWithDates() {
        let start = day("2026-09-28")
        for n in -20...20 {
            #expect(
                calendar.addingWorkingDays(n, toDayNumber: start.dayNumber)
                    == calendar.adding(workingDays: n, to: start).dayNumber)
        }
    }

    @Test func weekendsOnlyHasNoHolidays() {
        let plain = WorkingDayCalendar.weekendsOnly
        #expect(plain.years.isEmpty)
        #expect(plain.kind(of: day("2026-10-01")) == .workday)
        #expect(plain.kind(of: day("2026-10-03")) == .weekend)
        #expect(plain.adding(workingDays: 15, to: day("2026-09-28")) == day("2026-10-19"))
        #expect(plain.isProvisional(day("2026-10-01")))
    }

    @Test func laterEntryForTheSameYearWins() {
        let first = HolidayYear(year: 2030, holidays: [Holiday(name: "甲", off: [day("2030-10-01")])])
        let second = HolidayYear(year: 2030, holidays: [Holiday(name: "乙", off: [day("2030-10-02")])])
        let calendar = WorkingDayCalendar(years: [first, second])
        #expect(calendar.isWorkingDay(day("2030-10-01")))
        #expect(!calendar.isWorkingDay(day("2030-10-02")))
        #expect(calendar.holidayYears == [second])
    }
}
