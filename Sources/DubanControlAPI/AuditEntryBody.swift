public import Foundation

/// One line of the audit log: who (uid, user) did what (action) to which thing (target), when, with the request
/// as sent (JSON text) and its request id.
public struct AuditEntryBody: Hashable, Sendable, Codable {
    public var id: Int64
    public var at: Date
    public var uid: UInt32
    public var user: String
    /// done, reopen, waive, progress, reading, extend, start, reload, backup …
    public var action: String
    public var target: String
    public var request: String
    public var requestID: String?

    enum CodingKeys: String, CodingKey {
        case id, at, uid, user, action, target, request
        case requestID = "request_id"
    }

    public init(
        id: Int64, at: Date, uid: UInt32, user: String, action: String, target: String, request: String,
        requestID: String?
    ) {
        self.id = id
        self.at = at
        self.uid = uid
        self.user = user
        self.action = action
        self.target = target
        self.request = request
        self.requestID = requestID
    }
}

/// `GET /v1/audit`: newest first; pass `next_before` as `before` for the next (older) page.
public struct AuditPage: Hashable, Sendable, Codable {
    public var entries: [AuditEntryBody]
    /// Nil when there is nothing older.
    public var nextBefore: Int64?

    enum CodingKeys: String, CodingKey {
        case entries
        case nextBefore = "next_before"
    }

    public init(entries: [AuditEntryBody], nextBefore: Int64?) {
        self.entries = entries
        self.nextBefore = nextBefore
    }
}
