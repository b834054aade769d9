// The Swift side of scripts/bench/workdays.sh: the C reference's loop (scripts/bench/workdays_ref.c) through
// duban's calendar. Same pairs (SplitMix64, same seed, same draws), same timing (a monotonic clock around the loop
// alone, pairs drawn before), same checksum (sum of answers as days since 2020-01-01), so the two rates compare.
//
//   WorkdaysRate [--pairs N] [--rounds R] [--seed S]   one untimed pass, R timed passes; prints the median rate
//   WorkdaysRate --write-table FILE                     the C reference's day table (see below)
import DubanBenchSupport
import DubanCalendar

#if canImport(Glibc)
import Glibc
#endif

/// Days of table after 2026-12-31, so that "2026-12-31 + 20 working days" stays inside the C reference's tables.
let tailDays = 64

func fail(_ message: String) -> Never {
    print("WorkdaysRate: \(message)")
    exit(2)
}

func number<T: FixedWidthInteger>(_ text: String, for option: String) -> T {
    guard let value = T(text), value > 0 else { fail("\(option) takes a positive number, not \(text)") }
    return value
}

var arguments = CommandLine.arguments.dropFirst()
var pairCount = 10_000_000
var rounds = 5
var seed = WorkingDayPairs.defaultSeed
var tablePath: String?
while let argument = arguments.popFirst() {
    func value() -> String {
        guard let next = arguments.popFirst() else { fail("\(argument) needs a value") }
        return next
    }
    switch argument {
    case "--pairs": pairCount = number(value(), for: argument)
    case "--rounds": rounds = number(value(), for: argument)
    case "--seed": seed = number(value(), for: argument)
    case "--write-table": tablePath = value()
    default: fail("unknown argument \(argument)")
    }
}

let calendar = WorkingDayPairs.bundledCalendar()
let first = WorkingDayPairs.firstDate.dayNumber

// The C reference's input: one byte per day from 2020-01-01, 1 for a working day and 0 for a day off, as duban's
// calendar (bundled holiday files) says: the 2,557 days through 2026-12-31, then `tailDays` days of 2027, which has
// no holiday file yet, so weekends only (duban marks them provisional).
if let tablePath {
    let bytes = (0..<(WorkingDayPairs.dayCount + tailDays)).map { index -> UInt8 in
        calendar.isWorkingDay(CivilDate(dayNumber: first + index)) ? 1 : 0
    }
    guard let file = fopen(tablePath, "wb") else { fail("cannot write \(tablePath)") }
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    guard written == bytes.count else { fail("short write to \(tablePath)") }
    print("wrote \(bytes.count) days (\(WorkingDayPairs.dayCount) + \(tailDays) tail) to \(tablePath)")
    exit(0)
}

let pairs = WorkingDayPairs(count: pairCount, seed: seed)

/// One pass over every pair; returns the checksum (answers as days since 2020-01-01, summed).
@inline(never)
func pass(_ calendar: WorkingDayCalendar, _ days: UnsafeBufferPointer<Int32>, _ counts: UnsafeBufferPointer<Int32>)
    -> Int
{
    var sum = 0
    for i in 0..<days.count {
        sum &+= calendar.addingWorkingDays(Int(counts[i]), toDayNumber: Int(days[i])) &- first
    }
    return sum
}

let clock = ContinuousClock()
var rates: [Double] = []
var checksum = 0
pairs.days.withUnsafeBufferPointer { days in
    pairs.counts.withUnsafeBufferPointer { counts in
        checksum = pass(calendar, days, counts)  // untimed: faults the tables in
        for _ in 0..<rounds {
            let start = clock.now
            let sum = pass(calendar, days, counts)
            let elapsed = start.duration(to: clock.now)
            precondition(sum == checksum)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            rates.append(Double(pairCount) / seconds)
        }
    }
}
rates.sort()
let median = rates[rates.count / 2]
print("swift pairs=\(pairCount) rounds=\(rounds) seed=\(seed) checksum=\(checksum) rate=\(Int(median))")
