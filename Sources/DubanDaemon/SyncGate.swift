import Synchronization

/// A one-shot gate: callers of ``wait()`` suspend until the gate opens (or fails), then all go on.
///
/// The daemon opens it once the first store sync has finished. READY=1 does not wait for that sync: the schedule is
/// planned from the loaded plans and the state already stored, and only work that writes occurrences' rows (firing
/// events, reloads, backups, changes) waits here.
final class SyncGate: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Void, any Error>])
        case open
        case failed(any Error)
    }

    private let state = Mutex<State>(.waiting([]))

    /// Returns once the gate is open; throws the failure if it failed.
    func wait() async throws {
        // Open (every request after the first seconds): no suspension at all.
        let settled: Result<Void, any Error>? = state.withLock { state in
            switch state {
            case .open: .success(())
            case .failed(let error): .failure(error)
            case .waiting: nil
            }
        }
        if let settled { return try settled.get() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome: Result<Void, any Error>? = state.withLock { state in
                switch state {
                case .waiting(var waiters):
                    waiters.append(continuation)
                    state = .waiting(waiters)
                    return nil
                case .open: return .success(())
                case .failed(let error): return .failure(error)
                }
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    /// Opens the gate (`nil`) or fails it with `error`, waking every waiter. Only the first call counts.
    func finish(_ error: (any Error)? = nil) {
        let waiters: [CheckedContinuation<Void, any Error>] = state.withLock { state in
            guard case .waiting(let waiters) = state else { return [] }
            state = error.map { .failed($0) } ?? .open
            return waiters
        }
        for waiter in waiters {
            if let error { waiter.resume(throwing: error) } else { waiter.resume() }
        }
    }

    /// Whether the gate has opened.
    var isOpen: Bool {
        state.withLock { if case .open = $0 { true } else { false } }
    }
}
