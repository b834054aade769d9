/// The filters of `GET /v1/board`: one unit and those below it, one plan; at most ``limit`` red occurrences listed.
public struct BoardQuery: Hashable, Sendable, QueryEncodable {
    public var org: String?
    public var plan: String?
    public var limit: Int

    public init(org: String? = nil, plan: String? = nil, limit: Int = 50) {
        self.org = org
        self.plan = plan
        self.limit = limit
    }

    /// Reads the query of a request; a bad value is a 400.
    public init(query: [String: String]) throws(APIErrorBody) {
        let q = QueryReader(query)
        self.init(
            org: try q.string(QueryName.org),
            plan: try q.string(QueryName.plan),
            limit: try q.int(QueryName.limit, in: 1...ControlAPI.maximumLimit) ?? 50)
    }

    public var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if let org { items.append((QueryName.org, org)) }
        if let plan { items.append((QueryName.plan, plan)) }
        if limit != 50 { items.append((QueryName.limit, String(limit))) }
        return items
    }
}
