import ArgumentParser
import DubanCalendar
import DubanControlAPI
import DubanControlClient
import DubanCore
import DubanPlanFiles
import Foundation

/// `dubanctl milestones`: upcoming (or overdue) occurrences. Online it asks the daemon, which knows what is done;
/// offline (`--plans DIR`) it expands the plan files itself.
struct MilestonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestones",
        abstract: "列出即将到期或已逾期的事项。 List upcoming or overdue milestones.",
        discussion: """
            默认询问守护进程(--socket 或 --config 的 socket);给出 --plans 时离线展开计划文件(不知办结情况)。
            守护进程不可达且给了 --config 时,改用配置里的计划离线列出。
            By default asks the daemon (--socket, or the config's socket); with --plans it expands plan files offline
            (without knowing what is done). With --config and no daemon it falls back to the configured plans.
            例如 / e.g.  dubanctl milestones --within 30d --org linxia
                         dubanctl milestones --overdue
                         dubanctl milestones --plans examples/ --from 2022-06-01 --within 60d
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    @Option(name: .long, help: "时间范围,如 30d、8w、3m(默认 30d)。 Range: 30d, 8w, 3m (default 30d).")
    var within: String?

    @Option(name: .long, help: "只列 N 个工作日内到期的。 Only those due within N working days.")
    var workdays: Int?

    @Flag(name: .long, help: "只列已逾期未办结的。 Only open ones past their due date.")
    var overdue = false

    @Option(name: .long, help: "只列某单位的,含其下级单位(汇总)。 Only this unit, with the units under it (roll-up).")
    var org: String?

    @Flag(name: .customLong("no-rollup"), help: "--org 只含该单位本身。 --org means that unit only.")
    var noRollup = false

    @Option(name: .customLong("org-unit"), help: .hidden)
    var orgUnit: String?

    @Option(name: .long, help: "只列某计划的。 Only this plan.")
    var plan: String?

    @Option(name: .long, help: "任务类型。 Task kind (deadline, recurring, quota, target, procedural, ongoing).")
    var kind: String?

    @Option(name: .long, help: "只列带此标签的。 Only tasks with this tag.")
    var tag: String?

    @Option(name: .long, help: "open(默认)、done、waived、closed、all。 State (default open).")
    var state: String = "open"

    @Option(name: .long, help: "起始日期 YYYY-MM-DD(默认今天)。 First due date (default today).")
    var from: String?

    @Option(name: .long, help: "截止日期 YYYY-MM-DD。 Last due date.")
    var through: String?

    @Option(name: .long, help: "最多列出条数(默认 100)。 Maximum rows (default 100).")
    var limit: Int = ControlAPI.defaultLimit

    @Option(name: .long, help: "离线模式:计划文件或目录。 Offline: plan files or directory.")
    var plans: [String] = []

    @Option(name: .customLong("org-file"), help: "离线模式:组织机构文件。 Offline: the org directory file.")
    var orgFile: String?

    var unit: String? { org ?? orgUnit }

    func validate() throws {
        if let within, ArgumentValues.days(in: within) == nil {
            throw ValidationError(common.t("--within 应为 30d、8w 或 3m 之类", "--within must look like 30d, 8w or 3m"))
        }
        if let workdays, workdays < 0 {
            throw ValidationError(common.t("--workdays 不能为负", "--workdays must not be negative"))
        }
        if let from, from != "today", from != "今天", CivilDate(iso: from) == nil {
            throw ValidationError(common.t("--from 应为 YYYY-MM-DD:\(from)", "--from must be YYYY-MM-DD: \(from)"))
        }
        if let through, CivilDate(iso: through) == nil {
            throw ValidationError(
                common.t("--through 应为 YYYY-MM-DD:\(through)", "--through must be YYYY-MM-DD: \(through)")
            )
        }
        if let kind, !MilestoneQuery.kinds.contains(kind) {
            throw ValidationError(
                common.t("--kind 应为 ", "--kind must be one of ") + MilestoneQuery.kinds.joined(separator: ", ")
            )
        }
        guard MilestoneQuery.State(rawValue: state) != nil else {
            throw ValidationError(
                common.t("--state 应为 ", "--state must be one of ")
                    + MilestoneQuery.State.allCases.map(\.rawValue).joined(separator: ", ")
            )
        }
        try validateLimit(limit, common)
    }

    func run() throws {
        if !plans.isEmpty { return try runOffline() }
        let client = try daemon.client(common)
        let query = try onlineQuery()
        let page: Page<Milestone>
        do {
            page = try client.milestones(query)
        } catch {
            // `milestones` throws only ControlClientError (typed throws).
            if error.code == .unreachable && daemon.socket == nil && common.config != nil {
                Output.error(
                    common.t(
                        "守护进程不可达,改用配置中的计划离线列出(不含办结情况)。",
                        "the daemon is unreachable; listing the configured plans offline (without completion state)."
                    )
                )
                return try runOffline()
            }
            DaemonFailure.report(error, common: common)
            throw ExitCode(DaemonFailure.exitCode(for: error))
        }
        if common.json { return try Output.json(page) }
        Output.line(MilestonesCommand.table(page.items, common: common))
        Output.line(footer(shown: page.items.count, total: page.total, common))
    }

    /// The daemon's query. Without `--from` the range counts from the daemon's today (it may run a rehearsal
    /// clock); with `--from` the range is computed here from that day.
    func onlineQuery() throws -> MilestoneQuery {
        var query = MilestoneQuery(
            through: through,
            overdue: overdue,
            org: unit,
            rollup: !noRollup,
            plan: plan,
            kind: kind,
            tag: tag,
            state: MilestoneQuery.State(rawValue: state) ?? .open,
            limit: limit
        )
        let span = within.flatMap(ArgumentValues.days(in:))
        if let from {
            let start = try parseDate(from, settings: common.settings())
            query.from = start.description
            var end = through.flatMap { CivilDate(iso: $0) }
            if let span { end = min(end ?? start.adding(days: span), start.adding(days: span)) }
            if let workdays {
                let limitDay = try common.calendar().adding(workingDays: workdays, to: start)
                end = min(end ?? limitDay, limitDay)
            }
            query.through = end?.description
        } else {
            query.withinDays = span
            query.withinWorkingDays = workdays
            if span == nil && workdays == nil && through == nil && !overdue { query.withinDays = 30 }
        }
        return query
    }

    /// Due date with weekday, working days left (coloured), task, unit, state, id.
    static func table(_ items: [Milestone], common: CommonOptions) -> String {
        let language = common.language
        let rows = items.map { m -> [String] in
            var due = DisplayText.date(m.due, language)
            if m.provisional { due += common.t(" 暂定", " provisional") }
            var left = m.state == "open" ? DisplayText.workingDaysLeft(m.workingDaysLeft, language) : ""
            if m.overdue {
                left = Terminal.color(left, .red)
            } else if m.state == "open" && m.workingDaysLeft <= 3 {
                left = Terminal.color(left, .yellow)
            }
            let state = DisplayText.state(m.state, language)
            // The light as symbol and word (colour too on a terminal): the same on every list.
            var light = m.lightSymbol + " " + (language == .en ? m.light : m.lightName)
            if m.wasRed && m.light != "red" { light += common.t("(曾超期)", " (was red)") }
            switch m.light {
            case "red": light = Terminal.color(light, .red)
            case "yellow": light = Terminal.color(light, .yellow)
            default: light = Terminal.color(light, .green)
            }
            return [
                due, left, light, m.title, m.orgName, m.state == "done" ? Terminal.color(state, .green) : state, m.id,
            ]
        }
        return Terminal.table(
            header: [
                common.t("到期日", "Due"), common.t("剩余", "Left"), common.t("灯", "Light"), common.t("任务", "Task"),
                common.t("承办单位", "Unit"), common.t("状态", "State"), common.t("编号", "Id"),
            ],
            rows: rows
        )
    }

    // MARK: Offline

    func runOffline() throws {
        let language = common.language
        let calendar = try common.calendar()
        let configuration = try common.configuration()
        let set: PlanSet
        do {
            let sources: PlanSources
            if plans.isEmpty {
                sources = try PlanSources.resolve(
                    paths: [configuration.plans],
                    org: orgFile ?? configuration.org,
                    schoolDirectory: configuration.schoolCalendars
                )
            } else {
                sources = try PlanSources.resolve(paths: plans, org: orgFile)
            }
            set = try PlanSetLoader.load(sources, settings: configuration.site)
        } catch {
            Output.diagnostics(error.diagnostics, language: language)
            throw ExitCode(DubanctlExit.failed)
        }
        let schedule = Schedule(
            plans: set.plans,
            directory: set.directory,
            calendar: calendar,
            settings: configuration.site,
            schoolCalendars: set.schoolCalendars
        )
        let today = schedule.settings.civilDate(of: Date())
        var start = try parseDate(from ?? "today", settings: schedule.settings)
        var end = start.adding(days: ArgumentValues.days(in: within ?? "30d") ?? 30)
        if let through, let last = CivilDate(iso: through) { end = within == nil ? last : min(end, last) }
        if let workdays { end = min(end, calendar.adding(workingDays: workdays, to: start)) }
        if overdue {
            // Offline nothing is known to be done: "overdue" is every occurrence due before today.
            if from == nil { start = .startOfYear(2000) }
            end = min(end, today.adding(days: -1))
            if within == nil && through == nil { end = today.adding(days: -1) }
        }
        var occurrences = start <= end ? schedule.expand(from: start, through: end) : []
        if let plan { occurrences = occurrences.filter { schedule.plan(of: $0).id == plan } }
        if let kind { occurrences = occurrences.filter { schedule.task(of: $0).kind.rawValue == kind } }
        if let tag { occurrences = occurrences.filter { schedule.task(of: $0).tags.contains(tag) } }
        if let unit {
            occurrences = occurrences.filter {
                let id = schedule.unit(of: $0).id
                return id == unit || (!noRollup && schedule.directory.ancestors(of: id).contains(unit))
            }
        }
        let total = occurrences.count
        let summaries = occurrences.prefix(max(0, limit)).map {
            schedule.summary(of: $0, reference: from == nil ? today : start)
        }
        if common.json {
            try Output.json(summaries)
            return
        }
        Output.line(
            common.t(
                "\(start.withWeekday(language)) 起至 \(end) 到期的事项(离线,不含办结情况):共 \(total) 个"
                    + (total > summaries.count ? ",列出前 \(summaries.count) 个" : ""),
                "Milestones due \(start) through \(end) (offline, completion unknown): \(total)"
                    + (total > summaries.count ? ", showing \(summaries.count)" : "")
            )
        )
        let rows = summaries.map { s -> [String] in
            var due = DisplayText.date(s.due.description, language)
            if s.provisional { due += common.t(" 暂定", " provisional") }
            let left = s.workingDaysLeft.map { DisplayText.workingDaysLeft($0, language) } ?? ""
            var title = s.title
            if let note = s.rollNote { title += "(" + note.text(language) + ")" }
            return [due, left, title, s.orgName, s.id]
        }
        Output.line(
            Terminal.table(
                header: [
                    common.t("到期日", "Due"), common.t("剩余", "Left"), common.t("任务", "Task"), common.t("承办单位", "Unit"),
                    common.t("编号", "Id"),
                ],
                rows: rows
            )
        )
    }
}
