import DubanCalendar
public import DubanCore
public import Foundation
import Synchronization

/// A wall clock that starts at a chosen instant and runs `speed` times faster than real time, for rehearsing
/// months of reminders in minutes (speed 86400: a day per second).
///
/// `now` is `start + elapsed × speed`, where `elapsed` is real monotonic time since the clock was made, so it is
/// immune to the real wall clock being stepped. Sleeping to a wall instant sleeps the real duration
/// `(deadline − now) / speed`, in slices of at most `maximumSlice` real time with `now` re-read after each.
///
/// A clock made `held` shows `start` and does not run until ``begin()``: duband holds its rehearsal clock until
/// the store holds the plans (the first sync), so the compressed months start with the daemon ready however long
/// its start took on a loaded machine. A copy shares the hold with the original.
///
/// This clock exists because libfaketime cannot fake sleeping under Swift concurrency (see the machine notes):
/// the daemon takes it as a component and must announce it loudly, with `description`.
public struct ScaledWallClock: WallClock, CustomStringConvertible {
    /// The wall instant the clock showed when it was made.
    public let start: Date
    /// Wall seconds per real second.
    public let speed: Double
    /// The zone `description` shows `start` in.
    public let timeZone: TimeZone
    /// The longest single real sleep.
    public let maximumSlice: Duration
    /// When the clock began to run (real monotonic time); nil while held.
    private let origin: Anchor

    final class Anchor: Sendable {
        let instant: Mutex<ContinuousClock.Instant?>
        init(_ instant: ContinuousClock.Instant?) { self.instant = Mutex(instant) }
    }

    /// A clock showing `start` now and running `speed` times real time.
    /// - Parameters:
    ///   - start: The wall instant to start from.
    ///   - speed: Wall seconds per real second; must be positive.
    ///   - timeZone: The zone `description` uses (default: the site default, Asia/Shanghai).
    ///   - maximumSlice: The longest single real sleep (default 30 s).
    ///   - held: Show `start` without running until ``begin()``.
    public init(
        start: Date, speed: Double, timeZone: TimeZone = SiteSettings().timeZone,
        maximumSlice: Duration = SystemWallClock.defaultMaximumSlice, held: Bool = false
    ) {
        precondition(speed > 0 && speed.isFinite, "a scaled clock needs a positive, finite speed")
        self.start = start
        self.speed = speed
        self.timeZone = timeZone
        self.maximumSlice = max(.nanoseconds(1), min(maximumSlice, SystemWallClock.defaultMaximumSlice))
        self.origin = Anchor(held ? nil : ContinuousClock.now)
    }

    /// Starts a held clock running from `start`; no effect on a running one.
    public func begin() {
        origin.instant.withLock { if $0 == nil { $0 = ContinuousClock.now } }
    }

    public var now: Date {
        guard let origin = origin.instant.withLock({ $0 }) else { return start }
        return start.addingTimeInterval(origin.duration(to: ContinuousClock.now).seconds * speed)
    }

    public func sleep(until deadline: Date) async throws {
        try await SlicedSleep.sleep(
            until: deadline, maximumSlice: maximumSlice, speed: speed, now: { now },
            sleep: { try await Task.sleep(for: $0) })
    }

    /// For example `scaled clock: 2022-01-01 00:00 +08:00 ×86400`.
    public var description: String {
        let offset = timeZone.secondsFromGMT(for: start)
        let local = start.timeIntervalSince1970 + Double(offset)
        let day = Int((local / 86_400).rounded(.down))
        let secondOfDay = Int(local - Double(day) * 86_400)
        let time = TimeOfDay(hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60)
        let sign = offset < 0 ? "-" : "+"
        let zone = sign + TimeOfDay(hour: abs(offset) / 3600, minute: abs(offset) % 3600 / 60).description
        let factor = speed == speed.rounded() && speed < 1e15 ? String(Int64(speed)) : String(speed)
        return "scaled clock: \(CivilDate(dayNumber: day)) \(time) \(zone) ×\(factor)"
    }
}
