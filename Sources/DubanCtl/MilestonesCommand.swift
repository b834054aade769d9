import ArgumentParser
import DubanCalendar
import DubanCore
import DubanPlanFiles
import Foundation

/// `dubanctl milestones`: upcoming occurrences. Offline (`--plans DIR`) it expands the plan files itself.
struct MilestonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestones",
        abstract: "列出即将到期的节点。 List upcoming milestones.",
        discussion: """
            离线模式:--plans 指向计划目录(含 org.yaml),直接由计划文件展开。
            Offline: --plans points at a plan directory (with org.yaml) and expands the files directly.
            例如 / e.g.  dubanctl milestones --plans examples/ --from 2022-06-01 --within 60d
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "计划文件或目录(离线模式)。 Plan files or directory (offline mode).")
    var plans: [String] = []

    @Option(name: .long, help: "组织机构文件。 Org directory file.")
    var org: String?

    @Option(name: .long, help: "起算日期(默认今天)。 Reference date (default today).")
    var from: String = "today"

    @Option(name: .long, help: "时间范围,如 30d、8w、3m(默认 30d)。 Range: 30d, 8w, 3m (default 30d).")
    var within: String = "30d"

    @Option(name: .long, help: "只列 N 个工作日内到期的。 Only those due within N working days.")
    var workdays: Int?

    @Option(name: .customLong("org-unit"), help: "只列某机构(含下级)的。 Only this unit (and units under it).")
    var orgUnit: String?

    @Option(name: .long, help: "只列某计划的。 Only this plan.")
    var plan: String?

    @Option(name: .long, help: "最多列出条数(默认 200)。 Maximum rows (default 200).")
    var limit: Int = 200

    func validate() throws {
        guard !plans.isEmpty || common.config != nil else {
            throw ValidationError(
                "尚未连接守护进程;请用 --plans 指定计划目录离线查看。 / No daemon connection yet: use --plans DIR to work offline.")
        }
        guard MilestonesCommand.days(in: within) != nil else {
            throw ValidationError("--within 应为 30d、8w 或 3m 之类 / --within must look like 30d, 8w or 3m")
        }
    }

    static func days(in text: String) -> Int? {
        guard let unit = text.last, let n = Int(text.dropLast()), n >= 0 else { return Int(text) }
        switch unit {
        case "d", "天": return n
        case "w", "周": return n * 7
        case "m", "月": return n * 31
        case "y", "年": return n * 366
        default: return nil
        }
    }

    func run() throws {
        let language = common.language
        let calendar = try common.calendar()
        let configuration = try common.configuration()
        let set: PlanSet
        do {
            let sources: PlanSources
            if plans.isEmpty {
                sources = try PlanSources.resolve(
                    paths: [configuration.plans], org: org ?? configuration.org, schoolDirectory: configuration.schoolCalendars)
            } else {
                sources = try PlanSources.resolve(paths: plans, org: org)
            }
            set = try PlanSetLoader.load(sources, settings: configuration.site)
        } catch {
            Output.diagnostics(error.diagnostics, language: language)
            throw ExitCode(DubanctlExit.failed)
        }
        let schedule = Schedule(
            plans: set.plans, directory: set.directory, calendar: calendar, settings: configuration.site,
            schoolCalendars: set.schoolCalendars)
        let start = try parseDate(from, settings: schedule.settings)
        var end = start.adding(days: MilestonesCommand.days(in: within) ?? 30)
        if let workdays { end = min(end, calendar.adding(workingDays: workdays, to: start)) }
        var occurrences = schedule.expand(from: start, through: end)
        if let plan { occurrences = occurrences.filter { schedule.plan(of: $0).id == plan } }
        if let orgUnit {
            occurrences = occurrences.filter {
                let unit = schedule.unit(of: $0).id
                return unit == orgUnit || schedule.directory.ancestors(of: unit).contains(orgUnit)
            }
        }
        let total = occurrences.count
        let summaries = occurrences.prefix(max(0, limit)).map { schedule.summary(of: $0, reference: start) }
        if common.json {
            try Output.json(summaries)
            return
        }
        Output.line(
            common.t(
                "\(start.withWeekday(language)) 起至 \(end) 到期的节点:共 \(total) 个" + (total > summaries.count ? ",列出前 \(summaries.count) 个" : ""),
                "Milestones due \(start) through \(end): \(total)" + (total > summaries.count ? ", showing \(summaries.count)" : "")))
        let rows = summaries.map { s -> [String] in
            var due = s.due.withWeekday(language)
            if s.provisional { due += common.t(" 暂定", " provisional") }
            let left = s.workingDaysLeft.map { common.t("\($0)个工作日", "\($0) wd") } ?? ""
            var title = s.title
            if let note = s.rollNote { title += "(" + note.text(language) + ")" }
            return [due, left, title, s.orgName, s.id]
        }
        Output.line(
            Terminal.table(
                header: [common.t("到期日", "Due"), common.t("剩余", "Left"), common.t("任务", "Task"), common.t("承办单位", "Unit"), common.t("编号", "Id")],
                rows: rows))
    }
}
