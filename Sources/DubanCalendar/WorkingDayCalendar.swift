/// The Chinese mainland working-day calendar: weekends off, statutory holidays off, 调休 make-up days worked.
///
/// Built from the State Council's yearly notices (`HolidayYear`). A year without a notice is computed on weekends
/// alone and flagged as provisional, so a deadline in it can be shown as "to be confirmed".
///
/// `init` precomputes per-day tables over 1950-01-01 … 2150-12-31 (`DayTable`), so "date + N working days" and
/// "working days between two dates" are two array reads; outside that span the calendar walks day by day.
public struct WorkingDayCalendar: Sendable {
    /// What the calendar knows about one listed day.
    struct Entry: Sendable {
        var kind: DayKind
        var holiday: Holiday
        var source: String?
    }

    /// The notices by year (the last one given for a year).
    private let holidayYearsByYear: [Int: HolidayYear]
    /// Every day an arrangement lists (off or worked), by day number.
    private let entries: [Int: Entry]
    /// Listed days outside the table's span, sorted by day number, for counting there.
    private let entriesOutsideSpan: [(day: Int, kind: DayKind)]
    /// The precomputed tables.
    @usableFromInline let table: DayTable

    /// Years with data, sorted.
    public let years: [Int]

    /// Creates the calendar from yearly arrangements; a later entry for the same year replaces an earlier one.
    ///
    /// An arrangement may list days of the neighbouring years (2023's 元旦 starts on 2022-12-31); when two
    /// arrangements list the same day, the later year's wins.
    public init(years: [HolidayYear]) {
        var byYear: [Int: HolidayYear] = [:]
        for year in years {
            byYear[year.year] = year
        }
        var entries: [Int: Entry] = [:]
        for year in byYear.keys.sorted() {
            let arrangement = byYear[year]!
            for holiday in arrangement.holidays {
                let source = holiday.source ?? arrangement.source
                for day in holiday.off {
                    entries[day.dayNumber] = Entry(kind: .holiday, holiday: holiday, source: source)
                }
                for day in holiday.work {
                    entries[day.dayNumber] = Entry(kind: .makeupWorkday, holiday: holiday, source: source)
                }
            }
        }
        let table = DayTable(overrides: entries.mapValues(\.kind))
        self.holidayYearsByYear = byYear
        self.entries = entries
        self.entriesOutsideSpan = entries.filter { !table.contains($0.key) }.map { ($0.key, $0.value.kind) }
            .sorted { $0.day < $1.day }
        self.table = table
        self.years = byYear.keys.sorted()
    }

    /// A calendar with no holiday data at all: Monday to Friday are working days.
    public static let weekendsOnly = WorkingDayCalendar(years: [])

    /// The arrangements the calendar was built from, one per year, sorted by year.
    public var holidayYears: [HolidayYear] {
        years.map { holidayYearsByYear[$0]! }
    }

    /// The arrangement for `year`, if there is one.
    public func holidayYear(_ year: Int) -> HolidayYear? {
        holidayYearsByYear[year]
    }

    /// True when the calendar has the holiday arrangement of `year`.
    public func hasData(for year: Int) -> Bool {
        holidayYearsByYear[year] != nil
    }

    /// True when `date`'s year has no holiday arrangement, so its answer rests on weekends alone.
    public func isProvisional(_ date: CivilDate) -> Bool {
        !hasData(for: date.year)
    }

    /// The years of `range` that have no holiday arrangement.
    public func missingYears(in range: ClosedRange<Int>) -> [Int] {
        range.filter { !hasData(for: $0) }
    }

    // MARK: - Days

    /// What `date` is: a workday, a weekend, a holiday or a make-up working day.
    public func kind(of date: CivilDate) -> DayKind {
        kind(ofDay: date.dayNumber)
    }

