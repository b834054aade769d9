public import DubanCalendar
public import Foundation

/// One recorded step of a quota's progress: `+30 on 2024-05-10`.
public struct ProgressEntry: Hashable, Sendable, Codable {
    /// Assigned by the store, increasing.
    public var id: Int64
    public var occurrenceID: String
    /// How much was achieved (> 0).
    public var amount: Double
    /// The day the work was done.
    public var day: CivilDate
    public var note: String?
    /// Who recorded it (a user name).
    public var actor: String
    /// When it was recorded.
    public var recordedAt: Date
    /// The client's request id that recorded it.
    public var requestID: String

    public init(
        id: Int64, occurrenceID: String, amount: Double, day: CivilDate, note: String?, actor: String,
        recordedAt: Date, requestID: String
    ) {
        self.id = id
        self.occurrenceID = occurrenceID
        self.amount = amount
        self.day = day
        self.note = note
        self.actor = actor
        self.recordedAt = recordedAt
        self.requestID = requestID
    }
}
