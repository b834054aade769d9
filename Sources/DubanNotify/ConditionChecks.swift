public import DubanCalendar
public import DubanCore

/// The conditions behind the notices that no deadline fires (pure): a quota behind its pace, a target its trend will
/// miss, the coming year's holiday data missing. The daemon checks them once a day and keys each notice so it comes
/// at most once a month (pace, targets) or once a year (calendar).
public enum ConditionChecks {
    /// The pace of a quota occurrence when it is behind: its window has begun and not ended, and what was achieved
    /// falls short of the pro-rata expectation (the quota spread over the window's working days) by more than
    /// `tolerance` of the quota. Nil when on pace, not started, over, or already met.
    public static func behindPace(
        quota: Double,
        achieved: Double,
        start: CivilDate,
        end: CivilDate,
        today: CivilDate,
        calendar: WorkingDayCalendar,
        tolerance: Double
    ) -> QuotaPace? {
        guard quota > 0, today >= start, today <= end, achieved < quota else { return nil }
        let pace = QuotaPace(quota: quota, achieved: achieved, start: start, end: end, today: today, calendar: calendar)
        guard pace.workingDaysElapsed > 0, let expected = pace.expectedByNow, !pace.onTrack else { return nil }
        return expected - achieved > tolerance * quota ? pace : nil
    }

    /// The projected value at `targetDate` when the readings' trend misses the target there: two readings or more,
    /// the target date still ahead, the latest reading not yet meeting it. Nil otherwise.
    public static func atRisk(
        target: TargetSpec,
        readings: [(CivilDate, Double)],
        targetDate: CivilDate,
        today: CivilDate
    ) -> Double? {
        guard target.value != nil, targetDate >= today, let latest = readings.last?.1, !target.isMet(by: latest),
            let trend = ReadingTrend.fit(readings)
        else { return nil }
        let projected = trend.value(at: targetDate)
        return target.isMet(by: projected) ? nil : projected
    }

    /// The coming year, when it is December (from the 1st) and the calendar holds no holiday data for it.
    public static func missingCalendarYear(today: CivilDate, calendar: WorkingDayCalendar) -> Int? {
        guard today.month == 12, !calendar.hasData(for: today.year + 1) else { return nil }
        return today.year + 1
    }
}
