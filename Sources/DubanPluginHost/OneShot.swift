import Synchronization

/// A value set once by whichever of several tasks gets there first, awaited by one reader.
final class OneShot<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var set = false
        var waiter: CheckedContinuation<Value, Never>?
    }

    private let state = Mutex(State())

    /// Sets the value unless it is already set.
    func fulfil(_ value: Value) {
        let waiter = state.withLock { state -> CheckedContinuation<Value, Never>? in
            guard !state.set else { return nil }
            state.set = true
            state.value = value
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: value)
    }

    /// The value, once set.
    func value() async -> Value {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Value? in
                if state.set { return state.value }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
