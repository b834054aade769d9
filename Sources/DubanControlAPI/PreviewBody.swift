public import Foundation

/// The query of `GET /v1/preview`: the day to preview.
public struct PreviewQuery: Hashable, Sendable, QueryEncodable {
    /// `YYYY-MM-DD`.
    public var date: String

    public init(date: String) {
        self.date = date
    }

    public init(query: [String: String]) throws(APIErrorBody) {
        guard let date = try QueryReader(query).date(QueryName.date) else {
            throw APIErrorBody(
                code: .badRequest,
                message: "缺少参数 date(YYYY-MM-DD) / the date parameter (YYYY-MM-DD) is required"
            )
        }
        self.date = date
    }

    public var queryItems: [(name: String, value: String)] { [(QueryName.date, date)] }
}

/// What a day's digests would carry (`GET /v1/preview`): computed from the plans, the calendar, the store's closed
/// occurrences and the notification policy, without sending or recording anything.
public struct PreviewBody: Hashable, Sendable, Codable {
    public var date: String
    /// False on a weekend or holiday: no digest goes out, only immediate notices.
    public var workingDay: Bool
    public var messages: [PreviewMessage]

    enum CodingKeys: String, CodingKey {
        case date, messages
        case workingDay = "working_day"
    }

    public init(date: String, workingDay: Bool, messages: [PreviewMessage]) {
        self.date = date
        self.workingDay = workingDay
        self.messages = messages
    }
}

/// One message of a preview.
public struct PreviewMessage: Hashable, Sendable, Codable {
    /// `plugin:NAME`.
    public var channel: String
    /// `org:UNIT` or `email:ADDRESS`.
    public var receiver: String
    public var receiverName: String
    /// The email addresses it would go to.
    public var recipients: [String]
    public var sendAt: Date
    /// True for a notice sent at once, alone (an immediate severity).
    public var immediate: Bool
    public var subject: String
    public var text: String
    public var items: [PreviewItem]

    enum CodingKeys: String, CodingKey {
        case channel, receiver, recipients, immediate, subject, text, items
        case receiverName = "receiver_name"
        case sendAt = "send_at"
    }

    public init(
        channel: String,
        receiver: String,
        receiverName: String,
        recipients: [String],
        sendAt: Date,
        immediate: Bool,
        subject: String,
        text: String,
        items: [PreviewItem]
    ) {
        self.channel = channel
        self.receiver = receiver
        self.receiverName = receiverName
        self.recipients = recipients
        self.sendAt = sendAt
        self.immediate = immediate
        self.subject = subject
        self.text = text
        self.items = items
    }
}

/// A notice inside a previewed message.
public struct PreviewItem: Hashable, Sendable, Codable {
    public var key: String
    public var kind: String
    public var severity: String
    public var title: String
    public var org: String?
    public var due: String?

    public init(key: String, kind: String, severity: String, title: String, org: String?, due: String?) {
        self.key = key
        self.kind = kind
        self.severity = severity
        self.title = title
        self.org = org
        self.due = due
    }
}
