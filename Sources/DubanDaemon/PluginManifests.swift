import DubanCore
import DubanDelivery
import DubanPlanFiles
import DubanPluginHost
import DubanPluginProtocol
import DubanSystemd
import Logging

extension DeliveryPlugins {
    /// The plugins of `plugin_dir`: each manifest read strictly (DubanPlanFiles); a bad one is logged by the host
    /// and listed, and the daemon goes on without that plugin.
    static func load(configuration: DubanConfiguration, logger: Logger) -> (DeliveryPlugins, PluginCatalog) {
        let contents = PluginManifestFile.loadDirectory(configuration.pluginDirectory)
        let invalid = contents.rejected.map { rejected in
            PluginHost.InvalidManifest(
                name: rejected.name,
                file: rejected.file,
                problems: rejected.diagnostics.map { $0.formatted(configuration.locale) }.joined(separator: "\n")
            )
        }
        let catalog = PluginCatalog(
            notifiers: contents.manifests.filter { $0.capabilities.contains(.notifier) }.map(\.notifierProfile),
            others: Set(contents.manifests.filter { !$0.capabilities.contains(.notifier) }.map(\.name)),
            unavailable: Set(contents.disabled + contents.rejected.map(\.name))
        )
        let plugins = DeliveryPlugins(
            manifests: contents.manifests,
            invalid: invalid,
            configuration: configuration,
            logger: logger
        )
        for name in contents.disabled {
            logger.info("插件已停用 / plugin disabled: \(name)", metadata: [LogMetadataKey.plugin: .string(name)])
        }
        return (plugins, catalog)
    }

    /// The deadline for a graceful stop, plugins included (``StopDeadline/stopBudget(pluginGrace:)``).
    var stopBudget: Double { StopDeadline.stopBudget(pluginGrace: host.configuration.terminationGrace) }
}
