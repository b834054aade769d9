public import DubanCalendar

/// Why an action was refused.
public enum SupervisionError: Error, Sendable, Hashable {
    /// The action does not apply to an occurrence in this state (409: someone else moved it first, or the step
    /// is out of order).
    case notInState(SupervisionState, SupervisionAction)
    /// The action applies here but breaks a rule (422), e.g. an extension beyond what the task allows.
    case rule(zh: String, en: String)

    public var zh: String {
        switch self {
        case .notInState(let state, let action): "事项当前为“\(state.zh)”,不能\(action.zh)"
        case .rule(let zh, _): zh
        }
    }

    public var en: String {
        switch self {
        case .notInState(let state, let action): "cannot \(action.name) an occurrence that is \(state.en)"
        case .rule(_, let en): en
        }
    }
}

/// The supervision loop as one pure function: a record, an action, the day → the next record, or why not.
///
/// The states an action applies in, and what it records:
///
/// | action | from | to | records |
/// |---|---|---|---|
/// | 签收 acknowledge | 待签收 | 办理中 | `acknowledgedOn` |
/// | 进展反馈 feedback | 办理中, 申请延期 | (same) | `lastFeedbackOn`, `feedbackCount` |
/// | 延期申请 extension-request | 办理中 | 申请延期 | `requestedExtension`; on or after the due date `askedAfterDue` (the closure counts as late) |
/// | 批准延期 approve | 申请延期 | 办理中 | `due` + N working days, `extendedWorkingDays` |
/// | 驳回延期 reject | 申请延期 | 办理中 | the request dropped |
/// | 办结报告 submit | 办理中, 申请延期 | 待审核 | `submittedOn` (a pending request is dropped) |
/// | 审核通过 pass | 待审核 | 已办结 | `closedOn` |
/// | 退回 return | 待审核 | 办理中 | `sentBack` + 1; the due date stays (rework within the original limit) |
/// | 销号 strike | 已办结 | 已销号 | `struckOffOn` |
/// | 免办 waive | every open state | 已免办 | |
/// | 中止 pause | 待签收, 办理中, 申请延期 (pausable tasks) | 已中止 | `pausedSince`, where to resume |
/// | 恢复 resume | 已中止 | where it was | `due` + the working days paused, `pausedWorkingDays` |
/// | 重新打开 reopen | 已办结, 已免办 | 办理中 | the closure cleared |
///
/// Anything else is ``SupervisionError/notInState(_:_:)``: taking the same step twice (two clients racing) is
/// refused, never applied twice. Every step first notes whether the record was red on that day (``StatusLight``),
/// so 曾超期 survives a late acknowledgement or an extension granted after the due date.
public enum SupervisionMachine {
    public static func apply(
        _ action: SupervisionAction,
        to record: SupervisionRecord,
        on day: CivilDate,
        rules: SupervisionRules,
        calendar: WorkingDayCalendar
    ) throws(SupervisionError) -> SupervisionRecord {
        var next = record
        if StatusLight.isRed(record, on: day, rules: rules, calendar: calendar) { next.wasRed = true }
        let refused = SupervisionError.notInState(record.state, action)
        switch action {
        case .acknowledge:
            guard record.state == .assigned else { throw refused }
            next.state = .inProgress
            next.acknowledgedOn = day

        case .feedback:
            guard record.state == .inProgress || record.state == .extensionRequested else { throw refused }
            next.lastFeedbackOn = day
            next.feedbackCount += 1

        case .requestExtension(let days):
            guard record.state == .inProgress else { throw refused }
            guard days >= 1, days <= 10_000, record.extendedWorkingDays + days <= 10_000 else {
                throw .rule(
                    zh: "延期应为1到10000个工作日,合计不超过10000个工作日",
                    en: "an extension is 1 to 10,000 working days, at most 10,000 in total")
            }
            if let maximum = rules.maximumExtension, record.extendedWorkingDays + days > maximum {
                let left = max(0, maximum - record.extendedWorkingDays)
                throw .rule(
                    zh: "延期合计不得超过\(maximum)个工作日(尚可延期\(left)个工作日)",
                    en: "extensions may add at most \(maximum) working days in total (\(left) left)"
                )
            }
            next.state = .extensionRequested
            next.requestedExtension = days
            if day >= record.due { next.askedAfterDue = true }

        case .approveExtension:
            guard record.state == .extensionRequested, let days = record.requestedExtension else { throw refused }
            next.state = .inProgress
            next.due = calendar.adding(workingDays: days, to: record.due)
            next.extendedWorkingDays += days
            next.requestedExtension = nil

        case .rejectExtension:
            guard record.state == .extensionRequested else { throw refused }
            next.state = .inProgress
            next.requestedExtension = nil

        case .submit:
            guard record.state == .inProgress || record.state == .extensionRequested else { throw refused }
            next.state = .submitted
            next.submittedOn = day
            next.requestedExtension = nil

        case .pass:
            guard record.state == .submitted else { throw refused }
            next.state = .closed
            next.closedOn = day

        case .sendBack:
            guard record.state == .submitted else { throw refused }
            next.state = .inProgress
            next.sentBack += 1

        case .strike:
            guard record.state == .closed else { throw refused }
            next.state = .struckOff
            next.struckOffOn = day

        case .waive:
            guard record.state.isOpen else { throw refused }
            next.state = .waived
            next.requestedExtension = nil
            next.pausedSince = nil
            next.resumeTo = nil

        case .pause:
            guard record.state.awaitsUnit else { throw refused }
            guard rules.pausable else {
                throw .rule(zh: "只有程序时限可以中止计时", en: "only procedural limits can be paused")
            }
            next.state = .paused
            next.pausedSince = day
            next.resumeTo = record.state

        case .resume:
            guard record.state == .paused, let since = record.pausedSince, let back = record.resumeTo else {
                throw refused
            }
            // The working days from the pause up to (not including) today did not count.
            let paused = calendar.workingDays(from: since, through: day.adding(days: -1))
            next.state = back
            next.due = calendar.adding(workingDays: paused, to: record.due)
            next.pausedWorkingDays += paused
            next.pausedSince = nil
            next.resumeTo = nil

        case .reopen:
            guard record.state == .closed || record.state == .waived else { throw refused }
            next.state = .inProgress
            next.closedOn = nil
            if next.acknowledgedOn == nil { next.acknowledgedOn = day }
        }
        return next
    }

    /// The actions that apply to `record` (for a UI's buttons and for tests), rules permitting.
    public static func applicable(
        to record: SupervisionRecord, on day: CivilDate, rules: SupervisionRules, calendar: WorkingDayCalendar
    ) -> [SupervisionAction] {
        SupervisionAction.all.filter { action in
            (try? apply(action, to: record, on: day, rules: rules, calendar: calendar)) != nil
        }
    }
}
