import Foundation

/// Sleeping until a wall-clock instant in bounded slices, re-reading the wall clock after each.
///
/// A single monotonic sleep to a civil instant misses it when the wall clock is stepped (NTP, an admin setting the
/// date) during the sleep. Sleeping at most `maximumSlice` at a time and re-reading the clock after each slice
/// bounds the error to one slice, and a forward step past the deadline ends the sleep at the next slice.
enum SlicedSleep {
    /// Sleeps until `now()` reaches `deadline`.
    /// - Parameters:
    ///   - deadline: The wall-clock instant to reach.
    ///   - maximumSlice: The longest single sleep, in real time.
    ///   - speed: Wall seconds per real second (1 for the system clock).
    ///   - now: Reads the wall clock.
    ///   - sleep: Sleeps a real duration; throws `CancellationError` when cancelled.
    /// - Throws: `CancellationError` when the task is cancelled.
    static func sleep(
        until deadline: Date, maximumSlice: Duration, speed: Double, now: () -> Date,
        sleep: (Duration) async throws -> Void
    ) async throws {
        while true {
            try Task.checkCancellation()
            let remaining = deadline.timeIntervalSince(now())
            if remaining <= 0 { return }
            let real = remaining / speed
            let slice = real >= maximumSlice.seconds ? maximumSlice : Duration.seconds(real)
            try await sleep(slice)
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
