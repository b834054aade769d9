public import ArgumentParser

/// The root of dubanctl's command tree: lists subcommands and nothing else.
public struct DubanctlCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dubanctl",
        abstract: "督办控制工具:检查计划文件、解释期限、计算工作日。 (duban control tool)",
        subcommands: []
    )

    public init() {}
}

/// Entry point for the `dubanctl` executable.
public func runDubanctl() async {
    await DubanctlCommand.main()
}
