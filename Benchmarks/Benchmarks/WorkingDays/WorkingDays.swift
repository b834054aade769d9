import Benchmark
import DubanBenchSupport
import DubanCalendar

/// "date + N working days": 1,000,000 additions per iteration through `addingWorkingDays(_:toDayNumber:)`, the
/// hot path, on the calendar of every bundled year. Target (TARGETS.md): ≥ 25% of the C loop's rate, measured
/// beside it by scripts/bench/workdays.sh; this suite tracks the same loop inside package-benchmark.
let benchmarks: @Sendable () -> Void = {
    let calendar = WorkingDayPairs.bundledCalendar()
    // Drawn once, before any measurement.
    let pairs = WorkingDayPairs(count: 1_000_000)

    Benchmark(
        "addingWorkingDays",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
            warmupIterations: 3,
            // One iteration is 1,000,000 additions (`scaledIterations`): throughput reads in M additions/s.
            scalingFactor: .mega,
            maxDuration: .seconds(5),
            maxIterations: 200
        )
    ) { benchmark in
        pairs.days.withUnsafeBufferPointer { days in
            pairs.counts.withUnsafeBufferPointer { counts in
                var checksum = 0
                for i in benchmark.scaledIterations {
                    checksum &+= calendar.addingWorkingDays(Int(counts[i]), toDayNumber: Int(days[i]))
                }
                blackHole(checksum)
            }
        }
    }
}
