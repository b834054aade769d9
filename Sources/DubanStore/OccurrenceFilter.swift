public import DubanCalendar

/// Which occurrences ``StateStore/occurrences(matching:)`` returns: every condition given must hold. Results are
/// ordered by due date, then id.
public struct OccurrenceFilter: Hashable, Sendable {
    /// A plan and one of its tasks.
    public struct TaskRef: Hashable, Sendable {
        public var plan: String
        public var task: String

        public init(plan: String, task: String) {
            self.plan = plan
            self.task = task
        }
    }

    /// Due on or after this day.
    public var dueFrom: CivilDate?
    /// Due on or before this day.
    public var dueThrough: CivilDate?
    /// Allowed states; empty means every state.
    public var states: Set<OccurrenceState>
    public var plan: String?
    /// Allowed tasks; nil means any, empty means none.
    public var tasks: [TaskRef]?
    /// Allowed org unit ids; nil means any, empty means none.
    public var orgs: [String]?
    /// Archived occurrences are left out unless this is true.
    public var includeArchived: Bool
    public var limit: Int
    public var offset: Int

    public init(
        dueFrom: CivilDate? = nil, dueThrough: CivilDate? = nil, states: Set<OccurrenceState> = [.open],
        plan: String? = nil, tasks: [TaskRef]? = nil, orgs: [String]? = nil, includeArchived: Bool = false,
        limit: Int = 100, offset: Int = 0
    ) {
        self.dueFrom = dueFrom
        self.dueThrough = dueThrough
        self.states = states
        self.plan = plan
        self.tasks = tasks
        self.orgs = orgs
        self.includeArchived = includeArchived
        self.limit = limit
        self.offset = offset
    }
}

/// A page of occurrences and how many match in all.
public struct OccurrencePage: Hashable, Sendable {
    public var records: [OccurrenceRecord]
    public var total: Int

    public init(records: [OccurrenceRecord], total: Int) {
        self.records = records
        self.total = total
    }
}
