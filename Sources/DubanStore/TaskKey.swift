/// One task as assigned to one org unit: the key metric readings are recorded under (a target's indicator is
/// measured per unit, not per period).
public struct TaskKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public var plan: String
    public var task: String
    public var org: String

    public init(plan: String, task: String, org: String) {
        self.plan = plan
        self.task = task
        self.org = org
    }

    /// `plan/task/org`.
    public var description: String { "\(plan)/\(task)/\(org)" }
}
