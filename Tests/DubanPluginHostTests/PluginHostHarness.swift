import DubanPluginHost
import DubanPluginProtocol
import DubanTesting
import Foundation
import InMemoryLogging
import Logging

/// A host over the fault fixture (`Fixtures/fault-plugin.py MODE`), with short timeouts and delays, its log in
/// memory.
struct PluginHostHarness {
    let logs = InMemoryLogHandler()
    let host: PluginHost

    static let fixture = Fixtures.packageRoot.appendingPathComponent(
        "Tests/DubanPluginHostTests/Fixtures/fault-plugin.py"
    ).path

    /// A manifest for the fixture in `mode`, named `name` (default: the mode).
    static func manifest(
        _ mode: String,
        name: String? = nil,
        timeout: Double = 30,
        maximumOutput: Int = 64 * 1024,
        capabilities: [PluginCapability] = [.notifier, .checker, .importer],
        restartDelay: Double = 0.2
    ) -> PluginManifest {
        PluginManifest(
            name: name ?? mode,
            executable: "/usr/bin/python3",
            arguments: [fixture, mode],
            capabilities: capabilities,
            timeout: timeout,
            maximumOutputBytes: maximumOutput,
            schedule: [],
            tasks: ["*/*"],
            restartDelay: restartDelay,
            restartDelayMaximum: 1,
            file: "/test/\(name ?? mode).yaml"
        )
    }

    init(_ manifests: [PluginManifest], invalid: [PluginHost.InvalidManifest] = []) {
        let handler = logs
        var logger = Logger(label: "duban.test.plugins") { _ in handler }
        logger.logLevel = .debug
        host = PluginHost(
            manifests: manifests,
            invalid: invalid,
            configuration: PluginHostConfiguration(
                hostName: "duband-test",
                hostVersion: "0.0.0",
                terminationGrace: 0.3,
                eventMetadata: { ["duban.event": .string($0.rawValue)] }
            ),
            logger: logger
        )
    }

    func plugin(_ name: String) throws -> PluginSupervisor {
        guard let supervisor = host.supervisor(named: name) else { throw HarnessError("no plugin \(name)") }
        return supervisor
    }

    /// Log entries about plugin `name` with `duban.event` = `event`.
    func entries(_ name: String, event: PluginHostEvent) -> [InMemoryLogHandler.Entry] {
        logs.entries.filter {
            $0.metadata["duban.plugin"] == .string(name) && $0.metadata["duban.event"] == .string(event.rawValue)
        }
    }

    /// Polls `condition` every 20 ms for at most `seconds`.
    static func eventually(_ seconds: Double = 5, _ condition: () async -> Bool) async -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return await condition()
    }

    static func events(_ keys: [String]) -> NotifyParams {
        NotifyParams(
            events: keys.map { key in
                NotifyEvent(
                    key: key,
                    kind: "due",
                    severity: "warning",
                    locale: "zh-Hans",
                    occurrence: NotifyOccurrence(
                        id: "p/t/u/once",
                        plan: "p",
                        planTitle: "计划",
                        task: "t",
                        taskTitle: "任务",
                        org: "u",
                        orgName: "一中",
                        period: "once",
                        due: "2025-03-03",
                        dueAt: "2025-03-03T17:30:00+08:00",
                        workingDaysLeft: 0
                    ),
                    recipients: [Recipient(name: "张三", email: "zhangsan@example.cn")],
                    subject: LocalizedString(zhHans: "今日到期", en: "due today"),
                    text: LocalizedString(zhHans: "任务今日到期", en: "the task is due today")
                )
            }
        )
    }
}
