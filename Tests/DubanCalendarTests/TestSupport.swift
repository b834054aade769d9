import DubanCalendar
import DubanPlanFiles

/// The calendar built from the bundled holiday files (2020–2026).
let bundledCalendar = WorkingDayCalendar(years: CalendarLoader.bundledYears())

/// `2026-10-03` as a date; traps on a typo in a test.
func day(_ text: String) -> CivilDate {
    guard let date = CivilDate(iso: text) else { fatalError("bad test date \(text)") }
    return date
}

/// Dates of `year` from `MM-DD` strings.
func days(_ year: Int, _ monthDays: String) -> [CivilDate] {
    monthDays.split(separator: " ").map { day("\(year)-\($0)") }
}

/// SplitMix64: a small generator with a fixed seed, so random tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A day-by-day oracle built straight from the arrangements, sharing no code with the calendar's tables.
struct NaiveCalendar {
    var working: [Int: Bool] = [:]

    init(_ years: [HolidayYear]) {
        for year in years.sorted(by: { $0.year < $1.year }) {
            for holiday in year.holidays {
                for date in holiday.off { working[date.dayNumber] = false }
                for date in holiday.work { working[date.dayNumber] = true }
            }
        }
    }

    func isWorking(_ day: Int) -> Bool {
        working[day] ?? !CivilDate(dayNumber: day).isWeekend
    }

    func adding(_ n: Int, _ start: Int) -> Int {
        var day = start
        var remaining = abs(n)
        let step = n > 0 ? 1 : -1
        while remaining > 0 {
            day += step
            if isWorking(day) { remaining -= 1 }
        }
        return day
    }

    func count(_ a: Int, _ b: Int) -> Int {
        guard a <= b else { return 0 }
        return (a...b).filter(isWorking).count
    }
}
