public import Foundation

/// One notice the daemon delivered (a reminder, a due-day notice, an overdue notice), as `GET /v1/events` streams
/// it: `id:` is ``key``, `event:` is ``kind``, `data:` is this JSON on one line.
public struct EventBody: Hashable, Sendable, Codable {
    /// The event key (stable: the same event never gets two keys).
    public var key: String
    /// reminder, due, overdue.
    public var kind: String
    public var occurrence: String
    public var plan: String
    public var task: String
    public var title: String
    public var org: String
    public var orgName: String
    /// `YYYY-MM-DD`.
    public var due: String
    public var dueAt: Date
    /// Working days before (reminder) or after (overdue) the due date.
    public var days: Int
    public var messageZh: String
    public var messageEn: String

    enum CodingKeys: String, CodingKey {
        case key, kind, occurrence, plan, task, title, org, due, days
        case orgName = "org_name"
        case dueAt = "due_at"
        case messageZh = "message_zh"
        case messageEn = "message_en"
    }

    public init(
        key: String, kind: String, occurrence: String, plan: String, task: String, title: String, org: String,
        orgName: String, due: String, dueAt: Date, days: Int, messageZh: String, messageEn: String
    ) {
        self.key = key
        self.kind = kind
        self.occurrence = occurrence
        self.plan = plan
        self.task = task
        self.title = title
        self.org = org
        self.orgName = orgName
        self.due = due
        self.dueAt = dueAt
        self.days = days
        self.messageZh = messageZh
        self.messageEn = messageEn
    }
}

/// The name of the SSE comment line sent as a heartbeat (`: ping`), every ``heartbeatSeconds``.
public enum EventStream {
    public static let contentType = "text/event-stream"
    public static let heartbeatSeconds = 15
}
