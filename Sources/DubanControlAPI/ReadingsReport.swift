public import Foundation

/// One measured value of a target's indicator.
public struct ReadingItem: Hashable, Sendable, Codable {
    public var id: Int64
    public var value: Double
    /// The day it was measured, `YYYY-MM-DD`.
    public var date: String
    public var note: String?
    public var actor: String
    public var recordedAt: Date
    public var requestID: String

    enum CodingKeys: String, CodingKey {
        case id, value, date, note, actor
        case recordedAt = "recorded_at"
        case requestID = "request_id"
    }

    public init(
        id: Int64, value: Double, date: String, note: String?, actor: String, recordedAt: Date, requestID: String
    ) {
        self.id = id
        self.value = value
        self.date = date
        self.note = note
        self.actor = actor
        self.recordedAt = recordedAt
        self.requestID = requestID
    }
}

/// The direction of the readings: a least-squares line through (day, value).
public struct Trend: Hashable, Sendable, Codable {
    /// Change per day and per 365 days.
    public var slopePerDay: Double
    public var slopePerYear: Double
    /// The line's value at `projected_date` (the target's due date, or the last reading's day without one).
    public var projectedValue: Double
    public var projectedDate: String
    /// The projection meets the target (nil without a target value).
    public var projectedMet: Bool?

    enum CodingKeys: String, CodingKey {
        case slopePerDay = "slope_per_day"
        case slopePerYear = "slope_per_year"
        case projectedValue = "projected_value"
        case projectedDate = "projected_date"
        case projectedMet = "projected_met"
    }

    public init(
        slopePerDay: Double, slopePerYear: Double, projectedValue: Double, projectedDate: String, projectedMet: Bool?
    ) {
        self.slopePerDay = slopePerDay
        self.slopePerYear = slopePerYear
        self.projectedValue = projectedValue
        self.projectedDate = projectedDate
        self.projectedMet = projectedMet
    }
}

/// `GET /v1/readings`: a target task's readings for one unit, the target, and the trend.
public struct ReadingsReport: Hashable, Sendable, Codable {
    public var plan: String
    public var task: String
    public var org: String
    public var metric: String?
    public var unit: String?
    /// The value to reach, its upper bound (a range), and the comparator (`>=`, `<=`, `=`, `>`, `<`).
    public var targetValue: Double?
    public var targetValueMax: Double?
    public var comparator: String?
    /// The target's due date, `YYYY-MM-DD`.
    public var targetDate: String?
    /// Readings by day, then recording order.
    public var readings: [ReadingItem]
    public var latest: Double?
    /// The latest reading meets the target (nil without readings or target value).
    public var met: Bool?
    /// Nil with fewer than two readings on different days.
    public var trend: Trend?

    enum CodingKeys: String, CodingKey {
        case plan, task, org, metric, unit, comparator, readings, latest, met, trend
        case targetValue = "target_value"
        case targetValueMax = "target_value_max"
        case targetDate = "target_date"
    }

    public init(
        plan: String, task: String, org: String, metric: String?, unit: String?, targetValue: Double?,
        targetValueMax: Double?, comparator: String?, targetDate: String?, readings: [ReadingItem], latest: Double?,
        met: Bool?, trend: Trend?
    ) {
        self.plan = plan
        self.task = task
        self.org = org
        self.metric = metric
        self.unit = unit
        self.targetValue = targetValue
        self.targetValueMax = targetValueMax
        self.comparator = comparator
        self.targetDate = targetDate
        self.readings = readings
        self.latest = latest
        self.met = met
        self.trend = trend
    }
}
