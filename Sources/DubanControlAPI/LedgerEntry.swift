/// One line of the ledger (台账, `GET /v1/ledger`): an occurrence with the day of every step of its loop.
public struct LedgerEntry: Hashable, Sendable, Codable {
    public var occurrence: Milestone
    /// 交办: the day it reached the unit, `YYYY-MM-DD`.
    public var assigned: String
    /// The due date the plans gave (before extensions and paused time).
    public var originalDue: String
    /// 签收.
    public var acknowledged: String?
    /// Each 进展反馈, oldest first.
    public var feedback: [String]
    /// Each 延期申请 as `YYYY-MM-DD +N`.
    public var extensionRequests: [String]
    /// Each decision on one: `YYYY-MM-DD 批准` or `YYYY-MM-DD 驳回`.
    public var extensionDecisions: [String]
    /// Each 办结报告.
    public var submitted: [String]
    /// Each 退回.
    public var returned: [String]
    /// 审核通过 (or an admin's 办结).
    public var closed: String?
    /// 销号.
    public var struckOff: String?
    /// 免办.
    public var waived: String?
    /// Closed on time (the report that passed was in by the due date in force, no extension asked after it); nil
    /// while not closed.
    public var onTime: Bool?
    /// Every step, oldest first.
    public var steps: [StepBody]

    enum CodingKeys: String, CodingKey {
        case occurrence, assigned, acknowledged, feedback, submitted, returned, closed, waived, steps
        case originalDue = "original_due"
        case extensionRequests = "extension_requests"
        case extensionDecisions = "extension_decisions"
        case struckOff = "struck_off"
        case onTime = "on_time"
    }

    public init(
        occurrence: Milestone, assigned: String, originalDue: String, acknowledged: String?, feedback: [String],
        extensionRequests: [String], extensionDecisions: [String], submitted: [String], returned: [String],
        closed: String?, struckOff: String?, waived: String?, onTime: Bool?, steps: [StepBody]
    ) {
        self.occurrence = occurrence
        self.assigned = assigned
        self.originalDue = originalDue
        self.acknowledged = acknowledged
        self.feedback = feedback
        self.extensionRequests = extensionRequests
        self.extensionDecisions = extensionDecisions
        self.submitted = submitted
        self.returned = returned
        self.closed = closed
        self.struckOff = struckOff
        self.waived = waived
        self.onTime = onTime
        self.steps = steps
    }
}
