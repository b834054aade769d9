/// The key of `GET /v1/readings`: one target task of one plan for one org unit (all three required).
public struct ReadingsQuery: Hashable, Sendable, QueryEncodable {
    public var plan: String
    public var task: String
    public var org: String

    public init(plan: String, task: String, org: String) {
        self.plan = plan
        self.task = task
        self.org = org
    }

    /// Reads the query of a request; a missing or bad value is a 400.
    public init(query: [String: String]) throws(APIErrorBody) {
        let q = QueryReader(query)
        guard let plan = try q.string(QueryName.plan), let task = try q.string(QueryName.task),
            let org = try q.string(QueryName.org)
        else {
            throw APIErrorBody(
                code: .badRequest, message: "需要 plan、task、org 参数 / plan, task and org are required")
        }
        self.init(plan: plan, task: task, org: org)
    }

    public var queryItems: [(name: String, value: String)] {
        [(QueryName.plan, plan), (QueryName.task, task), (QueryName.org, org)]
    }
}
