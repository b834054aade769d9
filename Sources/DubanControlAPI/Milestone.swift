public import Foundation

/// One occurrence (a milestone) with its state, as lists, exports and changes return it.
public struct Milestone: Hashable, Sendable, Codable {
    /// The stable id `<plan>/<task>/<unit>/<period>` (one `%2F`-encoded path segment in URLs).
    public var id: String
    public var plan: String
    public var planTitle: String
    public var task: String
    /// The task's title.
    public var title: String
    /// deadline, recurring, quota, target, procedural, ongoing.
    public var kind: String
    public var org: String
    public var orgName: String
    /// The period key (`2024`, `2024-S1`, `once` …).
    public var period: String
    /// First day of the window, `YYYY-MM-DD`.
    public var start: String?
    /// The due date in force, `YYYY-MM-DD` (after rolling and any extension).
    public var due: String
    /// The due date as the plan gives it, before rolling.
    public var nominalDue: String?
    /// The due instant (due date at the site's due time).
    public var dueAt: Date?
    /// ISO weekday of the due date, 1 = Monday … 7 = Sunday.
    public var weekday: Int
    /// 星期一 …
    public var weekdayName: String
    /// Working days from today to the due date (negative when past).
    public var workingDaysLeft: Int
    /// Open and past due.
    public var overdue: Bool
    /// open, done, waived.
    public var state: String
    /// Who last changed the state, when, and what they wrote.
    public var actor: String?
    public var changedAt: Date?
    public var note: String?
    public var evidence: String?
    /// Working days added by extensions (延期), 0 when none.
    public var extendedWorkingDays: Int
    /// True when the due date lies in a year without holiday data.
    public var provisional: Bool
    public var tags: [String]

    enum CodingKeys: String, CodingKey {
        case id, plan, task, title, kind, org, period, start, due, weekday, overdue, state, actor, note, evidence
        case provisional, tags
        case planTitle = "plan_title"
        case orgName = "org_name"
        case nominalDue = "nominal_due"
        case dueAt = "due_at"
        case weekdayName = "weekday_name"
        case workingDaysLeft = "working_days_left"
        case changedAt = "changed_at"
        case extendedWorkingDays = "extended_working_days"
    }

    public init(
        id: String, plan: String, planTitle: String, task: String, title: String, kind: String, org: String,
        orgName: String, period: String, start: String?, due: String, nominalDue: String?, dueAt: Date?,
        weekday: Int, weekdayName: String, workingDaysLeft: Int, overdue: Bool, state: String, actor: String?,
        changedAt: Date?, note: String?, evidence: String?, extendedWorkingDays: Int = 0, provisional: Bool,
        tags: [String]
    ) {
        self.id = id
        self.plan = plan
        self.planTitle = planTitle
        self.task = task
        self.title = title
        self.kind = kind
        self.org = org
        self.orgName = orgName
        self.period = period
        self.start = start
        self.due = due
        self.nominalDue = nominalDue
        self.dueAt = dueAt
        self.weekday = weekday
        self.weekdayName = weekdayName
        self.workingDaysLeft = workingDaysLeft
        self.overdue = overdue
        self.state = state
        self.actor = actor
        self.changedAt = changedAt
        self.note = note
        self.evidence = evidence
        self.extendedWorkingDays = extendedWorkingDays
        self.provisional = provisional
        self.tags = tags
    }
}

/// `GET /v1/occurrences/{id}`: the occurrence, its reminder dates, what was done to it (audit lines), and its
/// progress (quota) or readings (target).
public struct OccurrenceDetail: Hashable, Sendable, Codable {
    public var occurrence: Milestone
    /// Reminder days, `YYYY-MM-DD`.
    public var reminders: [String]
    /// Audit lines about this occurrence, newest first.
    public var history: [AuditEntryBody]
    public var progress: ProgressReport?
    public var readings: ReadingsReport?

    public init(
        occurrence: Milestone, reminders: [String], history: [AuditEntryBody], progress: ProgressReport?,
        readings: ReadingsReport?
    ) {
        self.occurrence = occurrence
        self.reminders = reminders
        self.history = history
        self.progress = progress
        self.readings = readings
    }
}
