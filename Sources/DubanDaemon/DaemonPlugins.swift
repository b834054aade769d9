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

    /// One outbox entry per notifier for a fired event: the `notify` event itself, as JSON, so it is sent exactly
    /// as decided even after a restart.
    func outbox(for event: DueEvent, notice: EventNotice, schedule: Schedule, locale: Language) throws -> [OutboxEntry]
    {
        guard !notifiers.isEmpty else { return [] }
        let payload = try DaemonPlugins.encoder.encode(
            DaemonPlugins.notifyEvent(for: event, notice: notice, schedule: schedule, locale: locale)
        )
        let text = String(decoding: payload, as: UTF8.self)
        return notifiers.map { OutboxEntry(eventKey: event.key, channel: $0.manifest.channel, payload: text) }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The protocol's view of a fired event: the occurrence, the unit's contacts as recipients, subject and text
    /// in both languages.
    static func notifyEvent(for event: DueEvent, notice: EventNotice, schedule: Schedule, locale: Language)
        -> NotifyEvent
    {
        let occurrence = event.occurrence
        let plan = schedule.plan(of: occurrence)
        let unit = schedule.unit(of: occurrence)
        let zoned = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: schedule.settings.timeZone)
        let severity: String
        let subject: LocalizedString
        switch notice.kind {
        case "reminder":
            severity = "info"
            subject = LocalizedString(zhHans: "【督办提醒】\(notice.title)", en: "[duban reminder] \(notice.title)")
        case "due":
            severity = "warning"
            subject = LocalizedString(zhHans: "【督办提醒】\(notice.title)今日到期", en: "[duban] \(notice.title) is due today")
        default:
            severity = "critical"
            subject = LocalizedString(zhHans: "【督办催办】\(notice.title)已逾期", en: "[duban overdue] \(notice.title)")
        }
        let today = schedule.settings.civilDate(of: event.instant)
        return NotifyEvent(
            key: event.key,
            kind: notice.kind,
            severity: severity,
            locale: locale.rawValue,
            occurrence: NotifyOccurrence(
                id: notice.occurrence,
                plan: notice.plan,
                planTitle: plan.title,
                task: notice.task,
                taskTitle: notice.title,
                org: notice.org,
                orgName: notice.orgName,
                period: ControlView.period(
                    ofID: event.occurrenceID,
                    plan: notice.plan,
                    task: notice.task,
                    org: notice.org
                ),
                due: notice.due.description,
                dueAt: zoned.format(notice.dueAt),
                workingDaysLeft: schedule.workingDays(from: today, to: occurrence.due)
            ),
            recipients: unit.contacts.map { Recipient(name: $0.name, email: $0.email, phone: $0.phone, role: $0.role) },
            subject: subject,
            text: LocalizedString(zhHans: notice.message.zh, en: notice.message.en)
        )
    }
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
