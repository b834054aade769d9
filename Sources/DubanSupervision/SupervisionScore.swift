public import DubanCalendar
public import DubanCore
public import Foundation

/// One deduction of a score, for one item (or the floor), so a score reads item by item.
public struct ScoreLine: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        case lateClosure = "late_closure"
        case sentBack = "sent_back"
        case missedFeedback = "missed_feedback"
        case unacknowledged
        case overdue
        /// Deductions beyond the base given back: the score does not go below 0.
        case floor

        public var zh: String {
            switch self {
            case .lateClosure: "逾期办结"
            case .sentBack: "被退回"
            case .missedFeedback: "未按期反馈进展"
            case .unacknowledged: "超过签收时限未签收"
            case .overdue: "逾期未办结"
            case .floor: "扣分以基础分为限"
            }
        }

        public var en: String {
            switch self {
            case .lateClosure: "closed late"
            case .sentBack: "sent back"
            case .missedFeedback: "progress report missed"
            case .unacknowledged: "not acknowledged in time"
            case .overdue: "open past its due date"
            case .floor: "deductions capped at the base score"
            }
        }
    }

    /// The unit's part in the item.
    public enum Role: String, Sendable, Hashable, Codable {
        /// 牵头单位.
        case lead
        /// 协办单位.
        case coUnit = "co_unit"
    }

    /// The occurrence id; nil for the floor line.
    public var item: String?
    public var reason: Reason
    public var role: Role
    /// The item's urgency (its weight); 一般 on the floor line.
    public var urgency: TaskUrgency
    /// For a missed report: the day it was due.
    public var day: CivilDate?
    /// How many (the 退回 of the item); 1 otherwise.
    public var count: Int
    /// Points deducted: the rule's points × count × the unit's weight × the urgency's weight (negative on the
    /// floor line).
    public var points: Decimal
}

/// One unit's score, with the lines that explain it: they sum to exactly `base − score`.
public struct UnitScore: Sendable, Hashable, Codable {
    public var unit: String
    public var unitName: String
    public var score: Decimal
    public var lines: [ScoreLine]

    /// The points deducted, in total (the lines' sum).
    public var deducted: Decimal { lines.reduce(0) { $0 + $1.points } }
}

/// The score (考核) of every unit for a period, read on a day. docs/supervision.md, "Score (考核)".
///
/// Lead units (牵头单位) are charged for the items they lead that are due in the period (the circular's items,
/// ``SupervisionReport``), waived ones left out:
/// - closed late by `asOf`: `lateClosure`;
/// - overdue at the cut-off (min(`asOf`, the period's last day)) and not closed late by `asOf`: `overdue` (an
///   item is charged for being late once, as a late closure once it is closed);
/// - not acknowledged past the 签收时限 at the cut-off: `unacknowledged`;
/// - each 退回: `sentBack`.
///
/// Lead units and co-units (协办单位, who report progress with the lead) are charged `missedFeedback` for each
/// progress report due in the period up to the cut-off and missed (``LedgerItem/missedFeedback(through:calendar:)``),
/// for any item not waived. Co-units are charged `overdue` too, for the items due in the period that were overdue
/// at the cut-off, closed since or not; never for closures, send-backs or 签收, which are the lead's steps.
///
/// Each line deducts the points × the unit's weight (`leadWeight`, `coUnitWeight`) × the item's urgency weight
/// (一般 1, 急办 `urgentWeight`, 特急 `extraUrgentWeight`), in `Decimal`: no rounding. The score is `base` minus
/// the deductions, and not below 0: a last `floor` line gives back what goes beyond `base`.
public struct SupervisionScore: Sendable, Hashable, Codable {
    public var period: ReportPeriod
    public var asOf: CivilDate
    public var rules: ScoringRules
    /// By score (high first), then unit id.
    public var units: [UnitScore]

