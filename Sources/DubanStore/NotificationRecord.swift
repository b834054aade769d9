public import Foundation

/// A notification in the outbox with the event that caused it, for listings of what was sent, is pending or
/// failed.
public struct NotificationRecord: Hashable, Sendable {
    /// Which notifications a listing shows.
    public enum Filter: String, CaseIterable, Hashable, Sendable {
        /// Every notification.
        case all
        /// Not yet delivered (including those that failed and wait for their next attempt).
        case pending
        /// Not yet delivered and failed at least once.
        case failed
        /// Delivered.
        case delivered
    }

    public var outbox: OutboxRecord
    /// reminder, due or overdue.
    public var kind: String
    public var occurrenceID: String?
    /// The instant the event fell due.
    public var scheduledAt: Date

    public init(outbox: OutboxRecord, kind: String, occurrenceID: String?, scheduledAt: Date) {
        self.outbox = outbox
        self.kind = kind
        self.occurrenceID = occurrenceID
        self.scheduledAt = scheduledAt
    }
}
