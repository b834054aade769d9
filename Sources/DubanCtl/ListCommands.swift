import ArgumentParser
import DubanControlAPI
import DubanControlClient
import Foundation

/// `dubanctl plans`: the plans in force with their counts.
struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "列出生效的计划。 List the plans in force."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    func run() throws {
        let page = try daemon.call(common) { try $0.plans() }
        if common.json { return try Output.json(page) }
        let rows = page.items.map { plan -> [String] in
            [
                plan.id, plan.title, plan.document ?? "", "\(plan.tasks)", "\(plan.open)",
                plan.overdue > 0 ? Terminal.color("\(plan.overdue)", .red) : "0",
            ]
        }
        Output.line(
            Terminal.table(
                header: [
                    common.t("计划", "Plan"), common.t("标题", "Title"), common.t("文号", "Document"),
                    common.t("任务", "Tasks"),
                    common.t("未办结", "Open"), common.t("逾期", "Overdue"),
                ],
                rows: rows
            )
        )
        Output.line(common.t("共 \(page.total) 个计划", "\(page.total) plans"))
    }
}

/// `dubanctl tasks`: tasks with where their occurrences stand.
struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "列出任务及其事项情况。 List tasks and where their occurrences stand."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    @Option(name: .long, help: "只列某计划的。 Only this plan.")
    var plan: String?

    @Option(name: .long, help: "只列某单位(含下级)承办的。 Only tasks of this unit (and units under it).")
    var org: String?

    @Flag(name: .customLong("no-rollup"), help: "--org 只含该单位本身。 --org means that unit only.")
    var noRollup = false

    @Option(name: .long, help: "任务类型:deadline recurring quota target procedural ongoing。 Task kind.")
    var kind: String?

    @Option(name: .long, help: "只列带此标签的。 Only tasks with this tag.")
    var tag: String?

    @Option(name: .long, help: "all(默认)、open、overdue、closed。 Which tasks by their occurrences (default all).")
    var state: String = "all"

    @Option(name: .long, help: "最多列出条数(默认 100)。 Maximum rows (default 100).")
    var limit: Int = ControlAPI.defaultLimit

    func validate() throws {
        if let kind, !MilestoneQuery.kinds.contains(kind) {
            throw ValidationError(
                common.t("--kind 应为 ", "--kind must be one of ") + MilestoneQuery.kinds.joined(separator: ", ")
            )
        }
        guard TaskQuery.State(rawValue: state) != nil else {
            throw ValidationError(
                common.t("--state 应为 ", "--state must be one of ")
                    + TaskQuery.State.allCases.map(\.rawValue).joined(separator: ", ")
            )
        }
        try validateLimit(limit, common)
    }

    func run() throws {
        let query = TaskQuery(
            plan: plan,
            org: org, rollup: !noRollup,
            kind: kind,
            tag: tag,
            state: TaskQuery.State(rawValue: state) ?? .all,
            limit: limit
        )
        let page = try daemon.call(common) { try $0.tasks(query) }
        if common.json { return try Output.json(page) }
        let language = common.language
        let rows = page.items.map { task -> [String] in
            [
                task.plan + "/" + task.id, task.title, DisplayText.kind(task.kind, language),
                task.units.joined(separator: ","),
                "\(task.open)/\(task.occurrences)", task.overdue > 0 ? Terminal.color("\(task.overdue)", .red) : "0",
                task.nextDue.map { DisplayText.date($0, language) } ?? "",
            ]
        }
        Output.line(
            Terminal.table(
                header: [
                    common.t("任务", "Task"), common.t("标题", "Title"), common.t("类型", "Kind"), common.t("承办单位", "Units"),
                    common.t("未办结/事项", "Open/All"), common.t("逾期", "Overdue"), common.t("最近到期", "Next due"),
                ],
                rows: rows
            )
        )
        Output.line(footer(shown: page.items.count, total: page.total, common))
    }
}

/// `--limit` within what the daemon accepts.
func validateLimit(_ limit: Int, _ common: CommonOptions) throws {
    guard (1...ControlAPI.maximumLimit).contains(limit) else {
        throw ValidationError(
            common.t("--limit 应在 1 到 \(ControlAPI.maximumLimit) 之间", "--limit must be 1 to \(ControlAPI.maximumLimit)")
        )
    }
}

/// `共 12 项` or `共 300 项,列出前 100 项`.
func footer(shown: Int, total: Int, _ common: CommonOptions) -> String {
    total > shown
        ? common.t("共 \(total) 项,列出前 \(shown) 项(用 --limit 调整)", "\(total) in all, showing \(shown) (see --limit)")
        : common.t("共 \(total) 项", "\(total) in all")
}
