/// A rung of the escalation ladder (督办升级), lowest first: 提醒 → 催办 → 督办单 → 通报.
public enum EscalationLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 提醒: past the limit, but not yet long enough without progress to chase.
    case reminder
    /// 催办: a chasing message to the unit.
    case chase
    /// 督办单: a numbered supervision notice with a reply-by date, repeated until the item is handed in.
    case notice
    /// 通报: the unit is named in a circular.
    case circular

    /// The position on the ladder (0 for 提醒).
    public var rank: Int {
        switch self {
        case .reminder: 0
        case .chase: 1
        case .notice: 2
        case .circular: 3
        }
    }

    public static func < (lhs: EscalationLevel, rhs: EscalationLevel) -> Bool { lhs.rank < rhs.rank }

    public var zh: String {
        switch self {
        case .reminder: "提醒"
        case .chase: "催办"
        case .notice: "督办单"
        case .circular: "通报"
        }
    }

    public var en: String {
        switch self {
        case .reminder: "reminder"
        case .chase: "chase"
        case .notice: "supervision notice"
        case .circular: "circular"
        }
    }
}
