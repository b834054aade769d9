public import Foundation

/// One recorded step of a quota: `+30 on 2024-05-10`.
public struct ProgressItem: Hashable, Sendable, Codable {
    public var id: Int64
    public var amount: Double
    /// The day the work was done, `YYYY-MM-DD`.
    public var date: String
    public var note: String?
    public var actor: String
    public var recordedAt: Date
    public var requestID: String

    enum CodingKeys: String, CodingKey {
        case id, amount, date, note, actor
        case recordedAt = "recorded_at"
        case requestID = "request_id"
    }

    public init(
        id: Int64, amount: Double, date: String, note: String?, actor: String, recordedAt: Date, requestID: String
    ) {
        self.id = id
        self.amount = amount
        self.date = date
        self.note = note
        self.actor = actor
        self.recordedAt = recordedAt
        self.requestID = requestID
    }
}

/// `GET /v1/occurrences/{id}/progress`: a quota's period, what was achieved, and the pace.
///
/// `expected_by_now` is the quota pro rata over the period's working days: quota × (working days elapsed through
/// today) ÷ (working days in the period). `pace` = achieved ÷ expected_by_now (nil before the first working day).
public struct ProgressReport: Hashable, Sendable, Codable {
    public var occurrence: String
    /// The quota for the period (nil when the task is not a quota: then only `achieved` counts).
    public var quota: Double?
    public var unit: String?
    /// The period, `YYYY-MM-DD`.
    public var periodStart: String
    public var periodEnd: String
    /// The day the pace is computed for (today, clamped to the period).
    public var asOf: String
    public var achieved: Double
    public var remaining: Double?
    public var expectedByNow: Double?
    public var pace: Double?
    /// achieved ≥ expected_by_now.
    public var onTrack: Bool
    public var workingDaysTotal: Int
    public var workingDaysElapsed: Int
    public var entries: [ProgressItem]

    enum CodingKeys: String, CodingKey {
        case occurrence, quota, unit, achieved, remaining, pace, entries
        case periodStart = "period_start"
        case periodEnd = "period_end"
        case asOf = "as_of"
        case expectedByNow = "expected_by_now"
        case onTrack = "on_track"
        case workingDaysTotal = "working_days_total"
        case workingDaysElapsed = "working_days_elapsed"
    }

    public init(
        occurrence: String, quota: Double?, unit: String?, periodStart: String, periodEnd: String, asOf: String,
        achieved: Double, remaining: Double?, expectedByNow: Double?, pace: Double?, onTrack: Bool,
        workingDaysTotal: Int, workingDaysElapsed: Int, entries: [ProgressItem]
    ) {
        self.occurrence = occurrence
        self.quota = quota
        self.unit = unit
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.asOf = asOf
        self.achieved = achieved
        self.remaining = remaining
        self.expectedByNow = expectedByNow
        self.pace = pace
        self.onTrack = onTrack
        self.workingDaysTotal = workingDaysTotal
        self.workingDaysElapsed = workingDaysElapsed
        self.entries = entries
    }
}
