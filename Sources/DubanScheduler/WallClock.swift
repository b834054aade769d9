public import Foundation

/// The civil wall clock the scheduler reads and sleeps on.
///
/// Due instants are civil times (08:30 on a date in the bureau's zone), which a monotonic `Clock` cannot express,
/// so the scheduler takes this clock as a component instead of calling `Date()` and `Task.sleep` itself:
/// `SystemWallClock` in production, `ScaledWallClock` to rehearse months in minutes, and a manual clock in tests
/// (`TestWallClock` in DubanTesting).
public protocol WallClock: Sendable {
    /// The current wall-clock instant.
    var now: Date { get }

    /// Suspends until `now` has reached `deadline`; returns at once when it already has.
    /// - Throws: `CancellationError` when the calling task is cancelled.
    func sleep(until deadline: Date) async throws
}
