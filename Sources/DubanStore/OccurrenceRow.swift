public import DubanCalendar
public import DubanCore

/// One occurrence of the current expansion, as ``StateStore/sync(_:)`` receives it: identity, assignment and due
/// date, without state.
public struct OccurrenceRow: Hashable, Sendable, Codable {
    /// The stable id `<plan>/<task>/<unit>/<period>`.
    public var id: String
    public var plan: String
    public var task: String
    /// The org unit's id.
    public var org: String
    /// The due date in force (after rolling).
    public var due: CivilDate

    public init(id: String, plan: String, task: String, org: String, due: CivilDate) {
        self.id = id
        self.plan = plan
        self.task = task
        self.org = org
        self.due = due
    }

    /// The row for `occurrence` of `schedule`.
    public init(_ occurrence: Occurrence, in schedule: Schedule) {
        self.init(
            id: schedule.id(of: occurrence), plan: schedule.plan(of: occurrence).id,
            task: schedule.task(of: occurrence).id, org: schedule.unit(of: occurrence).id, due: occurrence.due)
    }

    /// The plan/task/org key that metric readings are recorded under.
    public var taskKey: TaskKey { TaskKey(plan: plan, task: task, org: org) }
}
