public import DubanCore
public import Foundation
import Synchronization

/// The thin async shell around `SchedulerStateMachine`: sleeps on a `WallClock` until the next event, hands due
/// events to `deliver`, and re-plans at once when told of a change. It never polls.
///
/// The machine lives behind a `Mutex` (hot shared state as a value-type state machine behind a lock, as
/// postgres-nio and hummingbird do): `run()` and the change methods (`closed`, `reopened`, `replace`), called
/// from any task, take turns on it. A change rings a doorbell that cuts the current sleep short, so the loop
/// re-plans without waiting for the old deadline.
///
/// `deliver` is where the daemon records the events as handled and notifies, in one transaction. If it returns,
/// the events are done; if it throws, they stay unhandled and fire again after a back-off (see
/// `SchedulerConfiguration.retryDelay`). When the loop is cancelled mid-delivery the batch's fate is whatever
/// `deliver` committed, and the next start reads it from the store: nothing fires twice, nothing is dropped.
///
/// The `handled` sets passed to `reopened` and `replace` must be read from the store under the same lock (or
/// transaction) that `deliver` records under, and the call made inside it: then every key is either in that set or
/// in the batch the machine knows to be in flight.
///
/// When nothing is scheduled the loop sleeps on the clock until `Date.distantFuture` (a change still cuts it
/// short), so a manual test clock can see that it is idle.
public final class SchedulerLoop: Sendable {
    /// Records and announces a batch of due events; throwing leaves them unhandled, to be retried.
    public typealias Deliver = @Sendable ([DueEvent]) async throws -> Void

    private struct State: Sendable {
        var machine: SchedulerStateMachine
        var startInput: (handled: Set<String>, closed: Set<String>)?
        /// What the loop is waiting for: an instant, or nil when idle or busy.
        var plannedWake: Date?
        var running = false
        /// The instant of the machine's last decision, and the instant up to which every event has been delivered.
        var decidedAt: Date?
        var settledThrough: Date?
    }

    private let clock: any WallClock
    private let deliver: Deliver
    private let state: Mutex<State>
    /// Rung by every change; a sleep ends at a ring.
    private let doorbell = Doorbell()

    /// A loop over a machine that has not been started.
    /// - Parameters:
    ///   - clock: The wall clock to read and sleep on.
    ///   - stateMachine: The machine, not yet started.
    ///   - handled: Keys of events already handled (from the store).
    ///   - closed: Ids of closed occurrences.
    ///   - deliver: Records and announces each batch; see `Deliver`.
    public init(
        clock: any WallClock,
        stateMachine: SchedulerStateMachine,
        handled: Set<String> = [],
        closed: Set<String> = [],
        deliver: @escaping Deliver
    ) {
        self.clock = clock
        self.deliver = deliver
        self.state = Mutex(State(machine: stateMachine, startInput: (handled, closed)))
    }

    /// Runs until the task is cancelled: starts the machine (catching up what was missed), then sleeps, fires
    /// and re-plans. Returns when cancelled; call it once.
    public func run() async {
        let now = clock.now
        doorbell.clear()
        var action = state.withLock { state -> SchedulerStateMachine.Action in
            precondition(!state.running, "SchedulerLoop.run() is called once")
            state.running = true
            let input = state.startInput ?? ([], [])
            state.startInput = nil
            state.decidedAt = now
            return state.machine.start(now: now, handled: input.handled, closed: input.closed)
        }
        while !Task.isCancelled {
            switch action {
            case .fire(let events):
                let succeeded: Bool
                do {
                    try await deliver(events)
                    succeeded = true
                } catch {
                    succeeded = false
                }
                let now = clock.now
                doorbell.clear()
                action = state.withLock { state in
                    state.decidedAt = now
                    return succeeded ? state.machine.delivered(now: now) : state.machine.deliveryFailed(now: now)
                }
            case .sleep(let deadline):
                await sleep(until: deadline)
                if Task.isCancelled { break }
                action = consult()
            case .idle:
                // Sleeping on the clock until the end of time (rather than only on the doorbell) lets a manual test
                // clock see that the loop is idle; a change cuts it short like any sleep.
                await sleep(until: .distantFuture)
                if Task.isCancelled { break }
                action = consult()
            }
        }
        state.withLock { $0.plannedWake = nil }
    }

    /// The occurrence at `index` was closed (done or waived); see `SchedulerStateMachine.closed(occurrenceIndex:)`.
    public func closed(occurrenceIndex index: Int) {
        change { _ = $0.closed(occurrenceIndex: index) }
    }

    /// The occurrence with this id was closed; see `SchedulerStateMachine.closed(id:)`.
    public func closed(id: String) {
        change { _ = $0.closed(id: id) }
    }

    /// The occurrence at `index` was reopened; see `SchedulerStateMachine.reopened(occurrenceIndex:handled:)`.
    public func reopened(occurrenceIndex index: Int, handled: Set<String>) {
        change { _ = $0.reopened(occurrenceIndex: index, handled: handled) }
    }

    /// The occurrence with this id was reopened; see `SchedulerStateMachine.reopened(id:handled:)`.
    public func reopened(id: String, handled: Set<String>) {
        change { _ = $0.reopened(id: id, handled: handled) }
    }

    /// Plans were reloaded; see `SchedulerStateMachine.replace(schedule:handled:closed:now:)`.
    public func replace(schedule: Schedule, handled: Set<String>, closed: Set<String>) {
        let now = clock.now
        state.withLock { state in
            if state.startInput != nil {
                // Not running yet: start on the new schedule instead.
                state.machine = SchedulerStateMachine(schedule: schedule, configuration: state.machine.configuration)
                state.startInput = (handled, closed)
            } else {
                _ = state.machine.replace(schedule: schedule, handled: handled, closed: closed, now: now)
            }
        }
        doorbell.ring()
    }

    /// The instant the loop is sleeping until, or nil when it is idle, busy or not running (for status lines).
    public var plannedWake: Date? {
        state.withLock { $0.plannedWake }
    }

    /// The instant up to which every event has been fired and delivered (the loop's last decision before it went
    /// to sleep), or nil before the first sleep. The digest loop waits for it to pass a digest's instant.
    public var settledThrough: Date? {
        state.withLock { $0.settledThrough }
    }

    /// A snapshot of the machine (for queries such as `index(ofID:)` and `statistics`).
    public var stateMachine: SchedulerStateMachine {
        state.withLock { $0.machine }
    }

    // MARK: - Private

    /// Applies a change to the machine, then rings the doorbell.
    private func change(_ body: (inout SchedulerStateMachine) -> Void) {
        state.withLock { body(&$0.machine) }
        doorbell.ring()
    }

    /// Asks the machine what to do now.
    private func consult() -> SchedulerStateMachine.Action {
        let now = clock.now
        doorbell.clear()
        return state.withLock { state in
            state.plannedWake = nil
            state.decidedAt = now
            return state.machine.wake(now: now)
        }
    }

    /// Sleeps until `deadline`, a change, or cancellation, whichever comes first.
    private func sleep(until deadline: Date) async {
        state.withLock {
            $0.plannedWake = deadline == .distantFuture ? nil : deadline
            // Going to sleep: every event up to the last decision has been delivered.
            $0.settledThrough = $0.decidedAt
        }
        await doorbell.sleep(until: deadline, on: clock)
    }
}
