public import Foundation

/// The production wall clock: `Date()`, slept on in slices of at most 30 seconds.
///
/// Each slice is a monotonic `Task.sleep`; after each the wall time is read again, so a clock stepped by NTP or
/// an admin moves the wake-up with it (late by at most one slice when stepped backwards, on time at the next
/// slice when stepped forwards past the deadline) instead of trusting one long monotonic sleep to land on a
/// civil instant.
public struct SystemWallClock: WallClock, CustomStringConvertible {
    /// The default longest single sleep.
    public static let defaultMaximumSlice: Duration = .seconds(30)

    /// The longest single sleep before the wall clock is read again.
    public let maximumSlice: Duration
    private let timeSource: @Sendable () -> Date
    private let sleeper: @Sendable (Duration) async throws -> Void

    /// The system clock.
    /// - Parameter maximumSlice: The longest single sleep (default 30 s; values above 30 s are clamped).
    public init(maximumSlice: Duration = SystemWallClock.defaultMaximumSlice) {
        self.init(maximumSlice: maximumSlice, timeSource: { Date() }, sleep: { try await Task.sleep(for: $0) })
    }

    /// A clock over an injected time source and sleeper, to test the slicing.
    /// - Parameters:
    ///   - maximumSlice: The longest single sleep (clamped to 30 s).
    ///   - timeSource: Reads the wall clock.
    ///   - sleep: Sleeps a real duration; throws `CancellationError` when cancelled.
    public init(
        maximumSlice: Duration, timeSource: @escaping @Sendable () -> Date,
        sleep: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.maximumSlice = max(.nanoseconds(1), min(maximumSlice, SystemWallClock.defaultMaximumSlice))
        self.timeSource = timeSource
        self.sleeper = sleep
    }

    public var now: Date { timeSource() }

    public func sleep(until deadline: Date) async throws {
        try await SlicedSleep.sleep(
            until: deadline, maximumSlice: maximumSlice, speed: 1, now: timeSource, sleep: sleeper)
    }

    public var description: String { "system clock" }
}
