/// The filter and paging of `GET /v1/notifications`: newest first, at most ``limit``, older than id ``before``.
public struct NotificationQuery: Hashable, Sendable, QueryEncodable {
    /// all, pending (not yet delivered), failed (not yet delivered, at least one failed attempt), delivered; waiting
    /// lists notices that wait for their digest instead (docs/notifications.md).
    public static let states = ["all", "pending", "failed", "delivered", "waiting"]

    public var state: String
    /// `journal`, or `plugin:NAME` for a notifier plugin.
    public var channel: String?
    public var limit: Int
    public var before: Int64?

    public init(
        state: String = "all",
        channel: String? = nil,
        limit: Int = ControlAPI.defaultLimit,
        before: Int64? = nil
    ) {
        self.state = state
        self.channel = channel
        self.limit = limit
        self.before = before
    }

    /// Reads the query of a request; a bad value is a 400.
    public init(query: [String: String]) throws(APIErrorBody) {
        let q = QueryReader(query)
        let state = try q.choice(QueryName.state, Self.states) ?? "all"
        let channel = try q.string(QueryName.channel)
        self.init(
            state: state,
            channel: channel,
            limit: try q.int(QueryName.limit, in: 1...ControlAPI.maximumLimit) ?? ControlAPI.defaultLimit,
            before: try q.int(QueryName.before, in: 1...Int(Int64.max)).map(Int64.init)
        )
    }

    public var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if state != "all" { items.append((QueryName.state, state)) }
        if let channel { items.append((QueryName.channel, channel)) }
        if limit != ControlAPI.defaultLimit { items.append((QueryName.limit, String(limit))) }
        if let before { items.append((QueryName.before, String(before))) }
        return items
    }
}
