import DubanCalendar
public import DubanCore
public import DubanNotify
import DubanJSON
public import DubanPluginHost
public import DubanPluginProtocol
import DubanScheduler
import DubanSystemd
public import Logging
import Synchronization

/// The pipeline's plugins: the host over the manifests the composition root read from `plugin_dir`, and what
/// delivery needs around it (outbox entries for notifiers, wake-ups for the delivery loops). A bad manifest is
/// listed, and the daemon goes on without that plugin.
public final class DeliveryPlugins: Sendable {
    public let host: PluginHost
    let notifiers: [PluginSupervisor]
    let checkers: [PluginSupervisor]
    /// Signalled when new outbox entries were recorded; one per notifier.
    let wakes: [String: Doorbell]
    /// Set on graceful shutdown: no new batch is started.
    let stopping = Mutex(false)

    /// The host over `manifests` (those read well) and `invalid` (those refused, listed by `GET /v1/plugins`).
    public init(
        manifests: [PluginManifest],
        invalid: [PluginHost.InvalidManifest],
        configuration: DubanConfiguration,
        logger: Logger
    ) {
        host = PluginHost(
            manifests: manifests,
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
    }

    /// Wakes every notifier's delivery loop.
    func wake() {
        for bell in wakes.values { bell.ring() }
    }

    static let encoder = DubanJSON.encoder()
}

extension PluginManifest {
    /// The notifier as routing sees it (`receives`, `min_severity`).
    public var notifierProfile: NotifierProfile {
        NotifierProfile(
            name: name,
            receives: receives.flatMap { NotifierProfile.Address(rawValue: $0.rawValue) },
            minimumSeverity: minimumSeverity.flatMap(NoticeSeverity.init(rawValue:))
        )
    }
}
