/// Where an occurrence stands in the supervision loop (督办闭环): 交办 → 签收 → 办理与反馈 → 延期申请/审批 →
/// 办结报告 → 审核 (通过 or 退回) → 销号, with 免办 and 中止/恢复 beside it. docs/supervision.md draws it.
public enum SupervisionState: String, Sendable, Hashable, Codable, CaseIterable {
    /// 待签收: assigned to the unit, not acknowledged yet.
    case assigned
    /// 办理中: acknowledged and being worked on.
    case inProgress = "in_progress"
    /// 申请延期: still being worked on, an extension request waits for a decision.
    case extensionRequested = "extension_requested"
    /// 待审核: the completion report (办结报告) is submitted and waits for review.
    case submitted
    /// 中止: a procedural limit whose time does not count (a hearing, a test, an expert review).
    case paused
    /// 已办结: the review passed.
    case closed
    /// 已销号: struck off the list; final.
    case struckOff = "struck_off"
    /// 已免办: the unit need not do it (an admin's decision with a reason).
    case waived

    /// Still the unit's work (not closed, struck off or waived).
    public var isOpen: Bool {
        switch self {
        case .assigned, .inProgress, .extensionRequested, .submitted, .paused: true
        case .closed, .struckOff, .waived: false
        }
    }

    /// The unit is the one to act (it has not handed in its report, the clock is running).
    public var awaitsUnit: Bool {
        switch self {
        case .assigned, .inProgress, .extensionRequested: true
        default: false
        }
    }

    public var zh: String {
        switch self {
        case .assigned: "待签收"
        case .inProgress: "办理中"
        case .extensionRequested: "申请延期"
        case .submitted: "待审核"
        case .paused: "已中止"
        case .closed: "已办结"
        case .struckOff: "已销号"
        case .waived: "已免办"
        }
    }

    public var en: String {
        switch self {
        case .assigned: "awaiting acknowledgement"
        case .inProgress: "in progress"
        case .extensionRequested: "extension requested"
        case .submitted: "awaiting review"
        case .paused: "paused"
        case .closed: "closed"
        case .struckOff: "struck off"
        case .waived: "waived"
        }
    }
}

/// One step of the loop, as a unit, a leader, a supervisor or an admin takes it.
public enum SupervisionAction: Sendable, Hashable {
    /// 签收.
    case acknowledge
    /// 进展反馈: a progress report (its text travels with the request).
    case feedback
    /// 延期申请: `workingDays` more, counted on the working-day calendar from the current due date.
    case requestExtension(workingDays: Int)
    /// 批准延期.
    case approveExtension
    /// 驳回延期.
    case rejectExtension
    /// 办结报告: the unit reports the work done (with evidence).
    case submit
    /// 审核通过.
    case pass
    /// 退回: back to the unit, to be redone within the deadline it had.
    case sendBack
    /// 销号.
    case strike
    /// 免办 (with a reason).
    case waive
    /// 中止: time stops counting (procedural limits only).
    case pause
    /// 恢复: time counts again; the due date moves by the working days paused.
    case resume
    /// 重新打开: a closed or waived occurrence back to work (an admin's correction).
    case reopen

    /// The name on the wire and in the audit log.
    public var name: String {
        switch self {
        case .acknowledge: "acknowledge"
        case .feedback: "feedback"
        case .requestExtension: "extension-request"
        case .approveExtension: "approve"
        case .rejectExtension: "reject"
        case .submit: "submit"
        case .pass: "pass"
        case .sendBack: "return"
        case .strike: "strike"
        case .waive: "waive"
        case .pause: "pause"
        case .resume: "resume"
        case .reopen: "reopen"
        }
    }

    public var zh: String {
        switch self {
        case .acknowledge: "签收"
        case .feedback: "进展反馈"
        case .requestExtension: "延期申请"
        case .approveExtension: "批准延期"
        case .rejectExtension: "驳回延期"
        case .submit: "提交办结报告"
        case .pass: "审核通过"
        case .sendBack: "退回"
        case .strike: "销号"
        case .waive: "免办"
        case .pause: "中止"
        case .resume: "恢复"
        case .reopen: "重新打开"
        }
    }

    /// Every kind of action once (extension requests with one working day), for matrices and property tests.
    public static let all: [SupervisionAction] = [
        .acknowledge, .feedback, .requestExtension(workingDays: 1), .approveExtension, .rejectExtension, .submit,
        .pass, .sendBack, .strike, .waive, .pause, .resume, .reopen,
    ]
}
