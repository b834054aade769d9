import Benchmark
import DubanBenchSupport
import DubanCalendar
import DubanCore

/// Occurrence expansion: 10,000 yearly tasks × 100 org units × 5 years = 5,000,000 occurrences per iteration,
/// `Schedule.expand(from:through:)` over 2022-01-01 … 2026-12-31. Targets (TARGETS.md): ≥ 2,000,000
/// occurrences/s on one core; ≤ 64 bytes of heap per occurrence held.
///
/// Custom metrics, per iteration:
/// - `occurrences/s`: the expansion's own rate (wall clock around `expand` alone).
/// - `held B/occurrence`: heap still allocated once `expand` has returned, while its result is alive
///   (glibc `mallinfo2` before and after), divided by the count. `MemoryLayout<Occurrence>.stride` is 28.
/// - `peak B/occurrence`: the rise of the process's peak resident size during `expand` (VmHWM, reset before the
///   call), divided by the count: what the expansion needs at its worst, scratch arrays included.
let benchmarks: @Sendable () -> Void = {
    let workload = ExpansionWorkload(calendar: WorkingDayPairs.bundledCalendar())
    let occurrencesPerSecond = BenchmarkMetric.custom(
        "occurrences/s", polarity: .prefersLarger, useScalingFactor: false)
    let heldBytes = BenchmarkMetric.custom("held B/occurrence", polarity: .prefersSmaller, useScalingFactor: false)
    let peakBytes = BenchmarkMetric.custom("peak B/occurrence", polarity: .prefersSmaller, useScalingFactor: false)

    Benchmark(
        "expand 10k tasks × 100 units × 5 years",
        configuration: .init(
            metrics: [
                .wallClock, .mallocCountTotal, .mallocBytesCount, .memoryLeakedBytes,
                .peakMemoryResident, .peakMemoryResidentDelta, occurrencesPerSecond, heldBytes, peakBytes,
            ],
            warmupIterations: 1,
            maxDuration: .seconds(20),
            maxIterations: 10
        )
    ) { benchmark in
        let heapBefore = HeapStats.bytesInUse()
        HeapStats.resetPeakResident()
        let residentBefore = HeapStats.resident()
        let clock = ContinuousClock()

        benchmark.startMeasurement()
        let start = clock.now
        let occurrences = workload.schedule.expand(from: workload.from, through: workload.through)
        let elapsed = start.duration(to: clock.now)
        benchmark.stopMeasurement()

        let heapAfter = HeapStats.bytesInUse()
        let residentAfter = HeapStats.resident()
        let count = occurrences.count
        guard count == workload.expectedCount else {
            benchmark.error("expected \(workload.expectedCount) occurrences, got \(count)")
            return
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        benchmark.measurement(occurrencesPerSecond, Int(Double(count) / seconds))
        if let heapBefore, let heapAfter {
            benchmark.measurement(heldBytes, (heapAfter - heapBefore) / count)
        }
        if let residentBefore, let residentAfter {
            benchmark.measurement(peakBytes, (residentAfter.peak - residentBefore.current) / count)
        }
        blackHole(occurrences)
    }
}
