public import Foundation

/// A notification in the outbox with its delivery bookkeeping.
public struct OutboxRecord: Hashable, Sendable, Codable {
    /// Assigned by the store, increasing; channels may use it (with the event key) to drop duplicates.
    public var id: Int64
    public var entry: OutboxEntry
    public var createdAt: Date
    /// Failed delivery attempts so far.
    public var attempts: Int
    /// The earliest instant of the next attempt (creation, then the backoff time of the last failure).
    public var nextAttemptAt: Date
    /// The last failure's message.
    public var lastError: String?
    /// When the channel confirmed delivery; nil while pending.
    public var deliveredAt: Date?

    public init(
        id: Int64, entry: OutboxEntry, createdAt: Date, attempts: Int, nextAttemptAt: Date, lastError: String?,
        deliveredAt: Date?
    ) {
        self.id = id
        self.entry = entry
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }
}
