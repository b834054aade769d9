public import DubanCalendar
public import Foundation

/// One measured value of a target's indicator for one unit: `毛入园率 96.5 on 2024-09-01`.
public struct MetricReading: Hashable, Sendable, Codable {
    /// Assigned by the store, increasing.
    public var id: Int64
    public var taskKey: TaskKey
    public var value: Double
    /// The day the value was measured.
    public var day: CivilDate
    public var note: String?
    /// Who recorded it (a user name).
    public var actor: String
    /// When it was recorded.
    public var recordedAt: Date
    /// The client's request id that recorded it.
    public var requestID: String

    public init(
        id: Int64, taskKey: TaskKey, value: Double, day: CivilDate, note: String?, actor: String, recordedAt: Date,
        requestID: String
    ) {
        self.id = id
        self.taskKey = taskKey
        self.value = value
        self.day = day
        self.note = note
        self.actor = actor
        self.recordedAt = recordedAt
        self.requestID = requestID
    }
}
