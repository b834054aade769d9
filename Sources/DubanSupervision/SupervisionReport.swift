public import DubanCalendar
public import DubanCore

/// The figures of a circular (通报) for one period, per lead unit (牵头单位), with the item ids behind every
/// number. docs/supervision.md, "Circular (通报)", has the rules and a worked example.
///
/// A unit's items are the items it leads whose due date in force (`record.due`) falls in the period. Of those:
/// - waived: 免办 by `asOf`; a waived item counts only here (not below, not in the rate);
/// - closed on time: `closedOnTime == true` and closed by `asOf`; closed late: `closedOnTime == false`, closed
///   by `asOf`;
/// - overdue: at the cut-off C = min(`asOf`, the period's last day), the unit was still to act (待签收, 办理中,
///   申请延期) and C is after the due date;
/// - unacknowledged: at C, still 待签收 and C is after the 签收时限;
/// - sent back: the items' 退回 counts, summed;
/// - 按时办结率 = closed on time ÷ (due − waived); none when the divisor is 0.
///
/// Ranking: units with a rate first, by rate (high first), then overdue (few first), then unit id; then units
/// without a rate, by overdue, then id. Ranks are positions 1, 2, 3 … The bottom N are the last N units with a
/// rate, leaving out a clean record (100%, nothing overdue), and taking in the units tied (same rate, same
/// overdue) with the best-ranked one named. The change of the rate is against the previous period of the same
/// kind, computed the same way with the same `asOf`.
public struct SupervisionReport: Sendable, Hashable, Codable {
    public var period: ReportPeriod
    public var asOf: CivilDate
    /// The day overdue and unacknowledged are read on: min(`asOf`, the period's last day).
    public var cutoff: CivilDate
    /// In rank order.
    public var units: [UnitFigures]
    /// The units named at the bottom (ids, in rank order).
    public var bottom: [String]

    /// A rate as the fraction it is, for exact comparison.
    public struct Rate: Sendable, Hashable, Codable {
        public var numerator: Int
        /// More than 0.
        public var denominator: Int

        public init(numerator: Int, denominator: Int) {
            self.numerator = numerator
            self.denominator = denominator
        }

        /// The rate, 0…1.
        public var value: Double { Double(numerator) / Double(denominator) }

        /// Tenths of a percent, rounded half up: 7/8 → 875.
        public var permille: Int { (numerator * 2_000 + denominator) / (denominator * 2) }

        /// `87.5%`.
        public var percentText: String { "\(permille / 10).\(permille % 10)%" }

        /// Whether `self` is higher than `other` (cross-multiplied, no rounding).
        public func isHigher(than other: Rate) -> Bool {
            numerator * other.denominator > other.numerator * denominator
        }

        public func isEqual(to other: Rate) -> Bool {
            numerator * other.denominator == other.numerator * denominator
        }
    }

    /// An item with a count (its 退回).
    public struct ItemCount: Sendable, Hashable, Codable {
        public var item: String
        public var count: Int

        public init(item: String, count: Int) {
            self.item = item
            self.count = count
        }
    }

    /// One lead unit's figures, each with the item ids behind it.
    public struct UnitFigures: Sendable, Hashable, Codable {
        public var unit: String
        public var unitName: String
        /// 1 for the best.
        public var rank = 0
        public var due: [String] = []
        public var waived: [String] = []
        public var closedOnTime: [String] = []
        public var closedLate: [String] = []
        public var overdue: [String] = []
        public var unacknowledged: [String] = []
        public var sentBack: [ItemCount] = []
        /// Named by the escalation ladder (通报): items of the unit, whatever their due date, whose ladder reached
        /// 通报 on a day of the period up to the cut-off (with the ladder's rules only; empty without them).
        public var escalated: [String] = []
        /// 按时办结率: ``closedOnTime`` ÷ (``due`` − ``waived``).
        public var onTimeRate: Rate?
        /// The rate of the previous period.
        public var previousRate: Rate?
        /// The rate minus the previous one, in tenths of a percentage point (125 is +12.5 个百分点).
        public var rateChangePermille: Int?

        /// 退回, in total.
        public var sentBackTotal: Int { sentBack.reduce(0) { $0 + $1.count } }
    }

