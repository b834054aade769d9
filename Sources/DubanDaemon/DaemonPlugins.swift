import DubanCalendar
import DubanCore
import DubanJSON
import DubanPlanFiles
import DubanPluginHost
import DubanPluginProtocol
import DubanScheduler
import DubanStore
import DubanSystemd
import Foundation
import Logging
import Synchronization

/// The daemon's plugins: the host over the manifests of `plugin_dir`, and what the daemon needs around it
/// (outbox entries for notifiers, wake-ups for the delivery loops). A bad manifest is logged and listed, and the
/// daemon goes on without that plugin.
final class DaemonPlugins: Sendable {
    let host: PluginHost
    let notifiers: [PluginSupervisor]
    let checkers: [PluginSupervisor]
    /// Signalled when new outbox entries were recorded; one per notifier.
    let wakes: [String: Doorbell]
    /// Set on graceful shutdown: no new batch is started.
    let stopping = Mutex(false)

    init(configuration: DubanConfiguration, logger: Logger) {
        let contents = PluginManifestFile.loadDirectory(configuration.pluginDirectory)
        let invalid = contents.rejected.map { rejected in
            PluginHost.InvalidManifest(
                name: rejected.name,
                file: rejected.file,
                problems: rejected.diagnostics.map { $0.formatted(configuration.locale) }.joined(separator: "\n")
            )
        }
        host = PluginHost(
            manifests: contents.manifests,
            invalid: invalid,
            configuration: PluginHostConfiguration(
                hostName: "duband",
                hostVersion: DubanVersion.current,
                locale: configuration.locale.rawValue,
                eventMetadata: { event in
                    switch event {
                    case .started: JournalMessageID.pluginStarted.metadata
                    case .failed: JournalMessageID.pluginFailure.metadata
                    case .refused: JournalMessageID.pluginRefused.metadata
                    case .output: [LogMetadataKey.event: .string(event.rawValue)]
                    }
                }
            ),
            logger: logger
        )
        notifiers = host.supervisors(with: .notifier).filter { !$0.manifest.executable.isEmpty }
        checkers = host.supervisors(with: .checker).filter { !$0.manifest.executable.isEmpty }
        wakes = Dictionary(uniqueKeysWithValues: notifiers.map { ($0.manifest.name, Doorbell()) })
        for name in contents.disabled {
            logger.info("插件已停用 / plugin disabled: \(name)", metadata: [LogMetadataKey.plugin: .string(name)])
        }
    }

    /// The deadline for a graceful stop, plugins included (``StopDeadline/stopBudget(pluginGrace:)``).
    var stopBudget: Double { StopDeadline.stopBudget(pluginGrace: host.configuration.terminationGrace) }

    /// Wakes every notifier's delivery loop.
    func wake() {
        for bell in wakes.values { bell.ring() }
    }

    static let encoder = DubanJSON.encoder()
}
