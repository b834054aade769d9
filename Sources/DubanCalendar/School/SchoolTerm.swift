/// Spring term (春季学期, roughly March–July) or autumn term (秋季学期, September–January).
public enum TermSeason: String, Hashable, Sendable, Codable, CaseIterable {
    case spring
    case autumn

    /// 春季学期 / 秋季学期.
    public var chinese: String { self == .spring ? "春季学期" : "秋季学期" }
}

/// Which term an expression means: 2022年秋季学期 is `TermReference(year: 2022, season: .autumn)` (the year the
/// term starts in), whichever county's dates apply.
public struct TermReference: Hashable, Sendable, Codable {
    public var year: Int
    public var season: TermSeason

    public init(year: Int, season: TermSeason) {
        self.year = year
        self.season = season
    }

    /// The term's ordinal: 2·year for spring, 2·year+1 for autumn (consecutive terms differ by one).
    public var ordinal: Int { year * 2 + (season == .spring ? 0 : 1) }

    /// The term with `ordinal`.
    public init(ordinal: Int) {
        let year = ordinal >= 0 ? ordinal / 2 : (ordinal - 1) / 2
        self.init(year: year, season: ordinal - year * 2 == 0 ? .spring : .autumn)
    }

    /// The term's dates under the site-wide conventions (when no school calendar says otherwise).
    public func defaultSpan(_ conventions: TimeConventions) -> ClosedRange<CivilDate> {
        let term = season == .spring ? conventions.springTerm : conventions.autumnTerm
        // Month-days are validated when settings are read; fall back to the year's bounds if one slipped through.
        let start = term.startDate(startingIn: year) ?? .startOfYear(year)
        let end = term.endDate(startingIn: year) ?? .endOfYear(year)
        return start...max(start, end)
    }
}

/// One term of a school calendar, with its exam weeks.
public struct SchoolTerm: Hashable, Sendable, Codable {
    public var season: TermSeason
    public var start: CivilDate
    public var end: CivilDate
    public var exams: [ClosedRange<CivilDate>]
    /// How the calendar names it, e.g. 2025—2026学年第一学期.
    public var name: String?

    public init(season: TermSeason, start: CivilDate, end: CivilDate, exams: [ClosedRange<CivilDate>] = [], name: String? = nil) {
        self.season = season
        self.start = start
        self.end = end
        self.exams = exams
        self.name = name
    }

    /// Which term this is (the year it starts in and its season).
    public var reference: TermReference { TermReference(year: start.year, season: season) }
}

/// A break between two terms: 寒假 (winter) after an autumn term, 暑假 (summer) after a spring term.
public struct SchoolBreak: Hashable, Sendable, Codable {
    public var name: LocalizedText
    public var start: CivilDate
    public var end: CivilDate

    public init(name: LocalizedText, start: CivilDate, end: CivilDate) {
        self.name = name
        self.start = start
        self.end = end
    }
}
