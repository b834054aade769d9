import DubanCalendar
import DubanControlAPI
import DubanCore
import DubanNotify
import DubanScheduler
import DubanStore
import DubanSupervision
import Foundation

extension ControlView {
    /// The loop's rules for a task's occurrences (``SupervisionRules/init(task:)``), the defaults when unknown.
    func rules(plan: String, task: String) -> SupervisionRules {
        schedule.supervisionRules(plan: plan, task: task, settings: supervision)
    }

    /// 交办: the day the occurrence reached its unit (its window's start, the event's day), or its due date when
    /// neither is known.
    func assignedOn(_ record: OccurrenceRecord) -> CivilDate {
        record.assignedOn(start: start(of: record))
    }

    /// The window start of a record from the plans (``occurrence(of:)``); nil for one started from an event.
    func start(of record: OccurrenceRecord) -> CivilDate? {
        guard record.eventDay == nil else { return nil }
        return occurrence(of: record)?.start
    }

    /// The loop's record of `record` (``OccurrenceRecord/supervisionRecord(assignedOn:settings:)``).
    func loopRecord(_ record: OccurrenceRecord) -> SupervisionRecord {
        record.supervisionRecord(assignedOn: assignedOn(record), settings: schedule.settings)
    }

    /// `record` as the ledger, the circular and the score read it.
    func ledgerItem(_ record: OccurrenceRecord, steps: [SupervisionStep]) -> LedgerItem {
        schedule.ledgerItem(record, steps: steps, start: start(of: record), settings: supervision)
    }

    /// The light of `record` today; `achieved` (a quota's progress) makes it yellow behind its pro-rata pace.
    func light(_ record: OccurrenceRecord, achieved: Double? = nil)
        -> (StatusLight.Reading, SupervisionRecord, SupervisionRules)
    {
        let rules = rules(plan: record.plan, task: record.task)
        let loop = loopRecord(record)
        return (
            StatusLight.reading(
                loop, on: today, rules: rules, calendar: schedule.calendar,
                behindPace: isBehindPace(record, achieved: achieved)),
            loop, rules
        )
    }

    /// Whether a quota occurrence is behind its pro-rata pace (序时进度) today, by more than the tolerance.
    func isBehindPace(_ record: OccurrenceRecord, achieved: Double?) -> Bool {
        guard let achieved, let task = scheduled(plan: record.plan, task: record.task)?.task, task.kind == .quota,
            let quota = task.quota?.count
        else { return false }
        let start = occurrence(of: record)?.start ?? record.eventDay ?? CivilDate.startOfYear(record.due.year)
        return ConditionChecks.behindPace(
            quota: quota, achieved: achieved, start: start, end: record.due, today: today, calendar: schedule.calendar,
            tolerance: paceTolerance) != nil
    }

    /// The milestone body's supervision fields.
    func withSupervision(_ milestone: Milestone, _ record: OccurrenceRecord, achieved: Double? = nil) -> Milestone {
        var body = milestone
        let (reading, loop, rules) = light(record, achieved: achieved)
        body.stage = record.stage.rawValue
        body.stageName = record.stage.zh
        body.light = reading.light.rawValue
        body.lightName = reading.light.zh
        body.lightSymbol = reading.light.symbol
        let reason = reading.reasons.first ?? .onTrack
        body.lightReason = reason.rawValue
        body.lightReasonName = reason.zh
        body.wasRed = reading.wasRed || loop.wasRed
        if record.stage == .assigned {
            body.acknowledgeBy = rules.acknowledgeBy(loop.assignedOn, calendar: schedule.calendar).description
        }
        if let task = scheduled(plan: record.plan, task: record.task)?.task {
            body.coUnits = task.coUnits
            body.urgency = (task.urgency ?? .normal).rawValue
            body.origin = task.origin
        }
        return body
    }

    /// A step as the API shows it.
    static func stepBody(_ step: SupervisionStep) -> StepBody {
        StepBody(
            action: step.action,
            actionName: stepName(step.action),
            from: step.from.rawValue,
            to: step.to.rawValue,
            date: step.day.description,
            at: step.at,
            user: step.user,
            note: step.note,
            evidence: step.evidence,
            workingDays: step.workingDays,
            due: step.due.description,
            requestID: step.requestID
        )
    }

    /// 签收 … for a step's wire name; the direct changes and migrated states too.
    static func stepName(_ action: String) -> String {
        if let known = SupervisionAction.all.first(where: { $0.name == action }) { return known.zh }
        switch action {
        case "done": return "办结"
        case "waive": return "免办"
        case "reopen": return "重新打开"
        case "migrated": return "沿用原记录"
        default: return action
        }
    }
}

extension ControlView {
    /// The ledger's line of `record`, from its steps (oldest first).
    func ledgerEntry(_ record: OccurrenceRecord, steps: [SupervisionStep]) -> LedgerEntry {
        let loop = loopRecord(record)
        func days(_ action: String) -> [String] { steps.filter { $0.action == action }.map(\.day.description) }
        let closing = steps.last { $0.action == "pass" || $0.action == "done" || ($0.action == "migrated" && $0.to == .closed) }
        let waiving = steps.last { $0.action == "waive" || ($0.action == "migrated" && $0.to == .waived) }
        let finished = record.stage == .closed || record.stage == .struckOff
        return LedgerEntry(
            occurrence: milestone(record, detailed: true),
            assigned: loop.assignedOn.description,
            originalDue: (record.planDue ?? loop.originalDue).description,
            acknowledged: (steps.first { $0.action == "acknowledge" }?.day ?? loop.acknowledgedOn)?.description,
            feedback: days("feedback"),
            extensionRequests: steps.filter { $0.action == "extension-request" }.map {
                "\($0.day) +\($0.workingDays ?? 0)"
            },
            extensionDecisions: steps.filter { $0.action == "approve" || $0.action == "reject" }.map {
                "\($0.day) \($0.action == "approve" ? "批准" : "驳回")"
            },
            submitted: days("submit"),
            returned: days("return"),
            closed: finished ? (closing?.day ?? loop.closedOn)?.description : nil,
            struckOff: record.stage == .struckOff ? days("strike").last : nil,
            waived: record.stage == .waived ? (waiving?.day.description ?? "") : nil,
            onTime: finished ? (loop.closedOnTime ?? true) : nil,
            steps: steps.map(ControlView.stepBody)
        )
    }
}
