import ArgumentParser
import DubanCalendar
import DubanCore
import DubanPlanFiles
import Foundation

/// `dubanctl check`: validates plan files and the org directory offline.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查计划文件与组织机构文件。 Check plan files and the org directory.",
        discussion: """
            路径可以是计划文件或目录;目录中的 *.yaml(及其 plans/ 子目录)都视为计划文件,\
            org.yaml 为组织机构文件。每个错误以 文件:行:列 报告;有错误时退出码为 1。
            Paths are plan files or directories (plans/*.yaml when there is a plans/ folder, else their *.yaml); org.yaml is the org directory. \
            Every error is reported as file:line:column; exit code 1 when there are errors.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "组织机构文件(默认在目录中寻找 org.yaml)。 Org directory file (default: org.yaml nearby).")
    var org: String?

    @Argument(help: "计划文件或目录。 Plan files or directories.")
    var paths: [String] = ["."]

    struct Report: Encodable {
        var ok: Bool
        var orgFile: String?
        var planFiles: [String]
        var plans: [PlanSummary]
        var schoolCalendars: [String] = []
        var diagnostics: [Diagnostic]
        enum CodingKeys: String, CodingKey {
            case ok, plans, diagnostics
            case orgFile = "org_file"
            case planFiles = "plan_files"
            case schoolCalendars = "school_calendars"
        }
    }

    struct PlanSummary: Encodable {
        var id: String
        var title: String
        var file: String?
        var tasks: Int
        var kinds: [String: Int]
        var occurrences: Int
    }

    func run() throws {
        let language = common.language
        let calendar = try common.calendar()
        var sources = PlanSources(planFiles: [], orgFile: org)
        var report = Report(ok: false, orgFile: nil, planFiles: [], plans: [], diagnostics: [])
        do {
            sources = try PlanSources.resolve(paths: paths, org: org)
            report.orgFile = sources.orgFile
            report.planFiles = sources.planFiles
            let settings = try common.settings()
            let set = try PlanSetLoader.load(sources, settings: settings)
            let schedule = Schedule(
                plans: set.plans, directory: set.directory, calendar: calendar, settings: settings,
                schoolCalendars: set.schoolCalendars)
            report.ok = true
            report.diagnostics = set.warnings
            report.schoolCalendars = set.schoolCalendars.map(\.org)
            for (index, plan) in schedule.plans.enumerated() {
                var kinds: [String: Int] = [:]
                for task in plan.tasks { kinds[task.kind.rawValue, default: 0] += 1 }
                let count = schedule.tasks.indices.filter { schedule.tasks[$0].plan == index }.reduce(0) { total, i in
                    total + schedule.occurrences(ofTask: i, from: .startOfYear(1990), through: .endOfYear(2035)).count
                }
                report.plans.append(
                    PlanSummary(id: plan.id, title: plan.title, file: plan.file, tasks: plan.tasks.count, kinds: kinds, occurrences: count))
            }
        } catch let error as DiagnosticsError {
            report.diagnostics = error.diagnostics
        }
        if common.json {
            try Output.json(report)
        } else {
            Output.diagnostics(report.diagnostics, language: language)
            if report.ok {
                for plan in report.plans {
                    Output.line(
                        common.t(
                            "✓ \(plan.file ?? plan.id):计划 \(plan.id)「\(plan.title)」,\(plan.tasks) 项任务,\(plan.occurrences) 个事项",
                            "✓ \(plan.file ?? plan.id): plan \(plan.id) \"\(plan.title)\", \(plan.tasks) tasks, \(plan.occurrences) occurrences"))
                }
                if let orgFile = report.orgFile {
                    Output.line(common.t("✓ \(orgFile):组织机构文件", "✓ \(orgFile): org directory"))
                }
                if let dir = sources.schoolDirectory {
                    let list = report.schoolCalendars.joined(separator: ", ")
                    Output.line(
                        common.t(
                            "✓ \(dir):\(report.schoolCalendars.count) 份校历(\(list))",
                            "✓ \(dir): \(report.schoolCalendars.count) school calendar(s) (\(list))"))
                }
            } else {
                let errors = report.diagnostics.filter { $0.severity == .error }.count
                Output.error(common.t("检查未通过:\(errors) 个错误。", "check failed: \(errors) error(s)."))
            }
        }
        if !report.ok { throw ExitCode(DubanctlExit.failed) }
    }
}
