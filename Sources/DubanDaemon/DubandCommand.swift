import ArgumentParser
import DubanCalendar
import DubanCore
import DubanDelivery
import DubanPlanFiles
import DubanScheduler
import DubanSystemd
import Foundation
import Logging

/// `duband`: the daemon's command line.
struct DubandCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duband",
        abstract: "督办守护进程:按计划排期、记录办结、按时提醒。 The duban daemon.",
        discussion: """
            退出码 / exit codes: 0 正常停止 clean stop · 78 配置或计划文件有误 invalid configuration or plans (EX_CONFIG)
            演练 / rehearsal:  duband --config examples/duban.yaml --clock-start 2022-06-01T08:00:00+08:00 --clock-speed 86400
            """,
        version: DubanVersion.current
    )

    @Option(name: .long, help: "配置文件。 Configuration file.")
    var config: String = "/etc/duban/duban.yaml"

    @Option(
        name: .customLong("clock-start"),
        help: "演练时钟的起点(ISO 8601),存储同步完成后开始走。 Start a scaled rehearsal clock at this instant (it runs once the store is synced)."
    )
    var clockStart: String?

    @Option(name: .customLong("clock-speed"), help: "演练时钟倍速(默认 1)。 Rehearsal clock speed (default 1).")
    var clockSpeed: Double = 1

    @Flag(name: .customLong("check-config"), help: "只检查配置与计划,然后退出。 Check configuration and plans, then exit.")
    var checkConfig = false

    static let exConfig: Int32 = 78

    func run() async throws {
        LoggingSystem.bootstrap { LoggingSetup.makeHandler(label: $0) }
        let logger = Logger(label: "duband")
        let configuration: DubanConfiguration
        do {
            configuration = try ConfigFile.load(config)
        } catch {
            report(error.diagnostics, logger: logger)
            throw ExitCode(DubandCommand.exConfig)
        }
        var clock: any WallClock = SystemWallClock()
        var scaled = false
        if let clockStart {
            let formatter = ISO8601DateFormatter()
            guard let start = formatter.date(from: clockStart), clockSpeed > 0, clockSpeed.isFinite else {
                StderrLogHandler.writeToStandardError(
                    "duband: --clock-start 应为 ISO 8601 时刻、--clock-speed 应为正数 / invalid rehearsal clock"
                )
                throw ExitCode(DubandCommand.exConfig)
            }
            // Held until the first store sync: the rehearsal starts with the daemon ready (ScaledWallClock).
            clock = ScaledWallClock(start: start, speed: clockSpeed, timeZone: configuration.site.timeZone, held: true)
            scaled = true
        }
        let daemon: Daemon
        do {
            daemon = try await Daemon(
                configuration: configuration,
                clock: clock,
                scaled: scaled,
                logger: logger,
                store: StoreBackend.open(configuration: configuration, clock: clock)
            )
        } catch let error as DiagnosticsError {
            report(error.diagnostics, logger: logger)
            throw ExitCode(DubandCommand.exConfig)
        }
        if checkConfig {
            let status = daemon.status()
            print(
                configuration.locale == .en
                    ? "ok: \(status.plans) plans · \(status.tasks) tasks"
                    : "ok: \(status.plans) 个计划 · \(status.tasks) 项任务"
            )
            return
        }
        // STOPPING=1 goes to systemd the moment SIGTERM arrives, whichever service the graceful shutdown reaches first.
        let notifier = daemon.notifier
        StopDeadline.arm(seconds: daemon.delivery.plugins.stopBudget, logger: logger) { notifier.stopping() }
        try await daemon.run()
    }

    func report(_ diagnostics: [Diagnostic], logger: Logger) {
        let lines = diagnostics.map { $0.formatted(.zhHans) }
        logger.error(
            "\("配置或计划文件有误,无法启动 / invalid configuration or plans\n" + lines.joined(separator: "\n"))",
            metadata: JournalMessageID.planLoadFailed.metadata.merging([
                "duban.errors": .string(lines.joined(separator: "\n"))
            ]) { _, new in new }
        )
        for line in lines { StderrLogHandler.writeToStandardError(line) }
    }
}

/// Entry point for the `duband` executable.
public func runDuband() async {
    await DubandCommand.main()
}
