/// A date on the proleptic Gregorian calendar with no time or zone: what a plan means by "2022年8月31日".
///
/// Stored as a day number (days since 1970-01-01) so that comparison and arithmetic are integer operations;
/// year, month and day are derived with Howard Hinnant's `civil_from_days` algorithm.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int

    /// Creates the date `dayNumber` days after 1970-01-01.
    @inlinable
    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// The years a date may have: far beyond any plan, and small enough that no day arithmetic on them overflows.
    /// Parsers check plan years against their own, narrower ranges (1900–2199 for time expressions).
    public static let supportedYears = -999_999...999_999

    /// Creates a date from its parts, or returns nil for an impossible date such as 2023-02-29 or a year outside
    /// `supportedYears`.
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.supportedYears.contains(year), (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else {
            return nil
        }
        self.dayNumber = CivilDate.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`; returns nil for anything else or an impossible date.
    public init?(iso text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let c = utf8[index]
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The year, month (1–12) and day (1–31).
    public var components: (year: Int, month: Int, day: Int) {
        CivilDate.civilFromDays(dayNumber)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    @inlinable
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (dayNumber + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    /// True on Saturday and Sunday.
    @inlinable
    public var isWeekend: Bool { weekday >= 6 }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return "\(CivilDate.pad(y, 4))-\(CivilDate.pad(m, 2))-\(CivilDate.pad(d, 2))"
    }

    /// The date `days` days later (earlier when negative).
    @inlinable
    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    @inlinable
    public func days(to other: CivilDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The same day `months` months later, clamped to the month's last day (1-31 + 1 month = 2-28/29).
    public func adding(months: Int) -> CivilDate {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let ny = total >= 0 ? total / 12 : (total - 11) / 12
        let nm = total - ny * 12 + 1
        let nd = min(d, CivilDate.daysInMonth(year: ny, month: nm))
        return CivilDate(year: ny, month: nm, day: nd)!
    }

    /// The first day of this date's month.
    public var firstOfMonth: CivilDate {
        let (y, m, _) = components
        return CivilDate(year: y, month: m, day: 1)!
    }

    /// The last day of this date's month.
    public var lastOfMonth: CivilDate {
        let (y, m, _) = components
        return CivilDate(year: y, month: m, day: CivilDate.daysInMonth(year: y, month: m))!
    }

    /// January 1st of `year`.
    public static func startOfYear(_ year: Int) -> CivilDate {
        CivilDate(year: year, month: 1, day: 1)!
    }

    /// December 31st of `year`.
    public static func endOfYear(_ year: Int) -> CivilDate {
        CivilDate(year: year, month: 12, day: 31)!
    }

    /// The last day of `month` in `year`.
    public static func endOfMonth(year: Int, month: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: daysInMonth(year: year, month: month))!
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    /// True for Gregorian leap years.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in `month` of `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    // Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
    @usableFromInline
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    @usableFromInline
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension CivilDate: Codable {
    /// Decodes from and encodes to `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
