import ArgumentParser
import DubanCalendar
import DubanControlAPI
import DubanControlClient
import Foundation

// The supervision loop's records for officials: the ledger (台账), the circular (通报) and the score (考核).

/// `dubanctl ledger [--plan P] [--org U] [--format table|csv] [-o FILE]`.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "督办台账:每个事项的交办、签收、反馈、延期、办结、审核、销号时间。 The ledger: every step's day per item.",
        discussion: "例如 / e.g.  dubanctl ledger --org kangle --format xlsx -o kangle.xlsx"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, xlsx
    }

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @Option(name: .long, help: "计划。 A plan.")
    var plan: String?
    @Option(name: .long, help: "单位(含下级)。 An org unit (with those below it).")
    var org: String?
    @Option(name: .long, help: "table(默认)、csv 或 xlsx(须 -o)。 table (default), csv, or xlsx (needs -o).")
    var format: Format = .table
    @Option(name: .shortAndLong, help: "写入文件(默认标准输出)。 Write to this file (default standard output).")
    var output: String?

    func run() throws {
        let query = MilestoneQuery(org: org, plan: plan, state: .all, limit: ControlAPI.maximumLimit)
        if format == .xlsx, output == nil {
            throw ValidationError(common.t("xlsx 须用 -o 指定文件", "xlsx needs -o FILE"))
        }
        if format != .table {
            let route: APIRoute = format == .csv ? .ledgerCSV : .ledgerXLSX
            let data = try daemon.call(common) { try $0.export(route, query, language: "zh") }
            if let output {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
                Output.error(common.t("已导出 \(data.count) 字节到 \(output)", "wrote \(data.count) bytes to \(output)"))
            } else {
                FileHandle.standardOutput.write(data)
            }
            return
        }
        let page = try daemon.call(common) { try $0.ledger(query) }
        if common.json { return try Output.json(page) }
        let header =
            common.language == .en
            ? ["unit", "item", "stage", "light", "assigned", "acked", "reports", "extensions", "closed", "struck off"]
            : ["单位", "事项", "状态", "灯", "交办", "签收", "反馈", "延期", "办结", "销号"]
        let rows = page.items.map { e in
            [
                e.occurrence.orgName, e.occurrence.title, e.occurrence.stageName,
                e.occurrence.lightSymbol + e.occurrence.lightName, e.assigned, e.acknowledged ?? "—",
                String(e.feedback.count), e.extensionRequests.joined(separator: "；"), e.closed ?? "—", e.struckOff ?? "—",
            ]
        }
        Output.line(Terminal.table(header: header, rows: rows))
        Output.line(common.t("共 \(page.total) 项", "\(page.total) items"))
    }
}

/// `dubanctl report --period 2026-11`: the circular.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "督办通报:按时办结率、逾期、未签收、退回、排名与后进单位。 The circular of a month, quarter or year."
    )
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @Option(name: .long, help: "期间:2026-11、2026-Q4 或 2026。 The period: 2026-11, 2026-Q4 or 2026.")
    var period: String
    @Option(name: .long, help: "计划。 A plan.")
    var plan: String?

    func run() throws {
        let report = try daemon.call(common) { try $0.report(PeriodQuery(period: period, plan: plan)) }
        if common.json { return try Output.json(report) }
        Output.line(common.language == .en ? report.textEn : report.textZh)
    }
}

/// `dubanctl score --period 2026`: the score per unit, each deduction explained.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "督办考核得分,逐项说明扣分。 The score per unit, each deduction explained.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @Option(name: .long, help: "期间:2026-11、2026-Q4 或 2026。 The period: 2026-11, 2026-Q4 or 2026.")
    var period: String
    @Option(name: .long, help: "计划。 A plan.")
    var plan: String?

    func run() throws {
        let score = try daemon.call(common) { try $0.score(PeriodQuery(period: period, plan: plan)) }
        if common.json { return try Output.json(score) }
        Output.line(common.t("督办考核 \(score.period)(基础分 \(score.base),截至 \(score.cutoff))", "score for \(score.period) (base \(score.base), as of \(score.cutoff))"))
        for unit in score.units {
            Output.line("\(unit.orgName)  \(unit.score)" + (unit.lines.isEmpty ? "" : common.t("(扣 \(unit.deducted))", " (−\(unit.deducted))")))
            for line in unit.lines { Output.line("  − \(line.points)  \(common.language == .en ? line.textEn : line.textZh)") }
        }
    }
}
