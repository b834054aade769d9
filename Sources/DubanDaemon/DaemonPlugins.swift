import DubanCalendar
import DubanCore
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
    let wakes: [String: WakeSignal]
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
                hostVersion: DaemonPlugins.version,
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
        wakes = Dictionary(uniqueKeysWithValues: notifiers.map { ($0.manifest.name, WakeSignal()) })
        for name in contents.disabled {
            logger.info("插件已停用 / plugin disabled: \(name)", metadata: [LogMetadataKey.plugin: .string(name)])
        }
    }

    static let version = "0.1.0"

    /// Wakes every notifier's delivery loop.
    func wake() {
        for signal in wakes.values { signal.signal() }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// A wake-up that is remembered until someone waits for it, with a timeout.
final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: (id: Int, continuation: CheckedContinuation<Void, Never>)?
        var nextID = 0
    }

    private let state = Mutex(State())

    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }

    /// Returns when signalled (now, if a signal is pending) or after `timeout`.
    func wait(timeout: Duration) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let id = state.withLock { state -> Int? in
                if state.pending {
                    state.pending = false
                    return nil
                }
                state.nextID += 1
                state.waiter = (state.nextID, continuation)
                return state.nextID
            }
            guard let id else {
                continuation.resume()
                return
            }
            Task { [self] in
                try? await Task.sleep(for: timeout)
                let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                    guard state.waiter?.id == id else { return nil }
                    defer { state.waiter = nil }
                    return state.waiter?.continuation
                }
                waiter?.resume()
            }
        }
    }
}
