/// The period a duty repeats over.
public enum RecurrencePeriod: String, Hashable, Sendable, Codable, CaseIterable {
    case day
    case week
    case month
    case quarter
    case semester
    case year

    /// Chinese name as plans write it after 每: 天, 周, 月, 季度, 学期, 年.
    public var chinese: String {
        switch self {
        case .day: return "天"
        case .week: return "周"
        case .month: return "月"
        case .quarter: return "季度"
        case .semester: return "学期"
        case .year: return "年"
        }
    }
}

/// How often a duty repeats: 每年不少于2次 is `every: .year, times: 2, atLeast: true`; 每三年一次 is
/// `every: .year, interval: 3, times: 1`.
public struct Recurrence: Hashable, Sendable, Codable {
    public var every: RecurrencePeriod
    /// Every `interval` periods (每三年 → 3).
    public var interval: Int
    /// Times per period.
    public var times: Int
    /// True for 不少于/至少 (a floor, not an exact count).
    public var atLeast: Bool

    public init(every: RecurrencePeriod, interval: Int = 1, times: Int = 1, atLeast: Bool = false) {
        self.every = every
        self.interval = interval
        self.times = times
        self.atLeast = atLeast
    }
}

/// The unit a procedural limit counts in.
public enum LimitUnit: String, Hashable, Sendable, Codable {
    /// 工作日: statutory holidays and weekends excluded, 调休 make-up days included.
    case workingDays = "working_days"
    /// 日/天: every calendar day.
    case calendarDays = "calendar_days"
    /// 个月: calendar months (the same day number, clamped to the month's end).
    case months
}

/// A limit counted from an event: 自收到申请之日起15个工作日内, 延长不超过15个工作日.
public struct ProceduralLimit: Hashable, Sendable, Codable {
    public var count: Int
    public var unit: LimitUnit
    /// The longest allowed extension, in the same unit, if the text grants one.
    public var extensionCount: Int?

    public init(count: Int, unit: LimitUnit, extensionCount: Int? = nil) {
        self.count = count
        self.unit = unit
        self.extensionCount = extensionCount
    }
}

/// A multi-year cycle: 四年完成一轮 is `years: 4, rounds: 1`.
public struct QuotaCycle: Hashable, Sendable, Codable {
    public var years: Int
    public var rounds: Int

    public init(years: Int, rounds: Int = 1) {
        self.years = years
        self.rounds = rounds
    }
}
