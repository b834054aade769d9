import DubanCalendar
import DubanCore
import DubanJSON
import DubanPluginHost
import DubanPluginProtocol
import DubanScheduler
import DubanStore
import DubanSystemd
import Foundation
import Logging
public import ServiceLifecycle
import Synchronization

/// The plugins as a service: one delivery loop per notifier (outbox → `notify` in batches), one loop running
/// checkers on their schedules, and on shutdown every plugin stopped.
///
/// A plugin's failure costs only its own loop a retry; the daemon and the other loops go on.
public struct PluginService: Service {
    let pipeline: DeliveryPipeline
    let plugins: DeliveryPlugins

    public init(pipeline: DeliveryPipeline) {
        self.pipeline = pipeline
        self.plugins = pipeline.plugins
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                for notifier in plugins.notifiers {
                    group.addTask { await deliveryLoop(notifier) }
                }
                if !plugins.checkers.isEmpty {
                    group.addTask { await checkerLoop() }
                }
                group.addTask {
                    // Keep the service alive (a service that returns early stops the group) until shutdown.
                    try? await gracefulShutdown()
                }
                await group.next()
                group.cancelAll()
            }
            // Shielded from the group's cancellation: every plugin gets `shutdown` and its grace period, which
            // the daemon's stop deadline allows for.
            let host = plugins.host
            await Task { await host.shutdown() }.value
        } onGracefulShutdown: {
            plugins.stopping.withLock { $0 = true }
            plugins.wake()
        }
    }

    // MARK: Notifiers

    /// The delay before retrying an event a notifier failed, by attempt (1-based): 1 min, doubling, at most 1 h.
    static func retryDelay(attempt: Int) -> Double {
        min(60 * pow(2, Double(max(0, attempt - 1))), 3600)
    }

    func deliveryLoop(_ notifier: PluginSupervisor) async {
        let wake = plugins.wakes[notifier.manifest.name] ?? Doorbell()
        while !Task.isCancelled, !plugins.stopping.withLock({ $0 }) {
            wake.clear()
            await drain(notifier)
            // Every 2 s of real time at the latest: a retry may have come due.
            await wake.sleep(for: .seconds(2))
        }
    }

    /// Sends every due outbox entry of the notifier's channel, a batch per call, and records the outcome.
    func drain(_ notifier: PluginSupervisor) async {
        let manifest = notifier.manifest
        let store = pipeline.store
        while !Task.isCancelled, !plugins.stopping.withLock({ $0 }) {
            let now = pipeline.clock.now
            guard
                let pending = try? await store.pendingOutbox(
                    channel: manifest.channel,
                    now: now,
                    limit: manifest.batchSize
                ),
                !pending.isEmpty
            else { return }
            var events: [NotifyEvent] = []
            var records: [String: OutboxRecord] = [:]
            for record in pending {
                guard let event = try? DubanJSON.decoder().decode(NotifyEvent.self, from: Data(record.entry.payload.utf8))
                else {
                    try? await store.markFailed(id: record.id, error: "unreadable payload", retryAt: .distantFuture)
                    continue
                }
                events.append(event)
                records[event.key] = record
            }
            guard !events.isEmpty else { continue }
            // Shielded from cancellation: once handed to the plugin, a batch runs to its answer and the answer is
            // recorded, so a stop never leaves messages sent but unrecorded (to be sent again on the next start).
            // The daemon's stop deadline waits for it (DeliveryInFlight, up to its extended limit).
            DeliveryInFlight.enter()
            let carriedOn = await Task { () -> Bool in
                defer { DeliveryInFlight.leave() }
                return await send(events, records: records, through: notifier, now: now)
            }.value
            if !carriedOn { return }
            if pending.count < manifest.batchSize { return }
        }
    }

    /// Hands one batch to the notifier and records the answer: delivered, or failed with a retry time (none when
    /// the plugin says retrying is pointless). Returns false when the notifier was not called (unavailable,
    /// refused, stopping), which ends this drain.
    func send(_ events: [NotifyEvent], records: [String: OutboxRecord], through notifier: PluginSupervisor, now: Date)
        async -> Bool
    {
        let store = pipeline.store
        let result: NotifyResult
        do {
            result = try await notifier.notify(NotifyParams(events: events))
        } catch {
            // Not called (restart delay, refused, stopping): leave the entries as they are, try later.
            if [.unavailable, .shuttingDown, .refused, .notOffered].contains(error.code) { return false }
            for record in records.values {
                let retryAt =
                    error.isRetryable
                    ? now.addingTimeInterval(Self.retryDelay(attempt: record.attempts + 1)) : .distantFuture
                try? await store.markFailed(id: record.id, error: error.description, retryAt: retryAt)
            }
            return false
        }
        let delivered = Set(result.delivered)
        try? await store.markDelivered(ids: records.values.filter { delivered.contains($0.entry.eventKey) }.map(\.id))
        let failures = Dictionary(result.failed.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (key, record) in records where !delivered.contains(key) {
            let failure = failures[key]
            let retryable = failure?.retryable ?? true
            // The service's own wait (a throttle) when the plugin names one, else the backoff.
            let delay = failure?.retryAfter.map { min(max($0, 1), 86_400) } ?? Self.retryDelay(attempt: record.attempts + 1)
            let retryAt = retryable ? now.addingTimeInterval(delay) : .distantFuture
            let error = failure.map { f in f.code.map { "[\($0)] \(f.error)" } ?? f.error } ?? "not reported as delivered"
            try? await store.markFailed(id: record.id, error: error, retryAt: retryAt)
            if !retryable { await notifier.recordDeliveryFailure(error) }
        }
        return true
    }

    // MARK: Checkers

    /// Sleeps (on the daemon's clock) until the next slot of any checker, then runs the checkers due then.
    func checkerLoop() async {
        var after = pipeline.clock.now
        while !Task.isCancelled {
            let schedule = pipeline.context.deliveryPlans.schedule
            let settings = schedule.settings
            let calendar = schedule.calendar
            var next: (Date, [(PluginSupervisor, PluginScheduleSlot)])?
            for checker in plugins.checkers {
                for slot in checker.manifest.schedule {
                    guard let instant = Self.nextInstant(of: slot, after: after, settings: settings, calendar: calendar)
                    else { continue }
                    if next == nil || instant < next!.0 {
                        next = (instant, [(checker, slot)])
                    } else if instant == next!.0 {
                        next!.1.append((checker, slot))
                    }
                }
            }
            guard let (instant, due) = next else { return }
            do {
                try await pipeline.clock.sleep(until: instant)
            } catch {
                return
            }
            for (checker, slot) in due {
                await pipeline.runCheck(checker, slot: slot, at: instant)
            }
            after = instant
        }
    }

    /// The first instant after `after` when `slot` fires: its time of day in the site's zone, on a working day
    /// (Chinese calendar) or every day.
    static func nextInstant(
        of slot: PluginScheduleSlot,
        after: Date,
        settings: SiteSettings,
        calendar: WorkingDayCalendar
    ) -> Date? {
        var day = settings.civilDate(of: after)
        for _ in 0..<400 {
            if slot.days == .everyDay || calendar.isWorkingDay(day) {
                let instant = settings.instant(day, at: TimeOfDay(hour: slot.hour, minute: slot.minute))
                if instant > after { return instant }
            }
            day = day.adding(days: 1)
        }
        return nil
    }
}
