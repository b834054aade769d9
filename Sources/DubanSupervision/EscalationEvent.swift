public import DubanCalendar
public import DubanCore

/// The limit an item is past: the 签收时限 (not acknowledged in time) or the due date in force (办结时限).
public enum EscalationLimit: String, Sendable, Hashable, Codable, CaseIterable {
    case acknowledgement
    case due

    public var zh: String {
        switch self {
        case .acknowledgement: "签收时限"
        case .due: "办结时限"
        }
    }

    public var en: String {
        switch self {
        case .acknowledgement: "acknowledgement limit"
        case .due: "due date"
        }
    }
}

/// One rung reached on one day (``EscalationLadder/events(for:through:rules:calendar:)``), with a key that stays
/// the same on every computation, so a daemon fires each event once.
public struct EscalationEvent: Sendable, Hashable, Codable {
    /// `<item>#ladder-chase`, `<item>#ladder-notice-<n>`, `<item>#ladder-circular`.
    public var key: String
    /// The occurrence id.
    public var item: String
    public var level: EscalationLevel
    /// The working day it fires on.
    public var day: CivilDate
    /// For a 督办单: its round (1 for the first, 2 for the first repeat …); nil otherwise.
    public var round: Int?
    /// The limit the item is past on ``day``, and that limit's day.
    public var limit: EscalationLimit
    public var limitDay: CivilDate
    /// Working days from the limit (not counted) through ``day``.
    public var workingDaysPastLimit: Int
    /// Working days without progress on ``day`` (the ladder's clock).
    public var workingDaysWithoutProgress: Int

    public init(
        key: String, item: String, level: EscalationLevel, day: CivilDate, round: Int? = nil,
        limit: EscalationLimit, limitDay: CivilDate, workingDaysPastLimit: Int, workingDaysWithoutProgress: Int
    ) {
        self.key = key
        self.item = item
        self.level = level
        self.day = day
        self.round = round
        self.limit = limit
        self.limitDay = limitDay
        self.workingDaysPastLimit = workingDaysPastLimit
        self.workingDaysWithoutProgress = workingDaysWithoutProgress
    }

    /// The key of a rung of `item`: `round` for a 督办单 only.
    public static func key(item: String, level: EscalationLevel, round: Int? = nil) -> String {
        switch level {
        case .notice: "\(item)#ladder-notice-\(round ?? 1)"
        default: "\(item)#ladder-\(level.rawValue)"
        }
    }
}
