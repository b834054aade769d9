public import DubanSupervision

/// A step of the supervision loop as asked (``StateStore/supervise(id:step:actor:requestID:transition:)``): its
/// name, the stage the asker saw (the compare-and-set), and what goes with it.
public struct SupervisionStepRequest: Hashable, Sendable {
    /// ``SupervisionAction/name``.
    public var action: String
    /// The stage the asker expects the occurrence to be in; another one refuses the step with a conflict.
    public var expected: SupervisionState
    public var note: String?
    public var evidence: String?
    /// The working days an extension request asks.
    public var workingDays: Int?

    public init(
        action: String, expected: SupervisionState, note: String? = nil, evidence: String? = nil,
        workingDays: Int? = nil
    ) {
        self.action = action
        self.expected = expected
        self.note = note
        self.evidence = evidence
        self.workingDays = workingDays
    }
}

/// What a step did: the occurrence after it, and the step as the ledger keeps it.
public struct SupervisionOutcome: Hashable, Sendable, Codable {
    public var occurrence: OccurrenceRecord
    public var step: SupervisionStep

    public init(occurrence: OccurrenceRecord, step: SupervisionStep) {
        self.occurrence = occurrence
        self.step = step
    }
}
