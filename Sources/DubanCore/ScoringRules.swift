public import Foundation

/// The points of the score (考核), each with its default (docs/supervision.md, "Score (考核)"). Points are
/// `Decimal`s with at most three decimals; a configuration gives them as numbers, a missing key keeps its default.
///
/// | key | default | meaning |
/// |---|---|---|
/// | `base` | 100 | 基础分: the score before deductions (and the most that can be deducted) |
/// | `lateClosure` | 2 | per item closed late (逾期办结) |
/// | `sentBack` | 1 | per 退回 |
/// | `missedFeedback` | 0.5 | per progress report missed (未按期反馈) |
/// | `unacknowledged` | 1 | per item not acknowledged past the 签收时限 |
/// | `overdue` | 2 | per item open past its due date (逾期未办结) |
/// | `leadWeight` | 1 | the lead unit's share (牵头单位) |
/// | `coUnitWeight` | 0.5 | a co-unit's share (协办单位) |
/// | `urgentWeight` | 1.5 | 急办 items |
/// | `extraUrgentWeight` | 2 | 特急 items |
///
/// A line deducts points × the unit's weight × the urgency's weight (一般 1).
public struct ScoringRules: Sendable, Hashable, Codable {
    public var base: Decimal = 100
    public var lateClosure: Decimal = 2
    public var sentBack: Decimal = 1
    public var missedFeedback = Decimal(5) / 10
    public var unacknowledged: Decimal = 1
    public var overdue: Decimal = 2
    public var leadWeight: Decimal = 1
    public var coUnitWeight = Decimal(5) / 10
    public var urgentWeight = Decimal(15) / 10
    public var extraUrgentWeight: Decimal = 2

    public init() {}

    /// The largest value a key may take.
    public static let maximum: Decimal = 1_000_000

    enum CodingKeys: String, CodingKey, CaseIterable {
        case base, lateClosure, sentBack, missedFeedback, unacknowledged, overdue, leadWeight, coUnitWeight
        case urgentWeight, extraUrgentWeight
    }

    private var all: [(CodingKeys, WritableKeyPath<ScoringRules, Decimal>)] {
        [
            (.base, \.base), (.lateClosure, \.lateClosure), (.sentBack, \.sentBack),
            (.missedFeedback, \.missedFeedback), (.unacknowledged, \.unacknowledged), (.overdue, \.overdue),
            (.leadWeight, \.leadWeight), (.coUnitWeight, \.coUnitWeight), (.urgentWeight, \.urgentWeight),
            (.extraUrgentWeight, \.extraUrgentWeight),
        ]
    }

    /// Decodes numbers (rounded to three decimals), keeps the defaults of missing keys, refuses negative ones
    /// and ones above ``maximum``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        for (key, path) in all {
            guard let number = try c.decodeIfPresent(Double.self, forKey: key) else { continue }
            guard number.isFinite, number >= 0, number <= 1_000_000 else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "扣分和权重应为0到1000000 (0 to 1,000,000)"
                )
            }
            self[keyPath: path] = Decimal(Int((number * 1_000).rounded())) / 1_000
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        for (key, path) in all {
            try c.encode(Double("\(self[keyPath: path])") ?? 0, forKey: key)
        }
    }
}
