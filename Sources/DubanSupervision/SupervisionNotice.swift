public import DubanCalendar
public import DubanCore

/// A 督办单 (supervision notice) as it is issued and printed: its number, the item, the unit, the limit and how
/// far past it the item is, what is required and by when to reply. Rendered by ``text(_:)``, ``markdown(_:)``
/// and ``html(_:)`` (SupervisionNotice+Rendering.swift).
public struct SupervisionNoticeDocument: Sendable, Hashable, Codable {
    public var number: SupervisionNoticeNumber
    /// 1 for the first 督办单 on the item, 2 for the first repeat …
    public var round: Int
    public var issuedOn: CivilDate
    /// The occurrence id.
    public var item: String
    public var title: String
    public var plan: String
    /// 牵头单位.
    public var unitName: String
    /// 分管领导 of the lead unit.
    public var leaderInCharge: String?
    /// 抄送: the lead unit's parent unit.
    public var copyTo: String?
    /// The due date in force on the issue day.
    public var deadline: CivilDate
    /// The limit the item is past: the due date, or the 签收时限 of an item not acknowledged.
    public var limit: EscalationLimit
    /// Working days past ``limit`` on the issue day.
    public var workingDaysOverdue: Int
    /// 督办要求.
    public var requirement: LocalizedText
    /// 反馈时限: ``EscalationRules/replyWithin`` working days after the issue day.
    public var replyBy: CivilDate

    public init(
        number: SupervisionNoticeNumber, round: Int = 1, issuedOn: CivilDate, item: String, title: String,
        plan: String, unitName: String, leaderInCharge: String? = nil, copyTo: String? = nil,
        deadline: CivilDate, limit: EscalationLimit = .due, workingDaysOverdue: Int, requirement: LocalizedText,
        replyBy: CivilDate
    ) {
        self.number = number
        self.round = round
        self.issuedOn = issuedOn
        self.item = item
        self.title = title
        self.plan = plan
        self.unitName = unitName
        self.leaderInCharge = leaderInCharge
        self.copyTo = copyTo
        self.deadline = deadline
        self.limit = limit
        self.workingDaysOverdue = workingDaysOverdue
        self.requirement = requirement
        self.replyBy = replyBy
    }

    /// The 督办单 for a notice event of `item` (``EscalationLadder/events(for:through:rules:calendar:)``).
    /// - Parameters:
    ///   - number: from ``SupervisionNoticeNumber/next(after:prefix:issuedOn:)``.
    ///   - requirement: what is required; by default ``standardRequirement(replyBy:)``.
    public static func make(
        item: LedgerItem, event: EscalationEvent, number: SupervisionNoticeNumber,
        leaderInCharge: String? = nil, copyTo: String? = nil, requirement: LocalizedText? = nil,
        rules: EscalationRules, calendar: WorkingDayCalendar
    ) -> SupervisionNoticeDocument {
        let replyBy = calendar.adding(workingDays: rules.replyWithin, to: event.day)
        return SupervisionNoticeDocument(
            number: number, round: event.round ?? 1, issuedOn: event.day, item: item.id, title: item.title,
            plan: item.plan, unitName: item.unitName, leaderInCharge: leaderInCharge, copyTo: copyTo,
            deadline: item.due(on: event.day), limit: event.limit,
            workingDaysOverdue: event.workingDaysPastLimit,
            requirement: requirement ?? standardRequirement(replyBy: replyBy), replyBy: replyBy)
    }

    /// 督办要求 when none is given: act at once and report in writing by the reply-by date.
    public static func standardRequirement(replyBy: CivilDate) -> LocalizedText {
        LocalizedText(
            zh: "请接此督办单后立即组织办理，于\(replyBy.shortText(.zhHans, withYear: true))前书面报送办理情况："
                + "已办结的附办结报告；未办结的说明原因、已采取的措施和计划完成时间。",
            en: "Act on this notice at once and report in writing by \(replyBy.shortText(.en, withYear: true)): "
                + "the completion report if the work is done; otherwise the reason for the delay, the measures "
                + "taken and the planned completion date.")
    }

    /// 已超过办结时限5个工作日 / 5 working days past the due date.
    public func overdueText(_ language: Language) -> String {
        switch (limit, language) {
        case (.due, .zhHans): "已超过办结时限\(workingDaysOverdue)个工作日"
        case (.acknowledgement, .zhHans): "超过签收时限\(workingDaysOverdue)个工作日未签收"
        case (.due, .en): "\(workingDaysOverdue) working day(s) past the due date"
        case (.acknowledgement, .en): "not acknowledged, \(workingDaysOverdue) working day(s) past the limit"
        }
    }
}
