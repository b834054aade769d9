public import DubanCalendar
public import DubanSupervision
public import Foundation

/// An occurrence as the store holds it: the identity the plans gave it and the state people recorded.
public struct OccurrenceRecord: Hashable, Sendable, Codable {
    /// The stable id `<plan>/<task>/<unit>/<period>`.
    public var id: String
    public var plan: String
    public var task: String
    public var org: String
    /// The due date of the last expansion that contained the occurrence.
    public var due: CivilDate
    public var state: OccurrenceState
    /// Who last changed the state (a user name); nil while never changed.
    public var actor: String?
    /// When the state last changed; nil while never changed.
    public var changedAt: Date?
    public var note: String?
    /// A reference to proof of completion (a document number, a URL).
    public var evidence: String?
    /// True when the last expansion no longer contains the occurrence (its task or unit was removed); the state
    /// is kept and comes back if the occurrence reappears.
    public var archived: Bool
    /// For an occurrence started from an event (a procedural limit, ``StateStore/startProcedure``): the event's
    /// day; nil for occurrences of the plans' expansion.
    public var eventDay: CivilDate?
    /// Working days added by extensions (延期); nil or 0 when never extended.
    public var extendedDays: Int?
    /// Where it stands in the supervision loop (督办闭环). ``state`` is its summary: closed and struck off are
    /// done, waived is waived, every other step is open.
    public var stage: SupervisionState
    /// The loop's record once a step was taken (the day of every step, the due date it moved); nil before.
    public var loop: SupervisionRecord?
    /// Working days the loop moved the due date (approved extensions and paused time); 0 when never moved.
    public var dueShift: Int
    /// The due date the plans give, when the loop moved ``due`` away from it; nil otherwise.
    public var planDue: CivilDate?

    public init(
        id: String, plan: String, task: String, org: String, due: CivilDate, state: OccurrenceState = .open,
        actor: String? = nil, changedAt: Date? = nil, note: String? = nil, evidence: String? = nil,
        archived: Bool = false, eventDay: CivilDate? = nil, extendedDays: Int? = nil, stage: SupervisionState? = nil,
        loop: SupervisionRecord? = nil, dueShift: Int = 0, planDue: CivilDate? = nil
    ) {
        self.id = id
        self.plan = plan
        self.task = task
        self.org = org
        self.due = due
        self.state = state
        self.actor = actor
        self.changedAt = changedAt
        self.note = note
        self.evidence = evidence
        self.archived = archived
        self.eventDay = eventDay
        self.extendedDays = extendedDays
        self.stage = stage ?? OccurrenceRecord.stage(summarizedAs: state)
        self.loop = loop
        self.dueShift = dueShift
        self.planDue = planDue
    }

    /// The step a summary state stands for when nothing more is known: done → closed, waived → waived, open →
    /// assigned.
    public static func stage(summarizedAs state: OccurrenceState) -> SupervisionState {
        switch state {
        case .done: .closed
        case .waived: .waived
        case .open: .assigned
        }
    }

    /// The summary state of a step: closed and struck off are done, waived is waived, every other step is open.
    public static func state(of stage: SupervisionState) -> OccurrenceState {
        switch stage {
        case .closed, .struckOff: .done
        case .waived: .waived
        default: .open
        }
    }
}

extension OccurrenceRecord {
    enum CodingKeys: String, CodingKey {
        case id, plan, task, org, due, state, actor, changedAt, note, evidence, archived, eventDay, extendedDays
        case stage, loop, dueShift, planDue
    }

    /// Decodes what ``encode(to:)`` wrote, and the answers an earlier release stored for its request ids (no
    /// `stage`, `loop`, `dueShift` or `planDue`: the stage is then the one the state summarizes).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let state = try c.decode(OccurrenceState.self, forKey: .state)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            plan: try c.decode(String.self, forKey: .plan),
            task: try c.decode(String.self, forKey: .task),
            org: try c.decode(String.self, forKey: .org),
            due: try c.decode(CivilDate.self, forKey: .due),
            state: state,
            actor: try c.decodeIfPresent(String.self, forKey: .actor),
            changedAt: try c.decodeIfPresent(Date.self, forKey: .changedAt),
            note: try c.decodeIfPresent(String.self, forKey: .note),
            evidence: try c.decodeIfPresent(String.self, forKey: .evidence),
            archived: try c.decode(Bool.self, forKey: .archived),
            eventDay: try c.decodeIfPresent(CivilDate.self, forKey: .eventDay),
            extendedDays: try c.decodeIfPresent(Int.self, forKey: .extendedDays),
            stage: try c.decodeIfPresent(SupervisionState.self, forKey: .stage),
            loop: try c.decodeIfPresent(SupervisionRecord.self, forKey: .loop),
            dueShift: try c.decodeIfPresent(Int.self, forKey: .dueShift) ?? 0,
            planDue: try c.decodeIfPresent(CivilDate.self, forKey: .planDue)
        )
    }
}
