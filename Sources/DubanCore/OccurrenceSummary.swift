public import DubanCalendar
public import Foundation

/// Everything a person or a script needs about one occurrence, flattened for display and JSON.
public struct OccurrenceSummary: Hashable, Sendable, Codable {
    public var id: String
    public var plan: String
    public var task: String
    public var title: String
    public var kind: TaskKind
    public var org: String
    public var orgName: String
    public var rollupOrg: String?
    public var period: String
    public var start: CivilDate
    public var nominalDue: CivilDate
    public var due: CivilDate
    public var dueAt: Date
    /// Working days from the reference date to the due date (negative when overdue).
    public var workingDaysLeft: Int?
    public var rollNote: LocalizedText?
    public var provisional: Bool
    public var reminders: [CivilDate]
    public var quota: Double?
    public var quotaUnit: String?
    public var target: TargetSpec?
    public var tags: [String]

    enum CodingKeys: String, CodingKey {
        case id, plan, task, title, kind, org, period, start, due, provisional, reminders, quota, target, tags
        case orgName = "org_name"
        case rollupOrg = "rollup_org"
        case nominalDue = "nominal_due"
        case dueAt = "due_at"
        case workingDaysLeft = "working_days_left"
        case rollNote = "roll_note"
        case quotaUnit = "quota_unit"
    }
}

extension Schedule {
    /// Working days from `reference` to `date`: positive when `date` is later (the due date itself counts, the
    /// reference day does not), 0 on the same day, negative when `date` has passed.
    public func workingDays(from reference: CivilDate, to date: CivilDate) -> Int {
        calendar.signedWorkingDays(from: reference, to: date)
    }

    /// The summary of `occurrence`, with working days left counted from `reference` when given.
    public func summary(of occurrence: Occurrence, reference: CivilDate? = nil) -> OccurrenceSummary {
        let task = task(of: occurrence)
        let unit = unit(of: occurrence)
        return OccurrenceSummary(
            id: id(of: occurrence), plan: plan(of: occurrence).id, task: task.id, title: task.title, kind: task.kind,
            org: unit.id, orgName: unit.name, rollupOrg: rollupUnit(of: occurrence)?.id, period: periodKey(of: occurrence),
            start: occurrence.start, nominalDue: occurrence.nominalDue, due: occurrence.due,
            dueAt: dueInstant(of: occurrence), workingDaysLeft: reference.map { workingDays(from: $0, to: occurrence.due) },
            rollNote: occurrence.isRolled ? calendar.rollExplained(occurrence.nominalDue, task.roll).note : nil,
            provisional: isProvisional(occurrence), reminders: reminderDates(of: occurrence),
            quota: task.quota?.count, quotaUnit: task.quota?.unit, target: task.target, tags: task.tags)
    }
}
