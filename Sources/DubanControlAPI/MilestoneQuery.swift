/// The filters of `GET /v1/milestones`, `/v1/export.ics` and `/v1/export.csv`.
///
/// The due range is the intersection of every bound given: ``from``/``through``, ``withinDays``,
/// ``withinWorkingDays``; ``overdue`` adds "before today (or today past the due time)". With no bound at all every
/// date matches. ``state`` defaults to `open`.
public struct MilestoneQuery: Hashable, Sendable, QueryEncodable {
    /// The state filter.
    public enum State: String, Hashable, Sendable, CaseIterable {
        case open, done, waived, closed, all
    }

    public var from: String?
    public var through: String?
    public var withinDays: Int?
    public var withinWorkingDays: Int?
    public var overdue: Bool
    public var org: String?
    public var rollup: Bool
    public var plan: String?
    public var task: String?
    public var kind: String?
    public var tag: String?
    public var state: State
    public var limit: Int
    public var offset: Int

    public init(
        from: String? = nil, through: String? = nil, withinDays: Int? = nil, withinWorkingDays: Int? = nil,
        overdue: Bool = false, org: String? = nil, rollup: Bool = true, plan: String? = nil, task: String? = nil,
        kind: String? = nil, tag: String? = nil, state: State = .open, limit: Int = ControlAPI.defaultLimit,
        offset: Int = 0
    ) {
        self.from = from
        self.through = through
        self.withinDays = withinDays
        self.withinWorkingDays = withinWorkingDays
        self.overdue = overdue
        self.org = org
        self.rollup = rollup
        self.plan = plan
        self.task = task
        self.kind = kind
        self.tag = tag
        self.state = state
        self.limit = limit
        self.offset = offset
    }

    /// Task kinds as sent (`TaskKind` raw values).
    public static let kinds = ["deadline", "recurring", "quota", "target", "procedural", "ongoing"]

    /// Reads the query of a request; a bad value is a 400.
    public init(query: [String: String]) throws(APIErrorBody) {
        let q = QueryReader(query)
        self.init(
            from: try q.date(QueryName.from), through: try q.date(QueryName.through),
            withinDays: try q.int(QueryName.withinDays, in: 0...36_500),
            withinWorkingDays: try q.int(QueryName.withinWorkingDays, in: 0...10_000),
            overdue: try q.bool(QueryName.overdue) ?? false, org: try q.string(QueryName.org),
            rollup: try q.bool(QueryName.rollup) ?? true, plan: try q.string(QueryName.plan),
            task: try q.string(QueryName.task), kind: try q.choice(QueryName.kind, MilestoneQuery.kinds),
            tag: try q.string(QueryName.tag),
            state: State(rawValue: try q.choice(QueryName.state, State.allCases.map(\.rawValue)) ?? "open") ?? .open,
            limit: try q.int(QueryName.limit, in: 1...ControlAPI.maximumLimit) ?? ControlAPI.defaultLimit,
            offset: try q.int(QueryName.offset, in: 0...Int(Int32.max)) ?? 0)
    }

    public var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if let from { items.append((QueryName.from, from)) }
        if let through { items.append((QueryName.through, through)) }
        if let withinDays { items.append((QueryName.withinDays, String(withinDays))) }
        if let withinWorkingDays { items.append((QueryName.withinWorkingDays, String(withinWorkingDays))) }
        if overdue { items.append((QueryName.overdue, "true")) }
        if let org { items.append((QueryName.org, org)) }
        if !rollup { items.append((QueryName.rollup, "false")) }
        if let plan { items.append((QueryName.plan, plan)) }
        if let task { items.append((QueryName.task, task)) }
        if let kind { items.append((QueryName.kind, kind)) }
        if let tag { items.append((QueryName.tag, tag)) }
        if state != .open { items.append((QueryName.state, state.rawValue)) }
        if limit != ControlAPI.defaultLimit { items.append((QueryName.limit, String(limit))) }
        if offset != 0 { items.append((QueryName.offset, String(offset))) }
        return items
    }
}
