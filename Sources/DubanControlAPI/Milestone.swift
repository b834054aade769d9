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
    /// The step of the supervision loop: assigned, in_progress, extension_requested, submitted, paused, closed,
    /// struck_off, waived (docs/supervision.md); ``state`` is its summary.
    public var stage: String
    /// 待签收 …
    public var stageName: String
    /// green, yellow, red (docs/supervision.md, "Lights").
    public var light: String
    /// 绿, 黄, 红.
    public var lightName: String
    /// ●, ▲, ■: the light without colour.
    public var lightSymbol: String
    /// Why: overdue, not_acknowledged, due_soon, behind_pace, feedback_missing, on_track, awaiting_review,
    /// paused, finished.
    public var lightReason: String
    /// 已逾期 …
    public var lightReasonName: String
    /// It was red at some point (曾超期).
    public var wasRed: Bool
    /// The last day to acknowledge (签收时限) while it waits for that, `YYYY-MM-DD`.
    public var acknowledgeBy: String?
    /// 牵头单位 is ``org``; 协办单位 here.
    public var coUnits: [String]
    /// 紧急程度: normal, urgent, extra_urgent.
    public var urgency: String
    /// 来源 (领导批示 …), when the plan gives one.
    public var origin: String?

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
        case stage, light, urgency, origin
        case stageName = "stage_name"
        case lightName = "light_name"
        case lightSymbol = "light_symbol"
        case lightReason = "light_reason"
        case lightReasonName = "light_reason_name"
        case wasRed = "was_red"
        case acknowledgeBy = "acknowledge_by"
        case coUnits = "co_units"
    }

    public init(
        id: String, plan: String, planTitle: String, task: String, title: String, kind: String, org: String,
        orgName: String, period: String, start: String?, due: String, nominalDue: String?, dueAt: Date?,
        weekday: Int, weekdayName: String, workingDaysLeft: Int, overdue: Bool, state: String, actor: String?,
        changedAt: Date?, note: String?, evidence: String?, extendedWorkingDays: Int = 0, provisional: Bool,
        tags: [String], stage: String = "assigned", stageName: String = "待签收", light: String = "green",
        lightName: String = "绿", lightSymbol: String = "●", lightReason: String = "on_track",
        lightReasonName: String = "正常推进", wasRed: Bool = false, acknowledgeBy: String? = nil,
        coUnits: [String] = [], urgency: String = "normal", origin: String? = nil
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
        self.stage = stage
        self.stageName = stageName
        self.light = light
        self.lightName = lightName
        self.lightSymbol = lightSymbol
        self.lightReason = lightReason
        self.lightReasonName = lightReasonName
        self.wasRed = wasRed
        self.acknowledgeBy = acknowledgeBy
        self.coUnits = coUnits
        self.urgency = urgency
        self.origin = origin
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
    /// The steps of the supervision loop taken on it, oldest first.
    public var steps: [StepBody]
    /// The steps that apply now (what a client may offer), by wire name.
    public var next: [String]

    public init(
        occurrence: Milestone, reminders: [String], history: [AuditEntryBody], progress: ProgressReport?,
        readings: ReadingsReport?, steps: [StepBody] = [], next: [String] = []
    ) {
        self.steps = steps
        self.next = next
        self.occurrence = occurrence
        self.reminders = reminders
        self.history = history
        self.progress = progress
        self.readings = readings
    }
}
