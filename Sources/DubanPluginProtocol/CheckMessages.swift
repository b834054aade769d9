/// `check` params: one task and the occurrences of it to check (the current period's, one per org unit).
public struct CheckParams: Hashable, Sendable, Codable {
    public var task: CheckTask
    public var occurrences: [CheckOccurrence]
    /// The manifest's `settings` (the same object `initialize` received).
    public var settings: JSONValue

    public init(task: CheckTask, occurrences: [CheckOccurrence], settings: JSONValue) {
        self.task = task
        self.occurrences = occurrences
        self.settings = settings
    }
}

/// The task being checked.
public struct CheckTask: Hashable, Sendable, Codable {
    public var plan: String
    public var id: String
    public var title: String
    /// One of duban's six task kinds: `deadline`, `recurring`, `quota`, `target`, `milestone`, `event`… as the
    /// plan file names them.
    public var kind: String
    /// For target tasks: `{"metric": …, "value": …, "unit": …}` as the plan states it.
    public var target: JSONValue?

    public init(plan: String, id: String, title: String, kind: String, target: JSONValue? = nil) {
        self.plan = plan
        self.id = id
        self.title = title
        self.kind = kind
        self.target = target
    }
}

/// One occurrence to check.
public struct CheckOccurrence: Hashable, Sendable, Codable {
    public var id: String
    public var org: String
    public var orgName: String?
    public var period: String
    /// `YYYY-MM-DD`.
    public var due: String
    /// `open`, `done` or `waived`: what duban has recorded so far.
    public var state: String?

    public init(id: String, org: String, orgName: String? = nil, period: String, due: String, state: String? = nil) {
        self.id = id
        self.org = org
        self.orgName = orgName
        self.period = period
        self.due = due
        self.state = state
    }
}

/// `check` result: what the plugin found, per occurrence (occurrences it has nothing to say about are left out).
public struct CheckResult: Hashable, Sendable, Codable {
    public var results: [CheckOutcome]

    public init(results: [CheckOutcome]) {
        self.results = results
    }
}

/// The state a checker may report.
public enum CheckState: String, Hashable, Sendable, Codable {
    case done
    case open
}

/// What a checker found for one occurrence. Every member but `occurrence` and `evidence` is optional.
public struct CheckOutcome: Hashable, Sendable, Codable {
    /// The id of an occurrence in the request.
    public var occurrence: String
    /// `done` closes the occurrence, `open` reopens it.
    public var state: CheckState?
    /// Progress to add (quota tasks), greater than 0.
    public var progress: Double?
    /// A measured value of the task's indicator (target tasks).
    public var reading: Double?
    /// What was seen, for the audit log and people (`https://… answered 200 in 0.3 s`).
    public var evidence: String

    public init(occurrence: String, state: CheckState? = nil, progress: Double? = nil, reading: Double? = nil, evidence: String) {
        self.occurrence = occurrence
        self.state = state
        self.progress = progress
        self.reading = reading
        self.evidence = evidence
    }
}
