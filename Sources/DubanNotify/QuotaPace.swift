public import DubanCalendar

/// Where a quota stands against time: the quota spread evenly over the period's working days gives what should
/// be achieved by today ("expected by now"); pace is achieved ÷ expected.
public struct QuotaPace: Hashable, Sendable {
    public let asOf: CivilDate
    public let workingDaysTotal: Int
    public let workingDaysElapsed: Int
    public let expectedByNow: Double?
    public let pace: Double?
    public let remaining: Double?
    public let onTrack: Bool

    /// - Parameters: quota (nil: no quota, only the sum counts), achieved so far, the period `start…end`, today.
    public init(
        quota: Double?,
        achieved: Double,
        start: CivilDate,
        end: CivilDate,
        today: CivilDate,
        calendar: WorkingDayCalendar
    ) {
        let first = min(start, end)
        asOf = min(max(today, first.adding(days: -1)), end)
        workingDaysTotal = max(0, calendar.workingDays(from: first, through: end))
        workingDaysElapsed = asOf < first ? 0 : min(workingDaysTotal, calendar.workingDays(from: first, through: asOf))
        guard let quota else {
            expectedByNow = nil
            pace = nil
            remaining = nil
            onTrack = true
            return
        }
        let expected =
            workingDaysTotal == 0
            ? (today >= end ? quota : 0) : quota * Double(workingDaysElapsed) / Double(workingDaysTotal)
        expectedByNow = expected
        pace = expected > 0 ? achieved / expected : nil
        remaining = max(0, quota - achieved)
        onTrack = achieved >= quota || achieved >= expected
    }
}