    /// True when people work on `date` (a workday or a make-up working day).
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        kind(ofDay: date.dayNumber).isWorking
    }

    /// The holiday that makes `date` a day off or a make-up working day, and the notice that says so.
    public func holiday(on date: CivilDate) -> (holiday: Holiday, source: String?)? {
        entries[date.dayNumber].map { ($0.holiday, $0.source) }
    }

    func kind(ofDay day: Int) -> DayKind {
        if table.contains(day) {
            return table.kind(ofDay: day)
        }
        if let entry = entries[day] {
            return entry.kind
        }
        return CivilDate(dayNumber: day).isWeekend ? .weekend : .workday
    }

    // MARK: - Arithmetic

    /// The `n`-th working day after `date` (`date` itself not counted) for `n > 0`, the `|n|`-th working day
    /// before it for `n < 0`, and `date` itself for `n == 0`.
    public func adding(workingDays n: Int, to date: CivilDate) -> CivilDate {
        CivilDate(dayNumber: addingWorkingDays(n, toDayNumber: date.dayNumber))
    }

    /// `adding(workingDays:to:)` on day numbers (days since 1970-01-01): the hot path, two table reads.
    @inlinable
    public func addingWorkingDays(_ n: Int, toDayNumber d: Int) -> Int {
        let index = d &- table.firstDay
        if n > 0 {
            if UInt(bitPattern: index) < UInt(bitPattern: table.dayCount), n <= table.nth.count {
                let target = Int(table.prefix[index &+ 1]) &+ n &- 1
                if target < table.nth.count {
                    return Int(table.nth[target]) &+ table.firstDay
                }
            }
        } else if n < 0 {
            if UInt(bitPattern: index) < UInt(bitPattern: table.dayCount), n >= -table.nth.count {
                let target = Int(table.prefix[index]) &+ n
                if target >= 0 {
                    return Int(table.nth[target]) &+ table.firstDay
                }
            }
        } else {
            return d
        }
        return slowAddingWorkingDays(n, toDayNumber: d)
    }

    /// `addingWorkingDays` when the answer leaves the table's span: walk day by day outside it, jump inside it.
    @usableFromInline
    func slowAddingWorkingDays(_ n: Int, toDayNumber d: Int) -> Int {
        var day = d
        var remaining = n.magnitude
        if n > 0 {
            while remaining > 0 {
                if table.contains(day + 1) {
                    let start = Int(table.prefix[day + 1 - table.firstDay])
                    let available = UInt(table.nth.count - start)
                    if remaining <= available {
                        return Int(table.nth[start + Int(remaining) - 1]) + table.firstDay
                    }
                    remaining -= available
                    day = table.lastDay
                    continue
                }
                day += 1
                if kind(ofDay: day).isWorking { remaining -= 1 }
            }
        } else {
            while remaining > 0 {
                if table.contains(day - 1) {
                    let available = UInt(table.prefix[day - table.firstDay])
                    if remaining <= available {
                        return Int(table.nth[Int(available - remaining)]) + table.firstDay
                    }
                    remaining -= available
                    day = table.firstDay
                    continue
                }
                day -= 1
                if kind(ofDay: day).isWorking { remaining -= 1 }
            }
        }
        return day
    }

    /// Working days from `reference` to `date`: positive when `date` is later (the date itself counts, the
    /// reference day does not), 0 on the same day, negative when `date` has passed.
    public func signedWorkingDays(from reference: CivilDate, to date: CivilDate) -> Int {
        if date == reference { return 0 }
        if date > reference { return workingDays(from: reference.adding(days: 1), through: date) }
        return -workingDays(from: date, through: reference.adding(days: -1))
    }

    /// The number of working days in `[a, b]`, both ends included; 0 when `b < a`.
    public func workingDays(from a: CivilDate, through b: CivilDate) -> Int {
        guard a <= b else { return 0 }
        return workingDaysBefore(b.dayNumber + 1) - workingDaysBefore(a.dayNumber)
    }

    /// The number of working days from the table's first day up to (not including) `day`; negative before it.
    func workingDaysBefore(_ day: Int) -> Int {
        if day < table.firstDay {
            return -countOutsideSpan(from: day, upTo: table.firstDay)
        }
        if day <= table.lastDay + 1 {
            return Int(table.prefix[day - table.firstDay])
        }
        return Int(table.prefix[table.dayCount]) + countOutsideSpan(from: table.lastDay + 1, upTo: day)
    }

    /// Working days in `[lo, hi)` for a range wholly outside the table's span: weekdays, corrected by the
    /// arrangements' listed days there.
    private func countOutsideSpan(from lo: Int, upTo hi: Int) -> Int {
        let length = hi - lo
        guard length > 0 else { return 0 }
        var count = length / 7 * 5
        var day = lo + length / 7 * 7
        while day < hi {
            if !CivilDate(dayNumber: day).isWeekend { count += 1 }
            day += 1
        }
        for entry in entriesOutsideSpan where entry.day >= lo && entry.day < hi {
            let weekday = !CivilDate(dayNumber: entry.day).isWeekend
            if weekday && !entry.kind.isWorking { count -= 1 }
            if !weekday && entry.kind.isWorking { count += 1 }
        }
        return count
    }

    /// The first working day after `date`.
    public func nextWorkingDay(after date: CivilDate) -> CivilDate {
        adding(workingDays: 1, to: date)
    }

    /// The last working day before `date`.
    public func previousWorkingDay(before date: CivilDate) -> CivilDate {
        adding(workingDays: -1, to: date)
    }

    /// `date` moved off a day off by `rule`; unchanged on a working day and for `.none`.
    public func roll(_ date: CivilDate, _ rule: RollRule) -> CivilDate {
        if rule == .none || isWorkingDay(date) { return date }
        return rule == .next ? nextWorkingDay(after: date) : previousWorkingDay(before: date)
    }

    // MARK: - Explanations

    /// Why `date` is or is not a working day, for people.
    public func explain(_ date: CivilDate) -> DayExplanation {
        let kind = kind(of: date)
        let entry = entries[date.dayNumber]
        return DayExplanation(
            date: date, working: kind.isWorking, kind: kind, holiday: entry?.holiday.name,
            holidayEn: entry?.holiday.nameEn, source: entry?.source, provisional: isProvisional(date))
    }

    /// `roll(date, rule)` with a note saying what moved and why, e.g. 原定10月3日(国庆节),顺延至10月8日 /
    /// due 3 Oct (National Day), rolled forward to 8 Oct; the note is nil when the date did not move.
    public func rollExplained(_ date: CivilDate, _ rule: RollRule) -> (date: CivilDate, note: LocalizedText?) {
        let rolled = roll(date, rule)
        guard rolled != date else { return (date, nil) }
        let reason: LocalizedText
        if let entry = entries[date.dayNumber] {
            reason = LocalizedText(zh: entry.holiday.name, en: entry.holiday.nameEn ?? entry.holiday.name)
        } else {
            reason = LocalizedText(zh: date.weekdayName(.zhHans), en: date.weekdayName(.en))
        }
        let withYear = rolled.year != date.year
        let zhVerb = rule == .next ? "顺延至" : "提前至"
        let enVerb = rule == .next ? "rolled forward to" : "brought forward to"
        var zh =
            "原定\(date.shortText(.zhHans, withYear: withYear))(\(reason.zh)),"
            + "\(zhVerb)\(rolled.shortText(.zhHans, withYear: withYear))"
        var en =
            "due \(date.shortText(.en, withYear: withYear)) (\(reason.en)), "
            + "\(enVerb) \(rolled.shortText(.en, withYear: withYear))"
        let unknownYears = Set([date.year, rolled.year].filter { !hasData(for: $0) }).sorted()
        if !unknownYears.isEmpty {
            let zhList = unknownYears.map { "\($0)年" }.joined(separator: "、")
            let enList = unknownYears.map(String.init).joined(separator: ", ")
            zh += "(尚无\(zhList)放假安排,暂按周末推算)"
            en += " (provisional: no holiday arrangement for \(enList) yet, weekends only)"
        }
        return (rolled, LocalizedText(zh: zh, en: en))
    }
}
