public import DubanCalendar

/// How a task's occurrences stand, for summaries: how many there are, open, overdue and the next open due date.
public struct TaskCounts: Hashable, Sendable {
    public var plan: String
    public var task: String
    public var total: Int
    public var open: Int
    public var overdue: Int
    public var nextOpenDue: CivilDate?

    public init(plan: String, task: String, total: Int, open: Int, overdue: Int, nextOpenDue: CivilDate?) {
        self.plan = plan
        self.task = task
        self.total = total
        self.open = open
        self.overdue = overdue
        self.nextOpenDue = nextOpenDue
    }
}
