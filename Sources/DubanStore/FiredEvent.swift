public import Foundation

/// A scheduler event that fired: a reminder, a due notice, an overdue repeat. Its `key` identifies it across
/// restarts, so the store can tell a first firing from a catch-up repeat.
public struct FiredEvent: Hashable, Sendable, Codable {
    /// Unique and stable for the event, e.g. `plan/task/unit/2024#remind@2024-11-20T08:30`; chosen by the
    /// scheduler.
    public var key: String
    /// The occurrence the event is about, when there is one.
    public var occurrenceID: String?
    /// The kind of event (`reminder`, `due`, `overdue` …), for queries and logs.
    public var kind: String
    /// The instant the event was scheduled for.
    public var scheduledAt: Date
    /// The instant it was handled (later than `scheduledAt` when caught up after downtime).
    public var firedAt: Date

    public init(key: String, occurrenceID: String?, kind: String, scheduledAt: Date, firedAt: Date) {
        self.key = key
        self.occurrenceID = occurrenceID
        self.kind = kind
        self.scheduledAt = scheduledAt
        self.firedAt = firedAt
    }
}
