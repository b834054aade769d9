public import DubanCalendar
import Foundation

/// Why a report period could not be read.
public struct ReportPeriodError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was given.
    public var input: String
    public var zh: String
    public var en: String

    public var description: String { "\(zh) (\(en))" }
}

/// The span a circular (通报) or a score (考核) covers: a month (`2026-11`), a quarter (`2026-Q4`) or a year
/// (`2026`). Encoded as that text.
public struct ReportPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case month, quarter, year
    }

    public let kind: Kind
    public let year: Int
    /// The month (1–12), the quarter (1–4), or 1 for a year.
    public let index: Int

    /// The years a period may name.
    public static let years = 1900...2199

    public static func month(_ month: Int, of year: Int) -> ReportPeriod? {
        guard years.contains(year), (1...12).contains(month) else { return nil }
        return ReportPeriod(kind: .month, year: year, index: month)
    }

    public static func quarter(_ quarter: Int, of year: Int) -> ReportPeriod? {
        guard years.contains(year), (1...4).contains(quarter) else { return nil }
        return ReportPeriod(kind: .quarter, year: year, index: quarter)
    }

    public static func year(_ year: Int) -> ReportPeriod? {
        guard years.contains(year) else { return nil }
        return ReportPeriod(kind: .year, year: year, index: 1)
    }

    private init(kind: Kind, year: Int, index: Int) {
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// Parses `2026-11` (a month, two digits), `2026-Q4` (a quarter; `q` too) or `2026` (a year); spaces around
    /// are ignored.
    public init(parsing text: String) throws(ReportPeriodError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        func digits(_ part: Substring, _ count: Int) -> Int? {
            guard part.count == count, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        func fail(_ zh: String, _ en: String) -> ReportPeriodError {
            ReportPeriodError(input: text, zh: zh, en: en)
        }
        let expected = (
            zh: "报告期“\(text)”无法识别：应为 2026-11（月）、2026-Q4（季度）或 2026（年）",
            en: "unrecognised report period “\(text)”: expected 2026-11 (month), 2026-Q4 (quarter) or 2026 (year)"
        )
        guard (1...2).contains(parts.count), let year = digits(parts[0], 4) else {
            throw fail(expected.zh, expected.en)
        }
        guard Self.years.contains(year) else {
            throw fail(
                "报告期“\(text)”的年份应在\(Self.years.lowerBound)到\(Self.years.upperBound)之间",
                "the year of report period “\(text)” is \(Self.years.lowerBound) to \(Self.years.upperBound)")
        }
        if parts.count == 1 {
            self.init(kind: .year, year: year, index: 1)
            return
        }
        let rest = parts[1]
        if let first = rest.first, first == "Q" || first == "q" {
            guard let quarter = digits(rest.dropFirst(), 1), (1...4).contains(quarter) else {
                throw fail("报告期“\(text)”的季度应为Q1到Q4", "the quarter of report period “\(text)” is Q1 to Q4")
            }
            self.init(kind: .quarter, year: year, index: quarter)
            return
        }
        guard let month = digits(rest, 2) else { throw fail(expected.zh, expected.en) }
        guard (1...12).contains(month) else {
            throw fail("报告期“\(text)”的月份应为01到12", "the month of report period “\(text)” is 01 to 12")
        }
        self.init(kind: .month, year: year, index: month)
    }

    /// The first day.
    public var first: CivilDate {
        switch kind {
        case .month: CivilDate(year: year, month: index, day: 1)!
        case .quarter: CivilDate(year: year, month: index * 3 - 2, day: 1)!
        case .year: CivilDate.startOfYear(year)
        }
    }

    /// The last day.
    public var last: CivilDate {
        switch kind {
        case .month: CivilDate.endOfMonth(year: year, month: index)
        case .quarter: CivilDate.endOfMonth(year: year, month: index * 3)
        case .year: CivilDate.endOfYear(year)
        }
    }

    /// Whether `day` falls in the period.
    public func contains(_ day: CivilDate) -> Bool { first <= day && day <= last }

    /// The period of the same kind just before (2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026 → 2025).
    public var previous: ReportPeriod {
        switch kind {
        case .month:
            index == 1
                ? ReportPeriod(kind: .month, year: year - 1, index: 12)
                : ReportPeriod(kind: .month, year: year, index: index - 1)
        case .quarter:
            index == 1
                ? ReportPeriod(kind: .quarter, year: year - 1, index: 4)
                : ReportPeriod(kind: .quarter, year: year, index: index - 1)
        case .year: ReportPeriod(kind: .year, year: year - 1, index: 1)
        }
    }

    /// `2026-11`, `2026-Q4`, `2026`.
    public var description: String {
        switch kind {
        case .month: "\(year)-\(index < 10 ? "0" : "")\(index)"
        case .quarter: "\(year)-Q\(index)"
        case .year: "\(year)"
        }
    }

    /// 2026年11月, 2026年第四季度, 2026年度.
    public var zh: String {
        switch kind {
        case .month: "\(year)年\(index)月"
        case .quarter: "\(year)年第\(["一", "二", "三", "四"][index - 1])季度"
        case .year: "\(year)年度"
        }
    }

    /// November 2026, Q4 2026, 2026.
    public var en: String {
        switch kind {
        case .month: "\(Self.englishMonths[index - 1]) \(year)"
        case .quarter: "Q\(index) \(year)"
        case .year: "\(year)"
        }
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ReportPeriod(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
