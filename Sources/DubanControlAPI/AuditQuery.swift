/// The paging of `GET /v1/audit`: newest first, at most ``limit``, older than id ``before``.
public struct AuditQuery: Hashable, Sendable, QueryEncodable {
    public var limit: Int
    public var before: Int64?

    public init(limit: Int = ControlAPI.defaultLimit, before: Int64? = nil) {
        self.limit = limit
        self.before = before
    }

    /// Reads the query of a request; a bad value is a 400.
    public init(query: [String: String]) throws(APIErrorBody) {
        let q = QueryReader(query)
        self.init(
            limit: try q.int(QueryName.limit, in: 1...ControlAPI.maximumLimit) ?? ControlAPI.defaultLimit,
            before: try q.int(QueryName.before, in: 1...Int(Int64.max)).map(Int64.init))
    }

    public var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if limit != ControlAPI.defaultLimit { items.append((QueryName.limit, String(limit))) }
        if let before { items.append((QueryName.before, String(before))) }
        return items
    }
}
