public import DubanCalendar
public import DubanCore

/// What the loop knows of one occurrence: its state and the day of every step. A value: the machine
/// (``SupervisionMachine``) returns the next one, the store keeps it, the ledger (台账) reads it.
public struct SupervisionRecord: Sendable, Hashable, Codable {
    public var state: SupervisionState
    /// 交办: the day the item reached the unit (the plan's window start, or the day it was started).
    public var assignedOn: CivilDate
    /// The due date the plan gave.
    public var originalDue: CivilDate
    /// The due date in force: the original one, moved by approved extensions and by paused time.
    public var due: CivilDate
    public var acknowledgedOn: CivilDate?
    public var lastFeedbackOn: CivilDate?
    public var feedbackCount = 0
    /// The working days asked by the extension request waiting for a decision.
    public var requestedExtension: Int?
    /// Working days granted by approved extensions, in total.
    public var extendedWorkingDays = 0
    /// An extension was asked on or after the due date: the rule texts count such a closure as late, whatever
    /// the decision.
    public var askedAfterDue = false
    /// The last completion report.
    public var submittedOn: CivilDate?
    public var closedOn: CivilDate?
    public var struckOffOn: CivilDate?
    /// Times the review sent the report back.
    public var sentBack = 0
    public var pausedSince: CivilDate?
    /// Working days that did not count, in total (the due date has moved by as many).
    public var pausedWorkingDays = 0
    /// Where a paused occurrence goes back to on resume.
    public var resumeTo: SupervisionState?
    /// It was red at some point (曾超期): the mark stays after it recovers.
    public var wasRed = false

    /// A new item, assigned on `assignedOn` and due on `due`.
    public init(assignedOn: CivilDate, due: CivilDate) {
        self.state = .assigned
        self.assignedOn = assignedOn
        self.originalDue = due
        self.due = due
    }

    /// Closed in time: the report that passed was submitted by the due date in force, and no extension was asked
    /// after the due date. Nil while not closed.
    public var closedOnTime: Bool? {
        guard state == .closed || state == .struckOff, let submittedOn else { return nil }
        return submittedOn <= due && !askedAfterDue
    }
}

/// The rules a task's loop runs under, each with the default the rule texts use (docs/supervision.md).
public struct SupervisionRules: Sendable, Hashable, Codable {
    /// 签收时限: working days after 交办 to acknowledge (default 1).
    public var acknowledgeWithin = 1
    /// Most working days extensions may add in total; nil: no limit.
    public var maximumExtension: Int?
    /// 中止/恢复 is allowed (procedural limits: time that does not count).
    public var pausable = false
    /// Yellow when due within this many working days (default 3).
    public var yellowWithin = 3
    /// 进展反馈: how often the unit reports; nil: no cadence.
    public var feedback: FeedbackCadence?

    public init() {}

    /// The last day to acknowledge an item assigned on `assignedOn`.
    public func acknowledgeBy(_ assignedOn: CivilDate, calendar: WorkingDayCalendar) -> CivilDate {
        calendar.adding(workingDays: acknowledgeWithin, to: assignedOn)
    }
}
