public import ArgumentParser
import Foundation

/// The root of dubanctl's command tree: lists subcommands and nothing else.
public struct DubanctlCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dubanctl",
        abstract: "督办控制工具:检查计划、解释期限、计算工作日、查看节点。 duban's control tool.",
        discussion: """
            退出码 / exit codes: 0 成功 ok · 1 失败 failed (e.g. check found errors) · 2 用法错误 usage · 69 守护进程不可达 daemon unreachable
            """,
        subcommands: [
            CheckCommand.self, DueCommand.self, WorkdaysCommand.self, CalendarCommand.self, MilestonesCommand.self,
            ImportCommand.self, StatusCommand.self, ReloadCommand.self, BackupCommand.self, PluginsCommand.self,
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
