public import DubanControlAPI
import Foundation
import Synchronization

/// Hands every delivered notice to the clients of `GET /v1/events`: each subscriber gets its own buffered stream
/// (the newest 1,000 items kept when it falls behind) with heartbeats; a subscriber that goes away is dropped.
public final class EventBroadcaster: Sendable {
    /// What a subscriber receives.
    public enum Item: Sendable {
        case event(EventBody)
        case heartbeat
    }

    private let subscribers = Mutex<[UInt64: AsyncStream<Item>.Continuation]>([:])
    private let nextID = Atomic<UInt64>(0)

    /// The number of connected subscribers.
    public var count: Int { subscribers.withLock { $0.count } }

    /// A new subscriber's stream, with a heartbeat every `heartbeat`; it ends when the consumer stops.
    public func subscribe(heartbeat: Duration = .seconds(EventStream.heartbeatSeconds)) -> AsyncStream<Item> {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream<Item>.makeStream(bufferingPolicy: .bufferingNewest(1_000))
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                if case .terminated = continuation.yield(.heartbeat) { return }
            }
        }
        continuation.onTermination = { [weak self] _ in
            ticker.cancel()
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    public init() {}

    /// Ends every subscriber's stream (duband is stopping): each `GET /v1/events` answer ends and its connection
    /// closes, so the control socket's service can end without waiting to be cancelled.
    public func finishAll() {
        let all = subscribers.withLock { subscribers in
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for continuation in all { continuation.finish() }
    }

    /// Sends `event` to every subscriber.
    public func publish(_ event: EventBody) {
        let all = subscribers.withLock { Array($0.values) }
        for continuation in all { continuation.yield(.event(event)) }
    }
}