    /// The circular's figures for `period`, read on `asOf`.
    /// - Parameters:
    ///   - bottom: how many units to name at the bottom (0 for none).
    ///   - ladder: the escalation ladder's rules, to name the items that reached 通报 (``UnitFigures/escalated``).
    public static func make(
        items: [LedgerItem], period: ReportPeriod, asOf day: CivilDate, calendar: WorkingDayCalendar,
        bottom: Int = 3, ladder: EscalationRules? = nil
    ) -> SupervisionReport {
        let previous = Dictionary(
            figures(items: items, period: period.previous, asOf: day, calendar: calendar).map { ($0.unit, $0) },
            uniquingKeysWith: { first, _ in first })
        var units = figures(items: items, period: period, asOf: day, calendar: calendar, ladder: ladder).map { figures in
            var figures = figures
            figures.previousRate = previous[figures.unit]?.onTimeRate
            if let rate = figures.onTimeRate, let before = figures.previousRate {
                let difference = rate.numerator * before.denominator - before.numerator * rate.denominator
                let scale = rate.denominator * before.denominator
                // Tenths of a point, rounded half away from zero.
                let magnitude = (abs(difference) * 2_000 + scale) / (scale * 2)
                figures.rateChangePermille = difference < 0 ? -magnitude : magnitude
            }
            return figures
        }
        units.sort(by: ranksAbove)
        for index in units.indices { units[index].rank = index + 1 }
        return SupervisionReport(
            period: period, asOf: day, cutoff: min(day, period.last), units: units,
            bottom: named(units, bottom: bottom))
    }

    /// Every lead unit's figures for `period` on `asOf`, unranked, by unit id.
    static func figures(
        items: [LedgerItem], period: ReportPeriod, asOf day: CivilDate, calendar: WorkingDayCalendar,
        ladder: EscalationRules? = nil
    ) -> [UnitFigures] {
        let cutoff = min(day, period.last)
        var byUnit: [String: UnitFigures] = [:]
        for item in items {
            var unit = byUnit[item.unit] ?? UnitFigures(unit: item.unit, unitName: item.unitName)
            defer { byUnit[item.unit] = unit }
            let record = item.record
            if let ladder, cutoff >= period.first,
                EscalationLadder.events(for: item, through: cutoff, rules: ladder, calendar: calendar)
                    .contains(where: { $0.level == .circular && period.contains($0.day) })
            {
                unit.escalated.append(item.id)
            }
            guard period.contains(record.due) else { continue }
            unit.due.append(item.id)
            if item.state(on: day) == .waived {
                unit.waived.append(item.id)
                continue
            }
            if let onTime = record.closedOnTime, let closedOn = record.closedOn, closedOn <= day {
                if onTime { unit.closedOnTime.append(item.id) } else { unit.closedLate.append(item.id) }
            }
            let standing = item.state(on: cutoff)
            if standing.awaitsUnit, cutoff > record.due { unit.overdue.append(item.id) }
            if standing == .assigned, cutoff > item.rules.acknowledgeBy(record.assignedOn, calendar: calendar) {
                unit.unacknowledged.append(item.id)
            }
            if record.sentBack > 0 { unit.sentBack.append(ItemCount(item: item.id, count: record.sentBack)) }
        }
        return byUnit.values.map { figures in
            var figures = figures
            let divisor = figures.due.count - figures.waived.count
            figures.onTimeRate = divisor > 0 ? Rate(numerator: figures.closedOnTime.count, denominator: divisor) : nil
            return figures
        }.sorted { $0.unit < $1.unit }
    }

    /// The ranking order: rate (high first; none last), overdue (few first), unit id.
    static func ranksAbove(_ a: UnitFigures, _ b: UnitFigures) -> Bool {
        switch (a.onTimeRate, b.onTimeRate) {
        case (let x?, let y?) where !x.isEqual(to: y): return x.isHigher(than: y)
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.overdue.count != b.overdue.count { return a.overdue.count < b.overdue.count }
        return a.unit < b.unit
    }

    /// The bottom `count` ranked units with a rate, clean records left out, ties with the best one named taken in.
    static func named(_ ranked: [UnitFigures], bottom count: Int) -> [String] {
        let candidates = ranked.filter { figures in
            guard let rate = figures.onTimeRate else { return false }
            return !(rate.numerator == rate.denominator && figures.overdue.isEmpty)
        }
        guard count > 0, !candidates.isEmpty else { return [] }
        var first = max(0, candidates.count - count)
        func tied(_ a: UnitFigures, _ b: UnitFigures) -> Bool {
            a.onTimeRate!.isEqual(to: b.onTimeRate!) && a.overdue.count == b.overdue.count
        }
        while first > 0, tied(candidates[first - 1], candidates[first]) { first -= 1 }
        return candidates[first...].map(\.unit)
    }
}
