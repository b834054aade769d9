import ArgumentParser
import DubanCalendar
import DubanControlAPI
import DubanControlClient
import DubanCore
import Foundation

/// `dubanctl show ID`: one occurrence with its dates, state, reminders, progress or readings, and history.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "查看一个事项的详情与历史。 Show one occurrence with its history."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    @Argument(help: "事项编号,如 plan/task/unit/period。 Occurrence id, e.g. plan/task/unit/period.")
    var id: String

    func run() throws {
        let detail = try daemon.call(common) { try $0.occurrence(id) }
        if common.json { return try Output.json(detail) }
        for line in ShowCommand.lines(detail, common: common) { Output.line(line) }
    }

    static func lines(_ detail: OccurrenceDetail, common: CommonOptions) -> [String] {
        let language = common.language
        let m = detail.occurrence
        let zone = (try? common.settings().timeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
        var due = DisplayText.date(m.due, language)
        if m.state == "open" {
            let left = DisplayText.workingDaysLeft(m.workingDaysLeft, language)
            due += " · " + (m.overdue ? Terminal.color(left, .red) : left)
        }
        if let nominal = m.nominalDue, nominal != m.due {
            due += common.t(
                "(原定 \(DisplayText.date(nominal, language)))",
                " (nominally \(DisplayText.date(nominal, language)))"
            )
        }
        if m.extendedWorkingDays > 0 {
            due += common.t(",已延期\(m.extendedWorkingDays)个工作日", ", extended by \(m.extendedWorkingDays) working days")
        }
        if m.provisional { due += common.t(" 暂定(缺节假日数据)", " provisional (no holiday data)") }
        var state = DisplayText.state(m.state, language)
        if let actor = m.actor, let at = m.changedAt {
            state += common.t(
                "(\(actor),\(DisplayText.instant(at, timeZone: zone)))",
                " (\(actor), \(DisplayText.instant(at, timeZone: zone)))"
            )
        }
        var rows: [(String, String)] = [
            (common.t("编号", "Id"), m.id),
            (common.t("计划", "Plan"), "\(m.planTitle) (\(m.plan))"),
            (common.t("类型", "Kind"), DisplayText.kind(m.kind, language)),
            (common.t("承办单位", "Unit"), "\(m.orgName) (\(m.org))"),
            (common.t("周期", "Period"), m.period),
        ]
        if let start = m.start { rows.append((common.t("起始日", "Starts"), DisplayText.date(start, language))) }
        rows.append((common.t("到期日", "Due"), due))
        rows.append((common.t("状态", "State"), state))
        if let note = m.note { rows.append((common.t("说明", "Note"), note)) }
        if let evidence = m.evidence { rows.append((common.t("佐证", "Evidence"), evidence)) }
        if !m.tags.isEmpty { rows.append((common.t("标签", "Tags"), m.tags.joined(separator: ", "))) }
        if !detail.reminders.isEmpty {
            rows.append(
                (
                    common.t("提醒日", "Reminders"),
                    detail.reminders.map { DisplayText.date($0, language) }.joined(separator: ", ")
                )
            )
        }
        if let progress = detail.progress {
            rows.append((common.t("进度", "Progress"), ShowCommand.progressText(progress, common: common)))
        }
        if let readings = detail.readings {
            rows.append((common.t("读数", "Readings"), ShowCommand.readingsText(readings, common: common)))
        }
        let width = rows.map { Terminal.displayWidth($0.0) }.max() ?? 0
        var lines = [Terminal.color("\(m.title) · \(m.orgName)", .bold)]
        lines += rows.map { Terminal.pad($0.0, to: width) + "  " + $0.1 }
        if !detail.history.isEmpty {
            lines.append(common.t("历史:", "History:"))
            let table = Terminal.table(
                header: [
                    common.t("时间", "At"), common.t("用户 (uid)", "User (uid)"), common.t("操作", "Action"),
                    common.t("请求编号", "Request id"),
                ],
                rows: detail.history.map {
                    [
                        DisplayText.instant($0.at, timeZone: zone), "\($0.user) (\($0.uid))", $0.action,
                        $0.requestID ?? "",
                    ]
                }
            )
            lines += table.split(separator: "\n").map { "  " + $0 }
        }
        return lines
    }

    /// `120 / 200 份(60.0%),应达 110(按工作日比例),进度正常`.
    static func progressText(_ p: ProgressReport, common: CommonOptions) -> String {
        let unit = p.unit.map { common.language == .en ? " \($0)" : $0 } ?? ""
        var text = DisplayText.amount(p.achieved)
        if let quota = p.quota {
            text += " / " + DisplayText.amount(quota) + unit
            if quota > 0 { text += " (\(DisplayText.percent(p.achieved / quota)))" }
        } else {
            text += unit
        }
        if let expected = p.expectedByNow, expected > 0 {
            text += common.t(
                ",应达 \(DisplayText.amount(expected.rounded()))",
                ", expected by now \(DisplayText.amount(expected.rounded()))"
            )
            text += p.onTrack ? common.t(",进度正常", ", on track") : Terminal.color(common.t(",进度落后", ", behind"), .yellow)
        }
        return text
    }

    /// `87.5(目标 ≥ 90,2025-12-31),3 次读数,趋势 +1.2/年`.
    static func readingsText(_ r: ReadingsReport, common: CommonOptions) -> String {
        var text = r.latest.map(DisplayText.amount) ?? common.t("尚无读数", "no readings yet")
        if let unit = r.unit { text += unit }
        if let target = r.targetValue {
            let symbols = [">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<"]
            let comparator = symbols[r.comparator ?? ">="] ?? (r.comparator ?? "≥")
            let date = r.targetDate.map { ", " + $0 } ?? ""
            text += common.t(
                "(目标 \(comparator) \(DisplayText.amount(target))\(date))",
                " (target \(comparator) \(DisplayText.amount(target))\(date))"
            )
        }
        text += common.t(",\(r.readings.count) 次读数", ", \(r.readings.count) readings")
        if let met = r.met { text += met ? common.t(",已达标", ", met") : common.t(",未达标", ", not met") }
        if let trend = r.trend {
            let sign = trend.slopePerYear >= 0 ? "+" : ""
            text += common.t(
                ",趋势 \(sign)\(DisplayText.amount((trend.slopePerYear * 100).rounded() / 100))/年",
                ", trend \(sign)\(DisplayText.amount((trend.slopePerYear * 100).rounded() / 100))/year"
            )
        }
        return text
    }
}
