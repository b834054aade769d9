/// What to do with a date that falls on a day off (a weekend or a statutory holiday).
///
/// The default is `next`: under 民法典第二百零三条, a period whose last day is a statutory holiday ends on the
/// day after the holiday, i.e. the next working day.
public enum RollRule: String, Sendable, Codable, CaseIterable {
    /// Move to the next working day (顺延).
    case next
    /// Move to the previous working day (提前), for "must be done before" dates.
    case previous
    /// Keep the date as it is.
    case none

    /// The rule used when a plan says nothing: `next`.
    public static let `default`: RollRule = .next
}
