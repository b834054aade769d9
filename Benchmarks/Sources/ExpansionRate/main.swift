// One expansion of the Expansion benchmark's workload (10,000 yearly tasks × 100 units × 5 years) outside
// package-benchmark, for profilers: `valgrind --tool=callgrind` or `perf record` on this binary.
//
//   ExpansionRate [--rounds R]     R expansions (default 3); prints each one's rate and bytes per occurrence
import DubanBenchSupport
import DubanCore

#if canImport(Glibc)
import Glibc
#endif

var rounds = 3
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    guard argument == "--rounds", let text = arguments.popFirst(), let value = Int(text), value > 0 else {
        print("usage: ExpansionRate [--rounds R]")
        exit(2)
    }
    rounds = value
}

let workload = ExpansionWorkload(calendar: WorkingDayPairs.bundledCalendar())
let clock = ContinuousClock()
for round in 1...rounds {
    let heapBefore = HeapStats.bytesInUse() ?? 0
    HeapStats.resetPeakResident()
    let residentBefore = HeapStats.resident()
    let start = clock.now
    let occurrences = workload.schedule.expand(from: workload.from, through: workload.through)
    let elapsed = start.duration(to: clock.now)
    let heldBytes = (HeapStats.bytesInUse() ?? 0) - heapBefore
    let residentAfter = HeapStats.resident()
    precondition(occurrences.count == workload.expectedCount, "got \(occurrences.count) occurrences")
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let count = Double(occurrences.count)
    var line = "round \(round): \(occurrences.count) occurrences in \(Int(seconds * 1000)) ms"
    line += ", \(Int(count / seconds)) occurrences/s"
    line += ", held \(Double(Int(Double(heldBytes) / count * 10)) / 10) B/occurrence"
    if let residentBefore, let residentAfter {
        let peak = Double(residentAfter.peak - residentBefore.current) / count
        line += ", peak resident +\(Double(Int(peak * 10)) / 10) B/occurrence"
    }
    print(line)
}
