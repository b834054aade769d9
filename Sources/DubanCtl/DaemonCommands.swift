import ArgumentParser
import DubanCalendar
import DubanControlAPI
import DubanControlClient
import DubanCore
import Foundation

/// `dubanctl status`: what the daemon is doing.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "守护进程状态。 The daemon's status."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    func run() throws {
        let status = try daemon.call(common) { try $0.status() }
        if common.json { return try Output.json(status) }
        let language = common.language
        let zone = (try? common.settings().timeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
        func instant(_ date: Date) -> String {
            let text = DisplayText.instant(date, timeZone: zone)
            let day = String(text.prefix(10))
            return DisplayText.date(day, language) + text.dropFirst(10)
        }
        var rows: [(String, String)] = [
            (common.t("计划", "Plans"), "\(status.plans)"), (common.t("任务", "Tasks"), "\(status.tasks)"),
            (common.t("事项", "Occurrences"), "\(status.occurrences)"),
            (common.t("未办结", "Open"), "\(status.open)"),
            (common.t("已逾期", "Overdue"), status.overdue > 0 ? Terminal.color("\(status.overdue)", .red) : "0"),
            (common.t("下次提醒", "Next event"), status.next.map(instant) ?? common.t("无", "none")),
            (common.t("当前时间", "Now"), instant(status.now)),
            (common.t("时钟", "Clock"), status.scaledClock ? Terminal.color(status.clock, .yellow) : status.clock),
        ]
        if !status.missingCalendarYears.isEmpty {
            rows.append(
                (
                    common.t("缺少节假日数据的年份", "Years without holiday data"),
                    Terminal.color(status.missingCalendarYears.map(String.init).joined(separator: ", "), .yellow)
                )
            )
        }
        let width = rows.map { Terminal.displayWidth($0.0) }.max() ?? 0
        for (label, text) in rows { Output.line(Terminal.pad(label, to: width) + "  " + text) }
        if let reload = status.lastReload, !reload.ok {
            Output.line(
                Terminal.color(common.t("上次重新加载失败,仍用原计划:", "last reload failed, previous plans in force:"), .red)
            )
            for line in reload.errors { Output.line("  " + line) }
        }
    }
}

/// `dubanctl reload`: re-read plans, org directory and calendars.
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "重新加载计划(有错误时保留原计划)。 Reload plans (the old set stays on errors)."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions

    func run() throws {
        let result = try daemon.call(common) { try $0.reload(requestID: change.requestID) }
        if common.json {
            try Output.json(result)
        } else if result.ok {
            Output.line(common.t("已重新加载。", "reloaded."))
        } else {
            Output.error(common.t("重新加载失败,仍用原计划:", "reload failed; the previous plans stay in force:"))
            for line in result.errors { Output.error("  " + line) }
        }
        if !result.ok { throw ExitCode(DubanctlExit.failed) }
    }
}

/// `dubanctl backup PATH`: a consistent copy of the state database, taken while the daemon runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "在线备份状态数据库。 Make a consistent online copy of the state database."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "备份文件路径(不得已存在)。 Where to write the copy (must not exist).")
    var path: String

    func run() throws {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let result = try daemon.call(common) { try $0.backup(to: absolute, requestID: change.requestID) }
        if common.json { return try Output.json(result) }
        Output.line(common.t("已备份到 \(result.path)", "backed up to \(result.path)"))
    }
}

/// `dubanctl watch`: follows the notices the daemon delivers, one line each, until interrupted.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "实时查看守护进程发出的提醒、到期和逾期通知。 Follow reminders, due-day and overdue notices as they happen.",
        discussion: """
            每条通知一行;--json 时每行是一个 JSON 对象(JSON Lines)。按 Ctrl-C 结束。
            One line per notice; with --json one JSON object per line (JSON Lines). Ctrl-C ends it.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    @Option(name: .long, help: "收到 N 条后结束(供脚本使用)。 Stop after N notices (for scripts).")
    var count: Int?

    func validate() throws {
        if let count, count < 1 { throw ValidationError(common.t("--count 至少为 1", "--count must be at least 1")) }
    }

    func run() throws {
        var seen = 0
        try daemon.call(common) { client in
            try client.watch { event, raw in
                // Unbuffered: a script reading the pipe sees each notice at once.
                Output.flushedLine(common.json ? raw : WatchCommand.line(event, language: common.language))
                seen += 1
                return count.map { seen < $0 } ?? true
            }
        }
    }

    /// `[提醒] 2022-08-31 (周三) 康乐县 中小学升级改造网络环境:…` — the kind, due date, unit and the notice.
    static func line(_ event: EventBody, language: Language) -> String {
        let kind: String
        switch (event.kind, language) {
        case ("reminder", .en): kind = Terminal.color("[reminder]", .yellow)
        case ("reminder", _): kind = Terminal.color("[提醒]", .yellow)
        case ("due", .en): kind = Terminal.color("[due]", .bold)
        case ("due", _): kind = Terminal.color("[到期]", .bold)
        case ("overdue", .en): kind = Terminal.color("[overdue]", .red)
        case ("overdue", _): kind = Terminal.color("[逾期]", .red)
        default: kind = "[\(event.kind)]"
        }
        let message = language == .en ? event.messageEn : event.messageZh
        return "\(kind) \(DisplayText.date(event.due, language)) \(event.orgName) \(message)  \(event.occurrence)"
    }
}

/// `dubanctl log`: the audit log, newest first: who changed what, when.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "审计日志(最新在前):谁在何时改了什么。 The audit log, newest first: who changed what, when."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    @OptionGroup var paging: PagingOptions

    func validate() throws {
        try paging.check(common)
    }

    func run() throws {
        let page = try daemon.call(common) { try $0.audit(AuditQuery(limit: paging.limit, before: paging.before)) }
        if common.json { return try Output.json(page) }
        let zone = (try? common.settings().timeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let rows = page.entries.map { entry -> [String] in
            [
                String(entry.id), DisplayText.instant(entry.at, timeZone: zone), "\(entry.user) (\(entry.uid))",
                entry.action, entry.target,
                entry.requestID ?? "",
            ]
        }
        if rows.isEmpty {
            Output.line(common.t("审计日志为空。", "the audit log is empty."))
            return
        }
        Output.line(
            Terminal.table(
                header: [
                    common.t("编号", "Id"), common.t("时间", "At"), common.t("用户 (uid)", "User (uid)"),
                    common.t("操作", "Action"),
                    common.t("对象", "Target"), common.t("请求编号", "Request id"),
                ],
                rows: rows
            )
        )
        if let next = page.nextBefore {
            Output.line(common.t("更早的记录:dubanctl log --before \(next)", "older lines: dubanctl log --before \(next)"))
        }
    }
}
