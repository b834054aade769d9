public import ArgumentParser
import DubanCore
import Foundation

/// The root of dubanctl's command tree: lists subcommands and nothing else.
public struct DubanctlCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dubanctl",
        abstract: "督办控制工具:查看和办理事项、检查计划、解释期限、计算工作日。 duban's control tool.",
        discussion: """
            退出码 / exit codes:
              0  成功 ok
              1  失败:检查发现错误、找不到、冲突、被拒绝 failed: errors found, not found, conflict, refused
              2  用法错误(命令行或请求参数无效) usage: bad command line or request arguments
              69 守护进程不可达、连接中断或尚未就绪 daemon unreachable, connection lost, or still starting
              70 守护进程内部错误(可用同一 --request-id 重试) internal error in the daemon (retry with the same --request-id)
              76 守护进程的回答无法解读 the daemon's answer could not be read
              77 无权限(只读用户试图修改,或无权打开套接字) permission denied
              78 配置文件错误 bad configuration file
            """,
        version: DubanVersion.current,
        subcommands: [GenerateManualCommand.self],
        groupedSubcommands: [
            CommandGroup(
                name: "查询(守护进程) / reading (daemon)",
                subcommands: [
                    StatusCommand.self, PlansCommand.self, TasksCommand.self, MilestonesCommand.self, ShowCommand.self,
                    WatchCommand.self, ExportCommand.self, LogCommand.self, NotificationsCommand.self,
                    PreviewCommand.self,
                    PluginsCommand.self, BoardCommand.self, LedgerCommand.self, ReportCommand.self, ScoreCommand.self,
                    NoticesCommand.self, NoticeCommand.self,
                ]
            ),
            CommandGroup(
                name: "督办步骤(守护进程,按角色) / supervision steps (daemon, by role)",
                subcommands: [
                    AckCommand.self, FeedbackCommand.self, ExtendRequestCommand.self, ApproveCommand.self,
                    RejectCommand.self, SubmitCommand.self, ReviewCommand.self, StrikeCommand.self, PauseCommand.self,
                    ResumeCommand.self,
                ]
            ),
            CommandGroup(
                name: "办理(守护进程,需管理员) / changes (daemon, admin)",
                subcommands: [
                    DoneCommand.self, ReopenCommand.self, WaiveCommand.self, ProgressCommand.self, ReadingCommand.self,
                    ExtendCommand.self, StartCommand.self, ReloadCommand.self, BackupCommand.self,
                ]
            ),
            CommandGroup(
                name: "离线 / offline",
                subcommands: [
                    CheckCommand.self, DueCommand.self, WorkdaysCommand.self, CalendarCommand.self, ImportCommand.self,
                ]
            ),
        ]
    )

    public init() {}
}

/// Entry point for the `dubanctl` executable: runs the command tree and maps errors to the documented exit codes
/// (usage errors exit 2, not ArgumentParser's 64).
public func runDubanctl(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async {
    do {
        var command = try DubanctlCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    } catch {
        let code = DubanctlCommand.exitCode(for: error)
        if code == .validationFailure {
            let message = DubanctlCommand.fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(DubanctlExit.usage)
        }
        DubanctlCommand.exit(withError: error)
    }
}
