public import DubanCalendar
public import DubanCore

/// One occurrence as the ledger (台账), the circular (通报), the score (考核) and the escalation ladder read it:
/// who leads it, how urgent it is, where it comes from, its record and the steps that made the record.
///
/// The history is read from ``steps`` (oldest first; several on one day count in their order). An item with no
/// steps is read from its record alone: its state and due date as they stand now, and the days the record keeps.
public struct LedgerItem: Sendable, Hashable, Codable {
    /// The occurrence id.
    public var id: String
    public var plan: String
    public var task: String
    public var title: String
    /// 牵头单位: the lead unit's id.
    public var unit: String
    public var unitName: String
    /// 协办单位: unit ids.
    public var coUnits: [String]
    public var urgency: TaskUrgency
    /// 来源: 领导批示, 会议议定, 上级交办, 年度重点工作 …
    public var origin: String?
    public var record: SupervisionRecord
    /// Oldest first.
    public var steps: [SupervisionStep]
    public var rules: SupervisionRules

    public init(
        id: String, plan: String, task: String, title: String, unit: String, unitName: String,
        coUnits: [String] = [], urgency: TaskUrgency = .normal, origin: String? = nil,
        record: SupervisionRecord, steps: [SupervisionStep] = [], rules: SupervisionRules = SupervisionRules()
    ) {
        self.id = id
        self.plan = plan
        self.task = task
        self.title = title
        self.unit = unit
        self.unitName = unitName
        self.coUnits = coUnits
        self.urgency = urgency
        self.origin = origin
        self.record = record
        self.steps = steps
        self.rules = rules
    }

    /// The steps that show the unit at work: 签收, 进展反馈, 延期申请, 办结报告.
    static let progressActions: Set<String> = [
        SupervisionAction.acknowledge.name, SupervisionAction.feedback.name,
        SupervisionAction.requestExtension(workingDays: 1).name, SupervisionAction.submit.name,
    ]

    /// The steps that hand the item back to the unit: 退回, 恢复, 重新打开.
    static let handBackActions: Set<String> = [
        SupervisionAction.sendBack.name, SupervisionAction.resume.name, SupervisionAction.reopen.name,
    ]

    /// The state the item was in at the end of `day`: the state the last step on or before it led to; before
    /// the first step, the state that step started from. With no steps, the record's state.
    public func state(on day: CivilDate) -> SupervisionState {
        guard let first = steps.first else { return record.state }
        return steps.last(where: { $0.day <= day })?.to ?? first.from
    }

    /// The due date in force at the end of `day`: the one the last step on or before it left; before the first
    /// step, the plan's. With no steps, the record's.
    public func due(on day: CivilDate) -> CivilDate {
        guard !steps.isEmpty else { return record.due }
        return steps.last(where: { $0.day <= day })?.due ?? record.originalDue
    }

    /// The last day the unit showed progress on or before `day`: the latest 签收, 进展反馈, 延期申请 or 办结报告,
    /// or the day the item was assigned when there was none. With no steps, the record's days (签收,
    /// the last report, the last 办结报告).
    public func lastProgressDay(onOrBefore day: CivilDate) -> CivilDate {
        var last = record.assignedOn
        if steps.isEmpty {
            for candidate in [record.acknowledgedOn, record.lastFeedbackOn, record.submittedOn] {
                if let candidate, candidate <= day, candidate > last { last = candidate }
            }
            return last
        }
        for step in steps where step.day <= day && step.day > last && Self.progressActions.contains(step.action) {
            last = step.day
        }
        return last
    }

    /// The last day the unit showed progress (``lastProgressDay(onOrBefore:)`` with no bound).
    public var lastProgressDay: CivilDate {
        lastProgressDay(onOrBefore: CivilDate(dayNumber: .max))
    }

    /// The last day on or before `day` the item came back to the unit (退回, 恢复, 重新打开), if any.
    public func lastHandedBackDay(onOrBefore day: CivilDate) -> CivilDate? {
        steps.last(where: { $0.day <= day && Self.handBackActions.contains($0.action) })?.day
    }

    /// The days progress reports (进展反馈) were taken on or before `day`. With no steps, the record's last one.
    public func feedbackDays(onOrBefore day: CivilDate) -> [CivilDate] {
        if steps.isEmpty { return record.lastFeedbackOn.map { $0 <= day ? [$0] : [] } ?? [] }
        return steps.filter { $0.action == SupervisionAction.feedback.name && $0.day <= day }.map(\.day)
    }

    /// The progress reports the unit missed, up to and including `day`: the due days of the reports, in order.
    ///
    /// With a cadence (``SupervisionRules/feedback``), reports fall due on a fixed schedule counted from the
    /// day reporting starts, S (签收, or 交办 when never acknowledged): r1 = next(S), r2 = next(r1), … Report k
    /// is missed when rk ≤ `day`, the unit was to report on rk (办理中 or 申请延期 at the end of that day), and
    /// no 进展反馈 was taken in its window: [S, r1] for the first, (rk−1, rk] after it. Without a cadence, none.
    public func missedFeedback(through day: CivilDate, calendar: WorkingDayCalendar) -> [CivilDate] {
        let reports = feedbackDays(onOrBefore: day)
        return feedbackReports(through: day, calendar: calendar).filter { report in
            !reports.contains(where: { $0 >= report.windowStart && $0 <= report.due })
        }.map(\.due)
    }

    /// The progress reports due up to and including `day` while the unit was to report (办理中 or 申请延期 at the
    /// end of the report's day), each with the first day of its window (``missedFeedback(through:calendar:)``).
    public func feedbackReports(through day: CivilDate, calendar: WorkingDayCalendar)
        -> [(due: CivilDate, windowStart: CivilDate)]
    {
        guard let cadence = rules.feedback else { return [] }
        let start = record.acknowledgedOn ?? record.assignedOn
        var result: [(due: CivilDate, windowStart: CivilDate)] = []
        var previous = start
        var windowStart = start
        // A bound against a hostile far-away day: some 27 years of weekly reports, 190 years of monthly ones.
        for _ in 0..<2_300 {
            let reportDue = cadence.next(after: previous, calendar: calendar)
            guard reportDue <= day, reportDue > previous else { break }
            let reporting = state(on: reportDue)
            if reporting == .inProgress || reporting == .extensionRequested {
                result.append((reportDue, windowStart))
            }
            previous = reportDue
            windowStart = reportDue.adding(days: 1)
        }
        return result
    }

    /// Whether a progress report falls due on `day` with none made in its window so far.
    public func feedbackOutstanding(on day: CivilDate, calendar: WorkingDayCalendar) -> Bool {
        guard let report = feedbackReports(through: day, calendar: calendar).last, report.due == day else {
            return false
        }
        return !feedbackDays(onOrBefore: day).contains(where: { $0 >= report.windowStart })
    }

    /// The number of progress reports missed up to `day` (``missedFeedback(through:calendar:)``).
    public func missedFeedbackCount(through day: CivilDate, calendar: WorkingDayCalendar) -> Int {
        missedFeedback(through: day, calendar: calendar).count
    }
}
