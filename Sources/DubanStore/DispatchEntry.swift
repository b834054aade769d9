public import Foundation

/// A notice for one receiver through one notifier channel, waiting for its digest (see docs/state-store.md).
public struct DispatchEntry: Hashable, Sendable, Codable {
    public var eventKey: String
    /// The notifier channel, `plugin:NAME`.
    public var channel: String
    /// `org:UNIT` or `email:ADDRESS`.
    public var receiver: String
    /// When it goes out: its digest's instant, or the event's own for an immediate notice.
    public var sendAt: Date
    /// The notice as JSON.
    public var item: String

    public init(eventKey: String, channel: String, receiver: String, sendAt: Date, item: String) {
        self.eventKey = eventKey
        self.channel = channel
        self.receiver = receiver
        self.sendAt = sendAt
        self.item = item
    }
}

/// A stored ``DispatchEntry``.
public struct DispatchRecord: Hashable, Sendable {
    public var id: Int64
    public var entry: DispatchEntry
    public var createdAt: Date
    /// The digest that carried it; nil while waiting.
    public var digestKey: String?

    public init(id: Int64, entry: DispatchEntry, createdAt: Date, digestKey: String?) {
        self.id = id
        self.entry = entry
        self.createdAt = createdAt
        self.digestKey = digestKey
    }
}

/// A digest to record: the message for one receiver through one channel, carrying waiting notices.
public struct DigestEntry: Hashable, Sendable {
    /// Its key (an event key of kind `digest`), unique: a digest whose key was recorded before is skipped.
    public var key: String
    public var channel: String
    public var scheduledAt: Date
    /// The outbox payload (the notifier's `notify` event).
    public var payload: String
    /// The waiting notices it carries.
    public var dispatchIDs: [Int64]

    public init(key: String, channel: String, scheduledAt: Date, payload: String, dispatchIDs: [Int64]) {
        self.key = key
        self.channel = channel
        self.scheduledAt = scheduledAt
        self.payload = payload
        self.dispatchIDs = dispatchIDs
    }
}
