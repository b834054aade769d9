/// The first and last day of a school term (学期) as month-days.
///
/// When `end` comes before `start` in the calendar (秋季学期 09-01 … 01-20), the term ends in the year after
/// the one it starts in.
public struct TermDates: Hashable, Sendable, Codable {
    /// First day of the term (开学).
    public var start: MonthDay
    /// Last day of the term (学期末).
    public var end: MonthDay

    public init(start: MonthDay, end: MonthDay) {
        self.start = start
        self.end = end
    }

    /// True when the term ends in the year after it starts.
    public var endsInNextYear: Bool { end < start }

    /// The term's first day when it starts in `year`.
    public func startDate(startingIn year: Int) -> CivilDate? {
        start.date(in: year)
    }

    /// The term's last day when it starts in `year`.
    public func endDate(startingIn year: Int) -> CivilDate? {
        end.date(in: endsInNextYear ? year + 1 : year)
    }
}
