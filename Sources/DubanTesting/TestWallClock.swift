public import DubanScheduler
public import Foundation
import Synchronization

/// A manual wall clock for tests: time moves only when the test calls `advance(to:)`.
///
/// Follows postgres-nio's `MockClock` (Sources/ConnectionPoolTestUtils/MockClock.swift): `nextSleep()` returns once
/// the code under test is really asleep on the clock (each `sleep(until:)` call is reported exactly once, in call
/// order), and `advance(to:)` wakes every sleeper whose deadline has passed, in deadline order. No
/// `Task.yield` heuristics: a test that awaits `nextSleep()` before advancing is deterministic under any load.
public final class TestWallClock: WallClock, CustomStringConvertible {
    private struct Sleeper {
        var id: Int
        var deadline: Date
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        /// Sleepers sorted by deadline (then arrival).
        var sleepers: [Sleeper] = []
        /// Tests waiting in `nextSleep()`.
        var waiters: [CheckedContinuation<Date, Never>] = []
        /// Deadlines of sleeps not yet reported by `nextSleep()`.
        var unreported: [Date] = []
        var nextID = 0
    }

    private let state: Mutex<State>

    /// A clock showing `now`.
    public init(now: Date) {
        state = Mutex(State(now: now))
    }

    public var now: Date { state.withLock { $0.now } }

    /// The number of tasks asleep on the clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Date) async throws {
        let id = state.withLock { state -> Int in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Outcome { case asleep, resume, cancel }
                let (outcome, waiter) = state.withLock { state -> (Outcome, CheckedContinuation<Date, Never>?) in
                    let waiter: CheckedContinuation<Date, Never>?
                    if state.waiters.isEmpty {
                        state.unreported.append(deadline)
                        waiter = nil
                    } else {
                        waiter = state.waiters.removeFirst()
                    }
                    if Task.isCancelled { return (.cancel, waiter) }
                    if state.now >= deadline { return (.resume, waiter) }
                    let sleeper = Sleeper(id: id, deadline: deadline, continuation: continuation)
                    let index = state.sleepers.firstIndex { $0.deadline > deadline } ?? state.sleepers.endIndex
                    state.sleepers.insert(sleeper, at: index)
                    return (.asleep, waiter)
                }
                switch outcome {
                case .cancel: continuation.resume(throwing: CancellationError())
                case .resume: continuation.resume()
                case .asleep: break
                }
                waiter?.resume(returning: deadline)
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index).continuation
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// Waits until some task calls `sleep(until:)` (or returns at once for a call not yet reported).
    /// - Returns: That call's deadline.
    @discardableResult
    public func nextSleep() async -> Date {
        await withCheckedContinuation { (continuation: CheckedContinuation<Date, Never>) in
            let deadline = state.withLock { state -> Date? in
                if !state.unreported.isEmpty { return state.unreported.removeFirst() }
                state.waiters.append(continuation)
                return nil
            }
            if let deadline { continuation.resume(returning: deadline) }
        }
    }

    /// Moves the clock to `instant` and wakes, in deadline order, every sleeper whose deadline has passed.
    /// - Precondition: `instant` is not before `now`.
    public func advance(to instant: Date) {
        let woken = state.withLock { state -> [Sleeper] in
            precondition(instant >= state.now, "a test clock only moves forward")
            state.now = instant
            let split = state.sleepers.firstIndex { $0.deadline > instant } ?? state.sleepers.endIndex
            defer { state.sleepers.removeFirst(split) }
            return Array(state.sleepers[..<split])
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }

    /// Moves the clock forward by `interval` seconds; see `advance(to:)`.
    public func advance(by interval: TimeInterval) {
        advance(to: now.addingTimeInterval(interval))
    }

    public var description: String { "test clock at \(now)" }
}
