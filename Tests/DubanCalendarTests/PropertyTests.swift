import DubanCalendar
import DubanPlanFiles
import Testing

/// Random dates and counts, from a fixed seed, against a day-by-day oracle, inside and outside the table span.
@Suite struct PropertyTests {
    /// Bundled data plus made-up years beyond the 1950–2150 table span, to exercise the slow paths.
    static let years: [HolidayYear] =
        CalendarLoader.bundledYears() + [
            HolidayYear(
                year: 1949,
                holidays: [
                    Holiday(
                        name: "国庆节", off: [day("1949-10-03"), day("1949-10-04")], work: [day("1949-10-08")])
                ]),
            HolidayYear(
                year: 2151,
                holidays: [
                    Holiday(
                        name: "元旦", off: [day("2150-12-31"), day("2151-01-01"), day("2151-01-02")],
                        work: [day("2151-01-04")])
                ]),
        ]
    static let calendar = WorkingDayCalendar(years: years)
    static let oracle = NaiveCalendar(years)

    /// Random `(day, n)` pairs from `range` of years.
    func samples(_ count: Int, seed: UInt64, years: ClosedRange<Int>, maxN: Int) -> [(Int, Int)] {
        var generator = SplitMix64(seed: seed)
        let low = CivilDate.startOfYear(years.lowerBound).dayNumber
        let high = CivilDate.endOfYear(years.upperBound).dayNumber
        return (0..<count).map { _ in
            (Int.random(in: low...high, using: &generator), Int.random(in: -maxN...maxN, using: &generator))
        }
    }

    @Test(arguments: [
        (UInt64(1), 1940...2160, 40),
        (UInt64(2), 2019...2027, 25),
        (UInt64(3), 1946...1953, 400),
        (UInt64(4), 2147...2154, 400),
    ])
    func addingAgreesWithTheOracle(seed: UInt64, years: ClosedRange<Int>, maxN: Int) {
        let calendar = Self.calendar
        let oracle = Self.oracle
        for (start, n) in samples(3_000, seed: seed, years: years, maxN: maxN) {
            let result = calendar.addingWorkingDays(n, toDayNumber: start)
            #expect(result == oracle.adding(n, start), "start \(CivilDate(dayNumber: start)) n \(n)")
            let date = CivilDate(dayNumber: result)
            if n > 0 {
                #expect(calendar.isWorkingDay(date))
                #expect(
                    calendar.workingDays(from: CivilDate(dayNumber: start + 1), through: date) == n,
                    "start \(CivilDate(dayNumber: start)) n \(n)")
            } else if n < 0 {
                #expect(calendar.isWorkingDay(date))
                #expect(calendar.workingDays(from: date, through: CivilDate(dayNumber: start - 1)) == -n)
            } else {
                #expect(result == start)
            }
        }
    }

    @Test func countsAgreeWithTheOracle() {
        let calendar = Self.calendar
        let oracle = Self.oracle
        var generator = SplitMix64(seed: 42)
        let low = CivilDate.startOfYear(1930).dayNumber
        let high = CivilDate.endOfYear(2170).dayNumber
        for _ in 0..<300 {
            let a = Int.random(in: low...high, using: &generator)
            let b = a + Int.random(in: -30...20_000, using: &generator)
            let count = calendar.workingDays(from: CivilDate(dayNumber: a), through: CivilDate(dayNumber: b))
            #expect(count == oracle.count(a, b), "\(CivilDate(dayNumber: a))…\(CivilDate(dayNumber: b))")
        }
    }

    @Test func kindsAgreeWithTheOracleAcrossTheSpanEdges() {
        let calendar = Self.calendar
        let oracle = Self.oracle
        for range in [day("1949-09-01")...day("1950-02-01"), day("2150-11-01")...day("2151-03-01")] {
            var date = range.lowerBound
            while date <= range.upperBound {
                #expect(calendar.isWorkingDay(date) == oracle.isWorking(date.dayNumber), "\(date)")
                date = date.adding(days: 1)
            }
        }
        #expect(Self.calendar.kind(of: day("1949-10-08")) == .makeupWorkday)
        #expect(Self.calendar.kind(of: day("2150-12-31")) == .holiday)
    }

    @Test func longJumpsCrossTheWholeSpan() {
        let calendar = Self.calendar
        let start = day("1949-06-01")
        let end = day("2152-01-01")
        let n = calendar.workingDays(from: start.adding(days: 1), through: end)
        #expect(n == Self.oracle.count(start.dayNumber + 1, end.dayNumber))
        let endWorking = calendar.roll(end, .previous)
        #expect(calendar.adding(workingDays: n, to: start) == endWorking)
        #expect(
            calendar.adding(workingDays: -n, to: endWorking.adding(days: 1))
                == calendar.roll(start.adding(days: 1), .next))
    }
}
