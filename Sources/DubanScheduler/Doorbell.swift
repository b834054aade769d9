public import Foundation
import Synchronization

/// The wake-up of a loop that sleeps until its next instant ("or until something changes"): ``SchedulerLoop``
/// and the daemon's loop over occurrences started from an event.
///
/// A ring is remembered until the loop next consults its state (``clear()``) or waits, so a change made while
/// the loop is busy is never lost: the changer updates the state first and rings after; the loop clears first and
/// reads the state after.
public final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    public init() {}

    /// Wakes the waiting loop, or the next wait.
    public func ring() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.rung = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Forgets a ring: call just before reading the state the rings announce.
    public func clear() {
        state.withLock { $0.rung = false }
    }

    /// Returns at a ring (at once if one came since the last ``clear()``) or when the task is cancelled.
    public func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if state.rung || Task.isCancelled { return true }
                    state.waiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }

    /// Sleeps on `clock` until `deadline`, a ring, or cancellation, whichever comes first.
    public func sleep(until deadline: Date, on clock: any WallClock) async {
        await sleep { try? await clock.sleep(until: deadline) }
    }

    /// Sleeps for `duration` of real time (whatever the daemon's clock), until a ring, or until cancellation.
    public func sleep(for duration: Duration) async {
        await sleep { try? await Task.sleep(for: duration) }
    }

    private func sleep(_ timer: @escaping @Sendable () async -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await timer() }
            group.addTask { await self.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
