/// One task, as `GET /v1/tasks` lists it: what it is, who does it, and where its occurrences stand.
public struct TaskSummary: Hashable, Sendable, Codable {
    public var plan: String
    public var planTitle: String
    public var id: String
    public var title: String
    /// deadline, recurring, quota, target, procedural, ongoing.
    public var kind: String
    /// The kind's Chinese name (限时任务 …).
    public var kindName: String
    /// Assignees as written (unit or group ids).
    public var assignees: [String]
    /// The units they resolve to.
    public var units: [String]
    public var tags: [String]
    /// The due date as written (an ISO date or a Chinese expression).
    public var due: String?
    /// For a quota: the count per period and its unit.
    public var quota: Double?
    public var quotaUnit: String?
    /// For a target: the indicator, the value to reach and its comparator (`>=` …).
    public var metric: String?
    public var targetValue: Double?
    public var comparator: String?
    /// For a procedural task: the limit in working days and the extension allowed (working days).
    public var limitWorkingDays: Int?
    public var extensionWorkingDays: Int?
    /// Occurrences (in the filter's units), open, overdue, closed; `next_due` is the earliest open due date.
    public var occurrences: Int
    public var open: Int
    public var overdue: Int
    public var closed: Int
    public var nextDue: String?

    enum CodingKeys: String, CodingKey {
        case plan, id, title, kind, assignees, units, tags, due, quota, metric, comparator, occurrences, open, overdue
        case closed
        case planTitle = "plan_title"
        case kindName = "kind_name"
        case quotaUnit = "quota_unit"
        case targetValue = "target_value"
        case limitWorkingDays = "limit_working_days"
        case extensionWorkingDays = "extension_working_days"
        case nextDue = "next_due"
    }

    public init(
        plan: String, planTitle: String, id: String, title: String, kind: String, kindName: String,
        assignees: [String], units: [String], tags: [String], due: String?, quota: Double?, quotaUnit: String?,
        metric: String?, targetValue: Double?, comparator: String?, limitWorkingDays: Int?,
        extensionWorkingDays: Int?, occurrences: Int, open: Int, overdue: Int, closed: Int, nextDue: String?
    ) {
        self.plan = plan
        self.planTitle = planTitle
        self.id = id
        self.title = title
        self.kind = kind
        self.kindName = kindName
        self.assignees = assignees
        self.units = units
        self.tags = tags
        self.due = due
        self.quota = quota
        self.quotaUnit = quotaUnit
        self.metric = metric
        self.targetValue = targetValue
        self.comparator = comparator
        self.limitWorkingDays = limitWorkingDays
        self.extensionWorkingDays = extensionWorkingDays
        self.occurrences = occurrences
        self.open = open
        self.overdue = overdue
        self.closed = closed
        self.nextDue = nextDue
    }
}
