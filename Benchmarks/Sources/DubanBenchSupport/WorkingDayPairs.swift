public import DubanCalendar
import DubanPlanFiles

/// Inputs of the working-day benchmarks: "date + k working days" with dates 2020-01-01 … 2026-12-31 and k 1 … 20.
///
/// Pair `i` is drawn as `d = next() % 2557` (days since 2020-01-01), then `k = 1 + next() % 20`, from
/// `SplitMix64(seed:)`; scripts/bench/workdays_ref.c draws them the same way, so both sides answer the same
/// questions and their checksums must agree.
public struct WorkingDayPairs: Sendable {
    /// 2020-01-01.
    public static let firstDate = CivilDate(year: 2020, month: 1, day: 1)!
    /// 2026-12-31.
    public static let lastDate = CivilDate(year: 2026, month: 12, day: 31)!
    /// Days in 2020-01-01 … 2026-12-31: 2,557.
    public static let dayCount = firstDate.days(to: lastDate) + 1
    /// The seed every working-day benchmark uses.
    public static let defaultSeed: UInt64 = 20_200_101

    /// Start dates as day numbers (days since 1970-01-01).
    public let days: [Int32]
    /// Working days to add, 1 … 20.
    public let counts: [Int32]

    /// `count` pairs from `SplitMix64(seed: seed)`.
    public init(count: Int, seed: UInt64 = defaultSeed) {
        var rng = SplitMix64(seed: seed)
        var days = [Int32]()
        var counts = [Int32]()
        days.reserveCapacity(count)
        counts.reserveCapacity(count)
        let first = WorkingDayPairs.firstDate.dayNumber
        let span = UInt64(WorkingDayPairs.dayCount)
        for _ in 0..<count {
            days.append(Int32(first + Int(rng.next() % span)))
            counts.append(Int32(1 + rng.next() % 20))
        }
        self.days = days
        self.counts = counts
    }

    /// The calendar the benchmarks measure: every bundled year (2020–2026), as duband loads it without overrides.
    public static func bundledCalendar() -> WorkingDayCalendar {
        WorkingDayCalendar(years: CalendarLoader.bundledYears())
    }
}
