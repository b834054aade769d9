public import DubanCalendar

extension SupervisionReport.UnitFigures {
    /// `+12.5个百分点` / `+12.5 pts`; nil without a previous rate.
    public func rateChangeText(_ language: Language) -> String? {
        guard let change = rateChangePermille else { return nil }
        let sign = change > 0 ? "+" : change < 0 ? "-" : "±"
        let number = "\(sign)\(abs(change) / 10).\(abs(change) % 10)"
        return language == .en ? "\(number) pts" : "\(number)个百分点"
    }
}

extension SupervisionReport {
    /// The circular as plain text: a title, one line per unit in rank order, the units named at the bottom.
    public func text(_ language: Language = .zhHans) -> String {
        let en = language == .en
        var lines = [
            en
                ? "Supervision circular, \(period.en) (as of \(asOf.shortText(.en, withYear: true)))"
                : "\(period.zh)督办事项通报（截至\(asOf.shortText(.zhHans, withYear: true))）",
            "",
        ]
        for unit in units {
            let rate = unit.onTimeRate?.percentText ?? "—"
            let change = unit.rateChangeText(language).map { en ? " (\($0))" : "（较上期\($0)）" } ?? ""
            lines.append(
                en
                    ? "\(unit.rank). \(unit.unitName): \(unit.due.count) due, \(unit.waived.count) waived, "
                        + "\(unit.closedOnTime.count) closed on time, on-time rate \(rate)\(change), "
                        + "\(unit.overdue.count) overdue, \(unit.unacknowledged.count) not acknowledged, "
                        + "sent back \(unit.sentBackTotal) time(s)"
                    : "\(unit.rank). \(unit.unitName)：应办结\(unit.due.count)项，免办\(unit.waived.count)项，"
                        + "按时办结\(unit.closedOnTime.count)项，按时办结率\(rate)\(change)，"
                        + "逾期未办结\(unit.overdue.count)项，超时未签收\(unit.unacknowledged.count)项，"
                        + "退回\(unit.sentBackTotal)次")
        }
        let escalated = units.filter { !$0.escalated.isEmpty }
        if !escalated.isEmpty {
            lines.append("")
            lines.append(en ? "Named by the escalation ladder:" : "升级通报：")
            for unit in escalated {
                lines.append(
                    en
                        ? "  \(unit.unitName): \(unit.escalated.count) item(s) past the limit without progress"
                        : "  \(unit.unitName)：\(unit.escalated.count)项超过时限无进展")
            }
        }
        if !bottom.isEmpty {
            let names = bottom.map { id in units.first { $0.unit == id }?.unitName ?? id }
            lines.append("")
            lines.append(
                en ? "At the bottom: " + names.joined(separator: ", ") : "排名靠后：" + names.joined(separator: "、"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
