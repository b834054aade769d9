/// What a day is on the working-day calendar.
public enum DayKind: String, Sendable, Codable, CaseIterable {
    /// A Monday to Friday that is not a statutory day off.
    case workday
    /// A Saturday or Sunday that is neither a statutory day off nor a make-up working day.
    case weekend
    /// A day off under a holiday notice (放假), whatever its weekday.
    case holiday
    /// A Saturday or Sunday worked in exchange for a holiday (调休上班).
    case makeupWorkday = "makeup_workday"

    /// True for `workday` and `makeupWorkday`.
    @inlinable
    public var isWorking: Bool {
        self == .workday || self == .makeupWorkday
    }
}
