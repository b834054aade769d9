import ArgumentParser
import DubanCalendar
import DubanControlAPI
import DubanControlClient
import Foundation

/// `dubanctl export ics|csv`: milestones as an iCalendar file (for calendar apps) or CSV (for spreadsheets).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "导出事项为 iCalendar 或 CSV。 Export milestones as iCalendar or CSV.",
        discussion: """
            默认导出所有未办结事项;--json 时输出 {"format", "bytes", "path" 或 "content"}。
            Exports every open milestone by default; with --json prints {"format", "bytes", "path" or "content"}.
            例如 / e.g.  dubanctl export ics --org kangle -o kangle.ics
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case ics, csv

        var route: APIRoute { self == .ics ? .exportICS : .exportCSV }
    }

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    @Argument(help: "格式:ics 或 csv。 Format: ics or csv.")
    var format: Format

    @Option(name: .long, help: "只导出某计划的。 Only this plan.")
    var plan: String?

    @Option(name: .long, help: "只导出某单位(含下级)的。 Only this unit (and units under it).")
    var org: String?

    @Flag(name: .customLong("no-rollup"), help: "--org 只含该单位本身。 --org means that unit only.")
    var noRollup = false

    @Option(name: .long, help: "起始日期 YYYY-MM-DD。 First due date.")
    var from: String?

    @Option(name: .long, help: "截止日期 YYYY-MM-DD。 Last due date.")
    var through: String?

    @Option(name: .long, help: "open(默认)、done、waived、closed、all。 State (default open).")
    var state: String = "open"

    @Option(name: .shortAndLong, help: "写入文件(默认标准输出)。 Write to this file (default standard output).")
    var output: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--through", through)] {
            if let value, CivilDate(iso: value) == nil {
                throw ValidationError(
                    common.t("\(name) 应为 YYYY-MM-DD:\(value)", "\(name) must be YYYY-MM-DD: \(value)")
                )
            }
        }
        guard MilestoneQuery.State(rawValue: state) != nil else {
            throw ValidationError(
                common.t("--state 应为 ", "--state must be one of ")
                    + MilestoneQuery.State.allCases.map(\.rawValue).joined(separator: ", ")
            )
        }
    }

    func run() throws {
        let query = MilestoneQuery(
            from: from,
            through: through,
            org: org,
            rollup: !noRollup,
            plan: plan,
            state: MilestoneQuery.State(rawValue: state) ?? .open,
            limit: ControlAPI.maximumLimit
        )
        let language = common.language == .en ? "en" : "zh"
        let data = try daemon.call(common) { try $0.export(format.route, query, language: language) }
        if let output {
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                Output.error(
                    common.t(
                        "无法写入 \(output):\(error.localizedDescription)",
                        "cannot write \(output): \(error.localizedDescription)"
                    )
                )
                throw ExitCode(DubanctlExit.failed)
            }
        }
        if common.json {
            struct Summary: Encodable {
                var format: String
                var bytes: Int
                var path: String?
                var content: String?
            }
            return try Output.json(
                Summary(
                    format: format.rawValue,
                    bytes: data.count,
                    path: output,
                    content: output == nil ? String(decoding: data, as: UTF8.self) : nil
                )
            )
        }
        if let output {
            Output.error(common.t("已导出 \(data.count) 字节到 \(output)", "wrote \(data.count) bytes to \(output)"))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