    public static func make(
        items: [LedgerItem], period: ReportPeriod, asOf day: CivilDate, rules: ScoringRules,
        calendar: WorkingDayCalendar
    ) -> SupervisionScore {
        let cutoff = min(day, period.last)
        var lines: [String: [ScoreLine]] = [:]
        var names: [String: String] = [:]
        for item in items {
            names[item.unit] = names[item.unit] ?? item.unitName
            lines[item.unit, default: []] += []
            let coUnits = Set(item.coUnits).subtracting([item.unit]).sorted()
            for unit in coUnits { lines[unit, default: []] += [] }
            guard item.state(on: day) != .waived else { continue }
            let urgency: Decimal =
                switch item.urgency {
                case .normal: 1
                case .urgent: rules.urgentWeight
                case .extraUrgent: rules.extraUrgentWeight
                }
            func line(_ reason: ScoreLine.Reason, _ role: ScoreLine.Role, day: CivilDate? = nil, count: Int = 1)
                -> ScoreLine
            {
                let points: Decimal =
                    switch reason {
                    case .lateClosure: rules.lateClosure
                    case .sentBack: rules.sentBack
                    case .missedFeedback: rules.missedFeedback
                    case .unacknowledged: rules.unacknowledged
                    case .overdue: rules.overdue
                    case .floor: 0
                    }
                let weight = role == .lead ? rules.leadWeight : rules.coUnitWeight
                return ScoreLine(
                    item: item.id, reason: reason, role: role, urgency: item.urgency, day: day,
                    count: count,
                    points: points * Decimal(count) * weight * urgency)
            }
            let record = item.record
            if period.contains(record.due) {
                let closedLate = record.closedOnTime == false && (record.closedOn.map { $0 <= day } ?? false)
                let standing = item.state(on: cutoff)
                let overdue = standing.awaitsUnit && cutoff > record.due
                if closedLate { lines[item.unit]!.append(line(.lateClosure, .lead)) }
                if overdue, !closedLate { lines[item.unit]!.append(line(.overdue, .lead)) }
                if standing == .assigned, cutoff > item.rules.acknowledgeBy(record.assignedOn, calendar: calendar) {
                    lines[item.unit]!.append(line(.unacknowledged, .lead))
                }
                if record.sentBack > 0 { lines[item.unit]!.append(line(.sentBack, .lead, count: record.sentBack)) }
                if overdue { for unit in coUnits { lines[unit]!.append(line(.overdue, .coUnit)) } }
            }
            for missed in item.missedFeedback(through: cutoff, calendar: calendar) where missed >= period.first {
                lines[item.unit]!.append(line(.missedFeedback, .lead, day: missed))
                for unit in coUnits { lines[unit]!.append(line(.missedFeedback, .coUnit, day: missed)) }
            }
        }
        let units = lines.map { unit, unitLines in
            var unitLines = unitLines
            let deducted = unitLines.reduce(Decimal(0)) { $0 + $1.points }
            if deducted > rules.base {
                unitLines.append(
                    ScoreLine(
                        item: nil, reason: .floor, role: .lead, urgency: .normal, day: nil,
                        count: 1,
                        points: rules.base - deducted))
            }
            return UnitScore(
                unit: unit, unitName: names[unit] ?? unit, score: max(0, rules.base - deducted),
                lines: unitLines)
        }
        return SupervisionScore(
            period: period, asOf: day, rules: rules,
            units: units.sorted { $0.score != $1.score ? $0.score > $1.score : $0.unit < $1.unit })
    }
}

extension ScoreLine {
    /// `逾期办结（特急）：扣4分` / `closed late: −4`, with the due day of a missed report and the count of 退回.
    public func text(_ language: Language) -> String {
        let points = "\(points < 0 ? -points : points)"
        let what = language == .en ? reason.en : reason.zh
        var detail: [String] = []
        if urgency != .normal {
            detail.append(language == .en ? urgency.rawValue.replacingOccurrences(of: "_", with: "-") : urgency.zh)
        }
        if let day { detail.append(language == .en ? "due \(day.shortText(.en))" : "\(day.shortText(.zhHans))应报") }
        if count > 1 { detail.append(language == .en ? "\(count) times" : "\(count)次") }
        if role == .coUnit, reason != .floor { detail.append(language == .en ? "as co-unit" : "协办") }
        if language == .en {
            let head = ([item].compactMap { $0 } + [what]).joined(separator: " ")
            let extra = detail.isEmpty ? "" : " (\(detail.joined(separator: ", ")))"
            return "\(head)\(extra): \(self.points < 0 ? "+" : "−")\(points)"
        }
        let head = ([item].compactMap { $0 } + [what]).joined(separator: " ")
        let extra = detail.isEmpty ? "" : "（\(detail.joined(separator: "，"))）"
        return "\(head)\(extra)：\(self.points < 0 ? "加回" : "扣")\(points)分"
    }
}
