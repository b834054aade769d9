/// When the ladder climbs (docs/supervision.md, "Escalation ladder"; `supervision.ladder` in duban.yaml). Every
/// threshold counts working days without progress past the limit (DubanSupervision's `EscalationLadder`); a key missing from a configuration takes its default.
///
/// | key | default | meaning |
/// |---|---|---|
/// | `chaseAfter` | 1 | 催办 after this many working days without progress past the limit |
/// | `noticeAfter` | 3 | 督办单 after this many |
/// | `circularAfter` | 5 | 通报 after this many |
/// | `noticeRepeatEvery` | 5 | a further 督办单 every this many working days while the unit stays silent |
/// | `startLevel` | `chase` | the lowest rung for the items below, from the first day past the limit |
/// | `startLevelUrgencies` | `[extra_urgent]` | 特急 items start at `startLevel` |
/// | `startLevelOrigins` | `["领导批示"]` | items from these origins start at `startLevel` |
/// | `noticePrefix` | `督` | the 督办单 number's prefix (`临教督` gives 临教督〔2026〕12号) |
/// | `replyWithin` | 3 | a 督办单's reply-by date, in working days after it is issued |
public struct EscalationRules: Sendable, Hashable, Codable {
    public var chaseAfter = 1
    public var noticeAfter = 3
    public var circularAfter = 5
    public var noticeRepeatEvery = 5
    public var startLevel = EscalationLevel.chase
    public var startLevelUrgencies: [TaskUrgency] = [.extraUrgent]
    public var startLevelOrigins = ["领导批示"]
    public var noticePrefix = "督"
    public var replyWithin = 3

    public init() {}

    /// The most working days a threshold may name (some 40 years).
    public static let maximumWorkingDays = 10_000

    /// Whether an item of `urgency` from `origin` starts at ``startLevel`` (特急, or from a listed origin).
    public func startsHigh(urgency: TaskUrgency, origin: String?) -> Bool {
        startLevelUrgencies.contains(urgency) || origin.map(startLevelOrigins.contains) == true
    }

    /// Why the rules cannot be used, in both languages; nil when they can.
    public var problem: (zh: String, en: String)? {
        let most = Self.maximumWorkingDays
        let range = 0...most
        if !range.contains(chaseAfter) || !range.contains(noticeAfter) || !range.contains(circularAfter)
            || !range.contains(replyWithin)
        {
            return ("升级天数应为0到\(most)个工作日", "thresholds are 0 to \(most) working days")
        }
        if !(1...most).contains(noticeRepeatEvery) {
            return ("督办单重发间隔应为1到\(most)个工作日", "noticeRepeatEvery is 1 to \(most) working days")
        }
        if !(chaseAfter <= noticeAfter && noticeAfter <= circularAfter) {
            return ("应满足 chaseAfter ≤ noticeAfter ≤ circularAfter", "needs chaseAfter ≤ noticeAfter ≤ circularAfter")
        }
        if noticePrefix.isEmpty || noticePrefix.count > 20 {
            return ("督办单编号前缀应为1到20个字", "noticePrefix is 1 to 20 characters")
        }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case chaseAfter, noticeAfter, circularAfter, noticeRepeatEvery, startLevel, startLevelUrgencies
        case startLevelOrigins, noticePrefix, replyWithin
    }

    /// Decodes the keys present, keeps the defaults of the others, and refuses rules with a ``problem``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        chaseAfter = try c.decodeIfPresent(Int.self, forKey: .chaseAfter) ?? chaseAfter
        noticeAfter = try c.decodeIfPresent(Int.self, forKey: .noticeAfter) ?? noticeAfter
        circularAfter = try c.decodeIfPresent(Int.self, forKey: .circularAfter) ?? circularAfter
        noticeRepeatEvery = try c.decodeIfPresent(Int.self, forKey: .noticeRepeatEvery) ?? noticeRepeatEvery
        startLevel = try c.decodeIfPresent(EscalationLevel.self, forKey: .startLevel) ?? startLevel
        startLevelUrgencies =
            try c.decodeIfPresent([TaskUrgency].self, forKey: .startLevelUrgencies) ?? startLevelUrgencies
        startLevelOrigins = try c.decodeIfPresent([String].self, forKey: .startLevelOrigins) ?? startLevelOrigins
        noticePrefix = try c.decodeIfPresent(String.self, forKey: .noticePrefix) ?? noticePrefix
        replyWithin = try c.decodeIfPresent(Int.self, forKey: .replyWithin) ?? replyWithin
        if let problem {
            let context = DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "\(problem.zh) (\(problem.en))")
            throw DecodingError.dataCorrupted(context)
        }
    }
}
