public import DubanCalendar
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

    public init(
        id: String, plan: String, task: String, org: String, due: CivilDate, state: OccurrenceState = .open,
        actor: String? = nil, changedAt: Date? = nil, note: String? = nil, evidence: String? = nil,
        archived: Bool = false, eventDay: CivilDate? = nil, extendedDays: Int? = nil
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
    }
}
