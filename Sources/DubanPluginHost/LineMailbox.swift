import DubanPluginProtocol
import Synchronization

/// Lines read from a plugin's stdout, waiting for the call that expects them.
///
/// The reader thread pushes; one call at a time waits with a deadline. At most ``capacity`` lines are held:
/// more are dropped and counted (a plugin flooding stdout is faulted on its first unexpected line anyway), so
/// memory stays bounded whatever the plugin writes.
final class LineMailbox: Sendable {
    enum Delivery: Sendable {
        case item(LineFramer.Item)
        case endOfStream
        case timedOut
    }

    private struct Waiter {
        var id: Int
        var continuation: CheckedContinuation<Delivery, Never>
        var timer: Task<Void, Never>?
    }

    private struct State {
        var queue: [LineFramer.Item] = []
        var ended = false
        var dropped = 0
        var waiter: Waiter?
        var nextID = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// From the reader thread: a framed item.
    func push(_ item: LineFramer.Item) {
        let waiter: Waiter? = state.withLock { state in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            if state.queue.count < capacity { state.queue.append(item) } else { state.dropped += 1 }
            return nil
        }
        waiter?.timer?.cancel()
        waiter?.continuation.resume(returning: .item(item))
    }

    /// From the reader thread: stdout closed.
    func end() {
        let waiter: Waiter? = state.withLock { state in
            state.ended = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.timer?.cancel()
        waiter?.continuation.resume(returning: .endOfStream)
    }

    /// Lines that arrived while no call was waiting (a protocol fault when not empty).
    func takeQueued() -> [LineFramer.Item] {
        state.withLock { state in
            defer { state.queue.removeAll() }
            return state.queue
        }
    }

    var isEnded: Bool { state.withLock { $0.ended } }

    /// The next item, the end of the stream, or ``Delivery/timedOut`` after `timeout` seconds.
    func next(timeout: Double) async -> Delivery {
        await withCheckedContinuation { (continuation: CheckedContinuation<Delivery, Never>) in
            let immediate: Delivery? = state.withLock { state in
                if !state.queue.isEmpty { return .item(state.queue.removeFirst()) }
                if state.ended { return .endOfStream }
                state.nextID += 1
                state.waiter = Waiter(id: state.nextID, continuation: continuation, timer: nil)
                return nil
            }
            if let immediate {
                continuation.resume(returning: immediate)
                return
            }
            let id = state.withLock { $0.nextID }
            let timer = Task { [self] in
                try? await Task.sleep(for: .milliseconds(Int64(max(0, timeout) * 1000)))
                if Task.isCancelled { return }
                expire(id)
            }
            let stillWaiting = state.withLock { state in
                guard state.waiter?.id == id else { return false }
                state.waiter?.timer = timer
                return true
            }
            if !stillWaiting { timer.cancel() }
        }
    }

    private func expire(_ id: Int) {
        let waiter: Waiter? = state.withLock { state in
            guard state.waiter?.id == id else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.continuation.resume(returning: .timedOut)
    }
}
