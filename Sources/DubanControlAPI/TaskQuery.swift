/// The filters of `GET /v1/tasks`.
public struct TaskQuery: Hashable, Sendable, QueryEncodable {
    /// Which tasks by the state of their occurrences.
    public enum State: String, Hashable, Sendable, CaseIterable {
        /// Every task (default).
        case all
        /// With at least one open occurrence.
        case open
        /// With at least one overdue occurrence.
        case overdue
        /// With occurrences, none of them open.
        case closed
    }

    public var plan: String?
    /// Tasks assigned to this unit (or, with ``rollup``, to a unit below it).
    public var org: String?
    public var rollup: Bool
    public var kind: String?
    public var tag: String?
    public var state: State
    public var limit: Int
    public var offset: Int

    public init(
        plan: String? = nil, org: String? = nil, rollup: Bool = true, kind: String? = nil, tag: String? = nil,
        state: State = .all, limit: Int = ControlAPI.defaultLimit, offset: Int = 0
    ) {
        self.plan = plan
        self.org = org
        self.rollup = rollup
        self.kind = kind
        self.tag = tag
        self.state = state
        self.limit = limit
        self.offset = offset
    }

    /// Reads the query of a request; a bad value is a 400.
    public init(query: [String: String]) throws(APIErrorBody) {
        let q = QueryReader(query)
        self.init(
            plan: try q.string(QueryName.plan), org: try q.string(QueryName.org),
            rollup: try q.bool(QueryName.rollup) ?? true, kind: try q.choice(QueryName.kind, MilestoneQuery.kinds),
            tag: try q.string(QueryName.tag),
            state: State(rawValue: try q.choice(QueryName.state, State.allCases.map(\.rawValue)) ?? "all") ?? .all,
            limit: try q.int(QueryName.limit, in: 1...ControlAPI.maximumLimit) ?? ControlAPI.defaultLimit,
            offset: try q.int(QueryName.offset, in: 0...Int(Int32.max)) ?? 0)
    }

    public var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if let plan { items.append((QueryName.plan, plan)) }
        if let org { items.append((QueryName.org, org)) }
        if !rollup { items.append((QueryName.rollup, "false")) }
        if let kind { items.append((QueryName.kind, kind)) }
        if let tag { items.append((QueryName.tag, tag)) }
        if state != .all { items.append((QueryName.state, state.rawValue)) }
        if limit != ControlAPI.defaultLimit { items.append((QueryName.limit, String(limit))) }
        if offset != 0 { items.append((QueryName.offset, String(offset))) }
        return items
    }
}
