import DubanCalendar
public import DubanCore
import DubanJSON
import DubanNotify
public import DubanPluginHost
public import DubanScheduler
public import DubanStore
import DubanSystemd
public import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// The delivery pipeline: scheduler events → journal notices and notices waiting for their digest, the digests, the
/// daily condition check, plugin drains and checks, occurrences started from an event, the journal outbox. It is
/// the work exactly one node may do once there are several: the composition root runs ``services`` or not.
///
/// Every fired event is recorded as handled together with its journal notice (outbox) in one store transaction, then
/// the outbox is drained to journald; see docs/state-store.md for the exact guarantee. What the pipeline reads back
/// from the daemon (plans in force, scheduler loop, first store sync, status) comes through its ``DeliveryContext``.
public final class DeliveryPipeline: Sendable {
    let configuration: DubanConfiguration
    let clock: any WallClock
    let store: any StateStore
    let logger: Logger
    /// The plugin host and its notifier channels (see DeliveryPlugins.swift).
    public let plugins: DeliveryPlugins
    /// Rung when an occurrence started from an event may have changed (see DeliveryPipeline+Started.swift).
    let startedBell = Doorbell()
    /// Rung when notices wait for a digest (see DeliveryPipeline+Digests.swift).
    let digestBell = Doorbell()
    /// The next event of an occurrence started from an event.
    let startedNext = Mutex<Date?>(nil)
    /// The daemon, held weakly: it owns the pipeline.
    private let link = Mutex(Link())

    private struct Link {
        weak var context: (any DeliveryContext)?
    }

    /// The journal channel of the outbox.
    static let journalChannel = "journal"

    public init(
        configuration: DubanConfiguration,
        clock: any WallClock,
        store: any StateStore,
        logger: Logger,
        plugins: DeliveryPlugins
    ) {
        self.configuration = configuration
        self.clock = clock
        self.store = store
        self.logger = logger
        self.plugins = plugins
    }

    /// Binds the pipeline to what it reads back from; once, before any of it runs.
    public func bind(to context: any DeliveryContext) {
        link.withLock { $0.context = context }
    }

    var context: any DeliveryContext {
        guard let context = link.withLock({ $0.context }) else {
            preconditionFailure("the delivery pipeline runs bound to a live DeliveryContext (bind(to:))")
        }
        return context
    }

    /// The store, once the first sync has finished.
    func syncedStore() async throws -> any StateStore {
        try await context.waitUntilStoreSynced()
        return store
    }

    /// The pipeline's services, in the order they start (a service group stops them in reverse): the journal
    /// outbox left by a crash, the plugins, started occurrences, digests, the daily check.
    public var services: [any Service] {
        [
            JournalService(pipeline: self), PluginService(pipeline: self), StartedOccurrencesService(pipeline: self),
            DigestService(pipeline: self), ConditionService(pipeline: self),
        ]
    }

    // MARK: Delivering events

    /// Records a batch of scheduler events as handled with their notices (one transaction), then writes the notices
    /// to the journal. The scheduler loop's handler.
    public func deliver(_ events: [DueEvent]) async throws {
        let plans = context.deliveryPlans
        let schedule = plans.schedule
        let now = clock.now
        var fired: [FiredEvent] = []
        var outbox: [OutboxEntry] = []
        var items: [NoticeItem] = []
        let encoder = DubanJSON.encoder()
        for event in events {
            let (kind, lead, repeatIndex): (String, Int?, Int?)
            switch event.kind {
            case .reminder(let n): (kind, lead, repeatIndex) = ("reminder", n, nil)
            case .due: (kind, lead, repeatIndex) = ("due", nil, nil)
            case .overdue(let k): (kind, lead, repeatIndex) = ("overdue", nil, k)
            }
            let notice = EventNotice.make(
                key: event.key,
                kind: kind,
                lead: lead,
                repeatIndex: repeatIndex,
                occurrence: event.occurrence,
                occurrenceID: event.occurrenceID,
                schedule: schedule,
                now: now
            )
            fired.append(
                FiredEvent(
                    key: event.key,
                    occurrenceID: event.occurrenceID,
                    kind: kind,
                    scheduledAt: event.instant,
                    firedAt: now
                )
            )
            outbox.append(
                OutboxEntry(
                    eventKey: event.key,
                    channel: DeliveryPipeline.journalChannel,
                    payload: String(decoding: try encoder.encode(notice), as: UTF8.self)
                )
            )
            items.append(noticeItem(for: event, schedule: schedule))
        }
        try await record(fired, outbox: outbox, dispatches: try dispatches(for: items, plans: plans))
        context.publishStatus()
    }

    /// Writes every pending journal notice and marks it delivered. Run at start too (``JournalService``), so
    /// notices recorded just before a crash are written after it.
    public func drainJournal() async throws {
        let decoder = DubanJSON.decoder()
        while true {
            let pending = try await store.pendingOutbox(
                channel: DeliveryPipeline.journalChannel,
                now: .distantFuture,
                limit: 500
            )
            if pending.isEmpty { return }
            for record in pending {
                guard let notice = try? decoder.decode(EventNotice.self, from: Data(record.entry.payload.utf8)) else {
                    logger.error("unreadable journal notice", metadata: ["duban.event_key": "\(record.entry.eventKey)"])
                    continue
                }
                var metadata: Logger.Metadata = [:]
                for (key, value) in notice.fields { metadata[key] = .string(value) }
                let id: JournalMessageID
                switch notice.kind {
                case "reminder", "procedure": id = .reminder
                case "due": id = .due
                case "completed": id = .completed
                case "behind_pace": id = .behindPace
                case "target_at_risk": id = .targetAtRisk
                case "plugin_failure": id = .pluginFailure
                case "calendar_missing": id = .calendarYearMissing
                case "acknowledge": id = .acknowledgeDue
                case "feedback": id = .feedbackDue
                case "chase": id = .chased
                case "supervision_notice": id = .supervisionNoticeIssued
                case "circular": id = .circularListed
                default: id = .overdue
                }
                metadata.merge(id.metadata) { _, new in new }
                logger.notice("\(notice.message.text(configuration.locale))", metadata: metadata)
                context.noticeJournalled(notice)
            }
            try await store.markDelivered(ids: pending.map(\.id))
        }
    }

    // MARK: What the daemon asks of it

    /// The next event of an occurrence started from an event (for the status's `next`), once known.
    public var nextStartedEvent: Date? { startedNext.withLock { $0 } }

    /// An occurrence started from an event may have appeared, moved, closed or reopened, or the plans changed:
    /// the started occurrences' loop plans again.
    public func startedOccurrencesChanged() {
        startedBell.ring()
    }

    /// Every plugin with its state, capabilities, calls, failures and last error (`GET /v1/plugins`).
    public func pluginStatistics() async -> [PluginStatistics] {
        await plugins.host.statistics()
    }
}

extension DubanConfiguration {
    /// The scheduler's settings. History before the installation's first start is never replayed: the first
    /// start catches up one day, and every later start catches up to that same floor (a day before the first
    /// event ever fired), so each event missed since fires once, however long the daemon was down (like
    /// systemd's `Persistent=true`), while a restart never replays the years before duband was installed.
    /// `firstFired` nil means a first start; `now` counts only when it is not.
    public func schedulerConfiguration(firstFired: Date?, now: Date) -> SchedulerConfiguration {
        var c = SchedulerConfiguration()
        c.overdueEvery = overdueEvery
        c.overdueRepeats = overdueRepeats
        let day: TimeInterval = 86_400
        c.catchUpWindow = firstFired.map { max(day, now.timeIntervalSince($0) + day) } ?? day
        return c
    }
}
