public import Foundation

/// One line of the append-only audit log: who did what to which thing, with the request as sent.
public struct AuditEntry: Hashable, Sendable, Codable {
    public var at: Date
    /// The peer's uid.
    public var uid: UInt32
    /// The peer's user name.
    public var user: String
    /// What was done: `done`, `waive`, `reopen`, `progress`, `reading`, `reload` …
    public var action: String
    /// What it was done to: an occurrence id, a `plan/task/org` key, a plan directory …
    public var target: String
    /// The request as JSON (keys sorted), so the log shows exactly what was asked.
    public var request: String
    /// The client's request id, when the change had one.
    public var requestID: String?

    public init(
        at: Date, uid: UInt32, user: String, action: String, target: String, request: String, requestID: String?
    ) {
        self.at = at
        self.uid = uid
        self.user = user
        self.action = action
        self.target = target
        self.request = request
        self.requestID = requestID
    }
}
