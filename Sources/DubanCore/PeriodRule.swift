public import DubanCalendar

/// How a task's window is cut into periods: calendar-aligned years, quarters, months, ISO weeks, days, or
/// school semesters, every `interval` of them from an anchor.
public struct PeriodRule: Hashable, Sendable {
    public var every: RecurrencePeriod
    public var interval: Int
    /// How many parts each period is split into (每年2次 → 2).
    public var times: Int
    public var conventions: TimeConventions
    /// The school calendar whose real term dates replace the conventions' (for semester periods).
    public var school: SchoolCalendar?

    public init(
        every: RecurrencePeriod, interval: Int = 1, times: Int = 1, conventions: TimeConventions = .default,
        school: SchoolCalendar? = nil
    ) {
        self.every = every
        self.interval = max(1, interval)
        self.times = max(1, times)
        self.conventions = conventions
        self.school = school
    }

    /// The ordinal of the base unit (year, quarter, month, week, day, semester) that holds `date`, or for
    /// semesters the first semester ending on or after `date`.
    func unitOrdinal(containing date: CivilDate) -> Int {
        let (y, m, _) = date.components
        switch every {
        case .year: return y
        case .quarter: return y * 4 + (m - 1) / 3
        case .month: return y * 12 + (m - 1)
        case .week: return PeriodRule.floorDiv(date.dayNumber + 3, 7)  // weeks since the Monday 1969-12-29
        case .day: return date.dayNumber
        case .semester:
            // Ordinal 2y = spring of y, 2y+1 = autumn of y (which may end in y+1).
            var ordinal = y * 2 - 1
            while semesterSpan(ordinal).end < date { ordinal += 1 }
            return ordinal
        }
    }

    /// The span of base unit `ordinal`.
    func unitSpan(_ ordinal: Int) -> DateSpan {
        switch every {
        case .year:
            return DateSpan(start: .startOfYear(ordinal), end: .endOfYear(ordinal))
        case .quarter:
            let y = PeriodRule.floorDiv(ordinal, 4)
            let q = ordinal - y * 4
            let start = CivilDate(year: y, month: q * 3 + 1, day: 1)!
            return DateSpan(start: start, end: .endOfMonth(year: y, month: q * 3 + 3))
        case .month:
            let y = PeriodRule.floorDiv(ordinal, 12)
            let m = ordinal - y * 12 + 1
            return DateSpan(start: CivilDate(year: y, month: m, day: 1)!, end: .endOfMonth(year: y, month: m))
        case .week:
            let monday = CivilDate(dayNumber: ordinal * 7 - 3)
            return DateSpan(start: monday, end: monday.adding(days: 6))
        case .day:
            let day = CivilDate(dayNumber: ordinal)
            return DateSpan(start: day, end: day)
        case .semester:
            return semesterSpan(ordinal)
        }
    }

    func semesterSpan(_ ordinal: Int) -> DateSpan {
        let reference = TermReference(ordinal: ordinal)
        let span = school?.span(of: reference, conventions: conventions) ?? reference.defaultSpan(conventions)
        return DateSpan(start: span.lowerBound, end: span.upperBound)
    }

    /// The span of period `index` counted from `anchor` (the base-unit ordinal of the window start).
    func periodSpan(anchor: Int, index: Int) -> DateSpan {
        let first = unitSpan(anchor + index * interval)
        let last = unitSpan(anchor + index * interval + interval - 1)
        return DateSpan(start: first.start, end: last.end)
    }

    /// The end of part `k` (1-based) of `span` split into `times` parts: by whole months when the span is
    /// month-aligned and divides evenly, else by days.
    func partEnd(_ span: DateSpan, part k: Int) -> CivilDate {
        if times == 1 || k == times { return span.end }
        let s = span.start.components
        let e = span.end.components
        let months = (e.year * 12 + e.month) - (s.year * 12 + s.month) + 1
        if s.day == 1, span.end == span.end.lastOfMonth, months % times == 0 {
            let endMonth = span.start.adding(months: months / times * k - 1)
            return endMonth.lastOfMonth
        }
        let length = span.start.days(to: span.end) + 1
        return span.start.adding(days: length * k / times - 1)
    }

    /// The start of part `k` (1-based).
    func partStart(_ span: DateSpan, part k: Int) -> CivilDate {
        k <= 1 ? span.start : partEnd(span, part: k - 1).adding(days: 1)
    }

    /// The id fragment of period `index` (and part `part`, 0 for whole).
    func key(anchor: Int, index: Int, part: Int) -> String {
        let ordinal = anchor + index * interval
        var key: String
        switch every {
        case .year:
            key = interval == 1 ? "\(ordinal)" : "\(ordinal)-\(ordinal + interval - 1)"
        case .quarter:
            let y = PeriodRule.floorDiv(ordinal, 4)
            key = "\(y)-Q\(ordinal - y * 4 + 1)"
        case .month:
            let y = PeriodRule.floorDiv(ordinal, 12)
            let m = ordinal - y * 12 + 1
            key = "\(y)-" + (m < 10 ? "0\(m)" : "\(m)")
        case .week:
            let monday = CivilDate(dayNumber: ordinal * 7 - 3)
            let thursday = monday.adding(days: 3)  // ISO week-year is the Thursday's year
            let week = (CivilDate.startOfYear(thursday.year).days(to: thursday)) / 7 + 1
            key = "\(thursday.year)-W" + (week < 10 ? "0\(week)" : "\(week)")
        case .day:
            key = CivilDate(dayNumber: ordinal).description
        case .semester:
            let y = PeriodRule.floorDiv(ordinal, 2)
            key = "\(y)-" + (ordinal - y * 2 == 0 ? "spring" : "autumn")
        }
        return part > 0 ? "\(key).\(part)" : key
    }

    static func date(year: Int, _ monthDay: MonthDay) -> CivilDate {
        CivilDate(year: year, month: monthDay.month, day: min(monthDay.day, CivilDate.daysInMonth(year: year, month: monthDay.month)))!
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : (a - b + 1) / b
    }
}
