/// Per-day tables over a fixed span of dates, built once so that working-day arithmetic is two array reads.
///
/// For day index `i` (days since `firstDay`):
/// - `kinds[i]` is the day's `DayKind` as a byte (see `code(of:)`);
/// - `prefix[i]` is the number of working days in `[0, i)`, so `prefix[i + 1] - prefix[a]` counts `[a, i]`;
/// - `nth[k]` is the index of the `k`-th working day of the span (0-based), the inverse of `prefix`.
///
/// "The n-th working day after day i" is then `nth[prefix[i + 1] + n - 1]`, and "the n-th before" is
/// `nth[prefix[i] - n]`, exactly what a C loop over the same two tables does.
@usableFromInline
struct DayTable: Sendable {
    /// First day of the span: 1950-01-01.
    static let spanStart = (year: 1950, month: 1, day: 1)
    /// Last day of the span: 2150-12-31.
    static let spanEnd = (year: 2150, month: 12, day: 31)

    /// Day number of the span's first day.
    @usableFromInline let firstDay: Int
    /// Number of days in the span.
    @usableFromInline let dayCount: Int
    /// One `DayKind` code per day.
    @usableFromInline let kinds: [UInt8]
    /// `dayCount + 1` running counts of working days.
    @usableFromInline let prefix: [Int32]
    /// The index of every working day, in order.
    @usableFromInline let nth: [Int32]

    /// Builds the tables from the weekday pattern and `overrides` (day number → kind; days outside the span are
    /// ignored).
    init(overrides: [Int: DayKind]) {
        let first = CivilDate.daysFromCivil(
            year: DayTable.spanStart.year, month: DayTable.spanStart.month, day: DayTable.spanStart.day)
        let last = CivilDate.daysFromCivil(
            year: DayTable.spanEnd.year, month: DayTable.spanEnd.month, day: DayTable.spanEnd.day)
        let count = last - first + 1
        var kinds = [UInt8](repeating: 0, count: count)
        for index in 0..<count where CivilDate(dayNumber: first + index).isWeekend {
            kinds[index] = DayTable.code(of: .weekend)
        }
        for (day, kind) in overrides where day >= first && day <= last {
            kinds[day - first] = DayTable.code(of: kind)
        }
        var prefix = [Int32](repeating: 0, count: count + 1)
        var nth: [Int32] = []
        nth.reserveCapacity(count * 5 / 7 + 16)
        var running: Int32 = 0
        for index in 0..<count {
            prefix[index] = running
            if DayTable.isWorking(code: kinds[index]) {
                nth.append(Int32(index))
                running += 1
            }
        }
        prefix[count] = running
        self.firstDay = first
        self.dayCount = count
        self.kinds = kinds
        self.prefix = prefix
        self.nth = nth
    }

    /// Day number of the span's last day.
    @inlinable
    var lastDay: Int { firstDay + dayCount - 1 }

    /// True when `day` (a day number) lies in the span.
    @inlinable
    func contains(_ day: Int) -> Bool {
        UInt(bitPattern: day &- firstDay) < UInt(bitPattern: dayCount)
    }

    /// The kind of a day inside the span.
    func kind(ofDay day: Int) -> DayKind {
        DayTable.kind(code: kinds[day - firstDay])
    }

    static func code(of kind: DayKind) -> UInt8 {
        switch kind {
        case .workday: return 0
        case .weekend: return 1
        case .holiday: return 2
        case .makeupWorkday: return 3
        }
    }

    static func kind(code: UInt8) -> DayKind {
        switch code {
        case 0: return .workday
        case 1: return .weekend
        case 2: return .holiday
        default: return .makeupWorkday
        }
    }

    static func isWorking(code: UInt8) -> Bool {
        code == 0 || code == 3
    }
}
