public import Foundation

/// The filters of `GET /v1/notices`: one occurrence, or one unit and those below it; at most ``limit``.
public struct NoticeQuery: Hashable, Sendable, QueryEncodable {
    public var occurrence: String?
    public var org: String?
    public var limit: Int

    public init(occurrence: String? = nil, org: String? = nil, limit: Int = 100) {
        self.occurrence = occurrence
        self.org = org
        self.limit = limit
    }

    public init(query: [String: String]) throws(APIErrorBody) {
        let q = QueryReader(query)
        self.init(
            occurrence: try q.string("occurrence"), org: try q.string(QueryName.org),
            limit: try q.int(QueryName.limit, in: 1...ControlAPI.maximumLimit) ?? 100)
    }

    public var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if let occurrence { items.append(("occurrence", occurrence)) }
        if let org { items.append((QueryName.org, org)) }
        if limit != 100 { items.append((QueryName.limit, String(limit))) }
        return items
    }
}

/// How `GET /v1/notices/{number}` answers: JSON (the default), or the document as plain text, Markdown or
/// printable HTML.
public enum NoticeFormat: String, Hashable, Sendable, CaseIterable {
    case json, text, markdown, html

    public init(query: [String: String]) throws(APIErrorBody) {
        guard let text = query["format"] else {
            self = .json
            return
        }
        guard let format = NoticeFormat(rawValue: text) else {
            throw APIErrorBody(
                code: .badRequest,
                message: "format 应为 json、text、markdown 或 html / format is json, text, markdown or html")
        }
        self = format
    }
}

/// One 督办单 as issued (`GET /v1/notices/{number}`).
public struct NoticeDocumentBody: Codable, Hashable, Sendable {
    /// 临教督〔2026〕12号.
    public var number: String
    /// 1 for the first on the item, 2 for the first repeat …
    public var round: Int
    /// The ladder event's key.
    public var key: String
    public var occurrence: String
    public var org: String
    public var orgName: String
    public var title: String
    public var plan: String
    public var leaderInCharge: String?
    public var copyTo: String?
    /// YYYY-MM-DD.
    public var issuedOn: String
    public var issuedAt: Date
    /// The due date in force when issued.
    public var deadline: String
    /// `due` or `acknowledgement`.
    public var limit: String
    public var workingDaysOverdue: Int
    public var requirementZh: String
    public var requirementEn: String
    public var replyBy: String
    /// The document as plain text, in Chinese.
    public var text: String

    public init(
        number: String, round: Int, key: String, occurrence: String, org: String, orgName: String, title: String,
        plan: String, leaderInCharge: String?, copyTo: String?, issuedOn: String, issuedAt: Date, deadline: String,
        limit: String, workingDaysOverdue: Int, requirementZh: String, requirementEn: String, replyBy: String,
        text: String
    ) {
        self.number = number
        self.round = round
        self.key = key
        self.occurrence = occurrence
        self.org = org
        self.orgName = orgName
        self.title = title
        self.plan = plan
        self.leaderInCharge = leaderInCharge
        self.copyTo = copyTo
        self.issuedOn = issuedOn
        self.issuedAt = issuedAt
        self.deadline = deadline
        self.limit = limit
        self.workingDaysOverdue = workingDaysOverdue
        self.requirementZh = requirementZh
        self.requirementEn = requirementEn
        self.replyBy = replyBy
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case number, round, key, occurrence, org, title, plan, deadline, limit, text
        case orgName = "org_name"
        case leaderInCharge = "leader_in_charge"
        case copyTo = "copy_to"
        case issuedOn = "issued_on"
        case issuedAt = "issued_at"
        case workingDaysOverdue = "working_days_overdue"
        case requirementZh = "requirement_zh"
        case requirementEn = "requirement_en"
        case replyBy = "reply_by"
    }
}

/// `GET /v1/notices`.
public struct NoticeList: Codable, Hashable, Sendable {
    public var notices: [NoticeDocumentBody]

    public init(notices: [NoticeDocumentBody]) {
        self.notices = notices
    }
}
