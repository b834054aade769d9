/// A day of the year without a year, such as the 03-31 that 年初 stands for.
///
/// Encoded as the string `MM-DD`. February 29 is allowed; in a common year it falls back to February 28.
public struct MonthDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1–12.
    public var month: Int
    /// 1–31, at most the month's length in a leap year.
    public var day: Int

    /// Creates the month-day; `init?(_:)` and decoding are the validating entry points.
    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD` (or `M-D`); returns nil for anything else or a day no year has, such as 02-30.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
            parts[0].count <= 2, parts[1].count <= 2
        else { return nil }
        self.init(month: month, day: day)
        guard isValid else { return nil }
    }

    /// True when some year has this day (02-29 counts).
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= CivilDate.daysInMonth(year: 2000, month: month)
    }

    /// This day in `year`; 02-29 becomes 02-28 in a common year. Nil only for an invalid month-day.
    public func date(in year: Int) -> CivilDate? {
        guard isValid else { return nil }
        return CivilDate(year: year, month: month, day: min(day, CivilDate.daysInMonth(year: year, month: month)))
    }

    /// `MM-DD`.
    public var description: String {
        (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool {
        (lhs.month, lhs.day) < (rhs.month, rhs.day)
    }
}

extension MonthDay: Codable {
    /// Decodes from `MM-DD`, rejecting days no year has.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = MonthDay(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an MM-DD day: \(text)")
        }
        self = value
    }

    /// Encodes as `MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
