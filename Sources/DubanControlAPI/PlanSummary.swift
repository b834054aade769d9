/// One plan in force, as `GET /v1/plans` lists it.
public struct PlanSummary: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var issuer: String?
    /// 文号, e.g. 黔教发〔2022〕12号.
    public var document: String?
    /// `YYYY-MM-DD`.
    public var published: String?
    /// The plan period (`YYYY-MM-DD`).
    public var horizonStart: String?
    public var horizonEnd: String?
    public var tasks: Int
    /// Occurrences in the scheduler's range, and how many are open and overdue.
    public var occurrences: Int
    public var open: Int
    public var overdue: Int

    enum CodingKeys: String, CodingKey {
        case id, title, issuer, document, published, tasks, occurrences, open, overdue
        case horizonStart = "horizon_start"
        case horizonEnd = "horizon_end"
    }

    public init(
        id: String, title: String, issuer: String?, document: String?, published: String?, horizonStart: String?,
        horizonEnd: String?, tasks: Int, occurrences: Int, open: Int, overdue: Int
    ) {
        self.id = id
        self.title = title
        self.issuer = issuer
        self.document = document
        self.published = published
        self.horizonStart = horizonStart
        self.horizonEnd = horizonEnd
        self.tasks = tasks
        self.occurrences = occurrences
        self.open = open
        self.overdue = overdue
    }
}

/// `GET /v1/plans/{plan}`: a plan and its tasks.
public struct PlanDetail: Hashable, Sendable, Codable {
    public var plan: PlanSummary
    public var tasks: [TaskSummary]

    public init(plan: PlanSummary, tasks: [TaskSummary]) {
        self.plan = plan
        self.tasks = tasks
    }
}
