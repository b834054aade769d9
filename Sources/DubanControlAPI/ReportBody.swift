/// `GET /v1/report?period=2026-11|2026-Q4|2026`: the circular (通报) of a period, per lead unit, ranked.
public struct ReportBody: Hashable, Sendable, Codable {
    public struct Unit: Hashable, Sendable, Codable {
        public var org: String
        public var orgName: String
        public var rank: Int
        /// The item ids behind each figure (explainable item by item).
        public var due: [String]
        public var waived: [String]
        public var closedOnTime: [String]
        public var closedLate: [String]
        public var overdue: [String]
        public var unacknowledged: [String]
        /// Item ids sent back, once per send-back.
        public var sentBack: [String]
        /// Items the escalation ladder took to 通报 in the period (whatever their due date).
        public var escalated: [String]
        /// 按时办结率 = on time ÷ (due − waived), as `87.5%`; nil when nothing was due.
        public var onTimeRate: String?
        public var previousRate: String?
        /// The change since the previous period in tenths of a percentage point.
        public var rateChangePermille: Int?

        enum CodingKeys: String, CodingKey {
            case org, rank, due, waived, overdue, unacknowledged, escalated
            case orgName = "org_name"
            case closedOnTime = "closed_on_time"
            case closedLate = "closed_late"
            case sentBack = "sent_back"
            case onTimeRate = "on_time_rate"
            case previousRate = "previous_rate"
            case rateChangePermille = "rate_change_permille"
        }

        public init(
            org: String, orgName: String, rank: Int, due: [String], waived: [String], closedOnTime: [String],
            closedLate: [String], overdue: [String], unacknowledged: [String], sentBack: [String],
            escalated: [String] = [], onTimeRate: String?, previousRate: String?, rateChangePermille: Int?
        ) {
            self.org = org
            self.orgName = orgName
            self.rank = rank
            self.due = due
            self.waived = waived
            self.closedOnTime = closedOnTime
            self.closedLate = closedLate
            self.overdue = overdue
            self.unacknowledged = unacknowledged
            self.sentBack = sentBack
            self.escalated = escalated
            self.onTimeRate = onTimeRate
            self.previousRate = previousRate
            self.rateChangePermille = rateChangePermille
        }
    }

    /// `2026-11`, `2026-Q4`, `2026`.
    public var period: String
    public var first: String
    public var last: String
    /// The day the figures are read on: today, or the period's last day when it is over.
    public var cutoff: String
    public var units: [Unit]
    /// The units named at the bottom.
    public var bottom: [String]
    /// The circular as an official reads it.
    public var textZh: String
    public var textEn: String

    enum CodingKeys: String, CodingKey {
        case period, first, last, cutoff, units, bottom
        case textZh = "text_zh"
        case textEn = "text_en"
    }

    public init(
        period: String, first: String, last: String, cutoff: String, units: [Unit], bottom: [String], textZh: String,
        textEn: String
    ) {
        self.period = period
        self.first = first
        self.last = last
        self.cutoff = cutoff
        self.units = units
        self.bottom = bottom
        self.textZh = textZh
        self.textEn = textEn
    }
}

/// `GET /v1/score?period=…`: the score (考核) per unit, each deduction explained item by item.
public struct ScoreBody: Hashable, Sendable, Codable {
    public struct Line: Hashable, Sendable, Codable {
        public var item: String?
        /// late_closure, sent_back, missed_feedback, unacknowledged, overdue, floor.
        public var reason: String
        /// Points deducted, as a decimal text (`2`, `0.5`, `1.5`).
        public var points: String
        public var textZh: String
        public var textEn: String

        enum CodingKeys: String, CodingKey {
            case item, reason, points
            case textZh = "text_zh"
            case textEn = "text_en"
        }

        public init(item: String?, reason: String, points: String, textZh: String, textEn: String) {
            self.item = item
            self.reason = reason
            self.points = points
            self.textZh = textZh
            self.textEn = textEn
        }
    }

    public struct Unit: Hashable, Sendable, Codable {
        public var org: String
        public var orgName: String
        /// The score, as a decimal text (`96.5`).
        public var score: String
        public var deducted: String
        public var lines: [Line]

        enum CodingKeys: String, CodingKey {
            case org, score, deducted, lines
            case orgName = "org_name"
        }

        public init(org: String, orgName: String, score: String, deducted: String, lines: [Line]) {
            self.org = org
            self.orgName = orgName
            self.score = score
            self.deducted = deducted
            self.lines = lines
        }
    }

    public var period: String
    public var cutoff: String
    public var base: String
    public var units: [Unit]

    public init(period: String, cutoff: String, base: String, units: [Unit]) {
        self.period = period
        self.cutoff = cutoff
        self.base = base
        self.units = units
    }
}

/// The query of `GET /v1/report` and `GET /v1/score`: the period (required), one plan.
public struct PeriodQuery: Hashable, Sendable, QueryEncodable {
    public var period: String
    public var plan: String?

    public init(period: String, plan: String? = nil) {
        self.period = period
        self.plan = plan
    }

    public init(query: [String: String]) throws(APIErrorBody) {
        let q = QueryReader(query)
        guard let period = try q.string("period") else {
            throw APIErrorBody(
                code: .badRequest, message: "缺少 period(如 2026-11、2026-Q4、2026)/ period is required (2026-11, 2026-Q4, 2026)")
        }
        self.init(period: period, plan: try q.string(QueryName.plan))
    }

    public var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = [("period", period)]
        if let plan { items.append((QueryName.plan, plan)) }
        return items
    }
}
