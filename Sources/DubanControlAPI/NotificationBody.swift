public import Foundation

/// One notification: an event handed to a channel (the journal, a notifier plugin), with its delivery state.
public struct NotificationBody: Hashable, Sendable, Codable {
    public var id: Int64
    public var eventKey: String
    /// reminder, due, overdue, digest (a notifier's message), or another notice kind (docs/notifications.md).
    public var kind: String
    public var occurrence: String?
    /// `journal`, or `plugin:NAME`.
    public var channel: String
    /// For a notice waiting for its digest: `org:UNIT` or `email:ADDRESS`.
    public var receiver: String?
    /// delivered, pending (not tried yet or waiting for its next attempt after a failure), failed (pending with
    /// at least one failed attempt), or waiting (a notice not yet in a digest).
    public var state: String
    /// When the event fell due.
    public var scheduledAt: Date
    public var createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    public var deliveredAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, kind, occurrence, channel, receiver, state, attempts
        case eventKey = "event_key"
        case scheduledAt = "scheduled_at"
        case createdAt = "created_at"
        case nextAttemptAt = "next_attempt_at"
        case lastError = "last_error"
        case deliveredAt = "delivered_at"
    }

    public init(
        id: Int64,
        eventKey: String,
        kind: String,
        occurrence: String?,
        channel: String,
        state: String,
        scheduledAt: Date,
        createdAt: Date,
        attempts: Int,
        nextAttemptAt: Date?,
        lastError: String?,
        deliveredAt: Date?,
        receiver: String? = nil
    ) {
        self.id = id
        self.eventKey = eventKey
        self.kind = kind
        self.occurrence = occurrence
        self.channel = channel
        self.receiver = receiver
        self.state = state
        self.scheduledAt = scheduledAt
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }
}

/// `GET /v1/notifications`: newest first; pass `next_before` as `before` for the next (older) page.
public struct NotificationPage: Hashable, Sendable, Codable {
    public var notifications: [NotificationBody]
    /// Nil when there is nothing older.
    public var nextBefore: Int64?

    enum CodingKeys: String, CodingKey {
        case notifications
        case nextBefore = "next_before"
    }

    public init(notifications: [NotificationBody], nextBefore: Int64?) {
        self.notifications = notifications
        self.nextBefore = nextBefore
    }
}
