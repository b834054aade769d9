public import DubanPluginProtocol
public import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Every plugin of a daemon: one ``PluginSupervisor`` per manifest, plus placeholders for manifests that could
/// not be read. A plugin's failures stay inside its supervisor; the host and the other plugins go on.
public final class PluginHost: Sendable {
    public let configuration: PluginHostConfiguration
    /// In manifest-name order, invalid manifests included.
    public let supervisors: [PluginSupervisor]

    /// A manifest that could not be read: its name (the file's, when the name is unreadable), the file, and its
    /// problems as text.
    public struct InvalidManifest: Sendable {
        public var name: String
        public var file: String
        public var problems: String

        public init(name: String, file: String, problems: String) {
            self.name = name
            self.file = file
            self.problems = problems
        }
    }

    public init(
        manifests: [PluginManifest], invalid: [InvalidManifest] = [], configuration: PluginHostConfiguration,
        logger: Logger
    ) {
        // A plugin that dies while we write to it must not kill the daemon with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        self.configuration = configuration
        var supervisors = manifests.map { PluginSupervisor(manifest: $0, configuration: configuration, logger: logger) }
        for bad in invalid {
            var scoped = logger
            scoped[metadataKey: "duban.plugin"] = .string(bad.name)
            scoped.error(
                "插件清单无效,已跳过 / invalid plugin manifest skipped: \(bad.file)\n\(bad.problems)",
                metadata: configuration.eventMetadata(.refused).merging([
                    "duban.file": .string(bad.file), "duban.errors": .string(bad.problems),
                ]) { _, new in new })
            supervisors.append(
                PluginSupervisor(
                    invalidManifest: bad.name, file: bad.file, problems: bad.problems, configuration: configuration,
                    logger: logger))
        }
        self.supervisors = supervisors.sorted { $0.manifest.name < $1.manifest.name }
    }

    /// The supervisor of the plugin `name`.
    public func supervisor(named name: String) -> PluginSupervisor? {
        supervisors.first { $0.manifest.name == name && !$0.manifest.executable.isEmpty }
    }

    /// Plugins whose manifest declares `capability`.
    public func supervisors(with capability: PluginCapability) -> [PluginSupervisor] {
        supervisors.filter { $0.manifest.capabilities.contains(capability) }
    }

    /// Every plugin's statistics, in name order.
    public func statistics() async -> [PluginStatistics] {
        var result: [PluginStatistics] = []
        for supervisor in supervisors { result.append(await supervisor.statistics()) }
        return result
    }

    /// Stops every plugin at once (each gets `shutdown`, then SIGTERM/SIGKILL after the grace period).
    public func shutdown() async {
        await withTaskGroup(of: Void.self) { group in
            for supervisor in supervisors {
                group.addTask { await supervisor.shutdown() }
            }
        }
    }
}
