public import DubanCalendar
public import Foundation

/// One step taken on an occurrence, as the store keeps it and the ledger (台账) prints it: what was done, from
/// which state to which, on which day, by whom, why and with what evidence.
public struct SupervisionStep: Sendable, Hashable, Codable {
    /// The step's wire name (``SupervisionAction/name``), or `done`, `waive`, `reopen` for an admin's direct
    /// change, or `migrated` for the state a database of an earlier release held.
    public var action: String
    public var from: SupervisionState
    public var to: SupervisionState
    /// The civil day the step counts on (the site's zone).
    public var day: CivilDate
    /// The instant it was recorded.
    public var at: Date
    /// Who took it (a Unix user name).
    public var user: String
    public var note: String?
    /// A document number, a file name, a URL: the proof that goes with a report.
    public var evidence: String?
    /// For an extension request: the working days asked.
    public var workingDays: Int?
    /// The due date in force after the step.
    public var due: CivilDate
    /// The request id that made it (idempotency).
    public var requestID: String

    public init(
        action: String, from: SupervisionState, to: SupervisionState, day: CivilDate, at: Date, user: String,
        note: String? = nil, evidence: String? = nil, workingDays: Int? = nil, due: CivilDate, requestID: String
    ) {
        self.action = action
        self.from = from
        self.to = to
        self.day = day
        self.at = at
        self.user = user
        self.note = note
        self.evidence = evidence
        self.workingDays = workingDays
        self.due = due
        self.requestID = requestID
    }
}
