import DubanCalendar
public import DubanCore
import DubanControlRoutes
import DubanDelivery
import DubanPlanFiles
public import DubanScheduler
import DubanStore
import DubanSystemd
import Foundation
import Logging
import Synchronization

/// The running daemon: the plans in force, the store, the scheduler loop, and what systemd is told; the
/// composition root of the control routes (``ControlContext``) and the delivery pipeline (``DeliveryPipeline``,
/// which reads the plans, the loop and the first store sync back through ``DeliveryContext``).
///
/// Plans live behind a lock and are replaced whole on a good reload; a bad reload changes nothing.
public final class Daemon: Sendable {
    public let configuration: DubanConfiguration
    public let clock: any WallClock
    let logger: Logger
    let notifier: NotifyQueue
    public let store: any StateStore
    let runtime: PlanRuntime
    let scaled: Bool
    /// The clock as the status names it (computed once: the status is read for every request).
    let clockDescription: String
    private let state: Mutex<State>
    let loopBox: Mutex<SchedulerLoop?>
    /// Scheduler events → notices, digests, the daily check, plugins, started occurrences, the journal outbox.
    let delivery: DeliveryPipeline
    /// Opens when the first store sync has finished (see ``syncStore()``).
    let storeSynced = SyncGate()
    /// Subscribers of `GET /v1/events`.
    public let events = EventBroadcaster()
    /// The store's counts behind the status (see ``refreshTally()``).
    let tally = Mutex(TallyState())

    struct TallyState: Sendable {
        var issued = 0
        var applied = 0
        var value: OpenTally?
    }

    struct State: Sendable {
        var loaded: LoadedPlans
        var lastReload: ReloadResult?
        /// Plan sets loaded so far: moves with every reload that replaced `loaded` (the control routes' cached
        /// answers are per generation).
        var generation: UInt64 = 1
    }

    /// Loads plans (throwing every diagnostic when they are broken) over `store` (the composition root chooses
    /// the backend: ``StoreBackend``). The store is brought in line with the plans by ``syncStore()``, which runs
    /// after READY=1.
    init(
        configuration: DubanConfiguration,
        clock: any WallClock,
        scaled: Bool,
        logger: Logger,
        store: any StateStore
    ) async throws {
        self.configuration = configuration
        self.clock = clock
        self.scaled = scaled
        self.clockDescription = "\(clock)"
        self.logger = logger
        self.notifier = NotifyQueue()
        let (plugins, catalog) = DeliveryPlugins.load(configuration: configuration, logger: logger)
        self.runtime = PlanRuntime(configuration: configuration, plugins: catalog)
        let today = configuration.site.civilDate(of: clock.now)
        let loaded = try runtime.load(today: today)
        self.store = store
        self.state = Mutex(State(loaded: loaded, lastReload: nil))
        self.loopBox = Mutex(nil)
        self.delivery = DeliveryPipeline(
            configuration: configuration,
            clock: clock,
            store: store,
            logger: logger,
            plugins: plugins
        )
        delivery.bind(to: self)
    }

    /// The first sync of the store with the loaded plans, run once the daemon is READY: on a new installation it
    /// writes every occurrence's row (seconds for a million), which READY and the schedule need not wait for. Work
    /// that writes rows of occurrences waits for it through ``storeSynced``; a failure stops the daemon.
    func syncStore() async throws {
        let started = ContinuousClock.now
        do {
            try await sync(loaded.schedule, today: configuration.site.civilDate(of: clock.now))
        } catch {
            storeSynced.finish(error)
            logger.critical("存储同步失败 / store sync failed: \(error)")
            throw error
        }
        await refreshTally()
        // A rehearsal's clock runs from here: the months it compresses start with the store holding the plans.
        (clock as? ScaledWallClock)?.begin()
        storeSynced.finish()
        logger.info(
            "存储已与计划同步 / store synced with the plans",
            metadata: ["duban.elapsed": "\(ContinuousClock.now - started)"]
        )
    }

    /// Re-reads the counts behind the status from the store, after a sync or a change of state. Of refreshes that
    /// overlap, the one started last wins: it read the store after every change that asked for it.
    public func refreshTally() async {
        let ticket = tally.withLock {
            $0.issued += 1
            return $0.issued
        }
        do {
            let value = try await store.openTally()
            tally.withLock {
                if ticket > $0.applied {
                    $0.applied = ticket
                    $0.value = value
                }
            }
        } catch {
            logger.error("无法统计事项 / cannot count occurrences: \(error)")
        }
        publishStatus()
    }

    /// The range of due dates kept in the store and scheduled: from 2000 to three years past today.
    static func expansionRange(today: CivilDate) -> (CivilDate, CivilDate) {
        (.startOfYear(2000), .endOfYear(today.year + 3))
    }

    func sync(_ schedule: Schedule, today: CivilDate) async throws {
        let (from, through) = Daemon.expansionRange(today: today)
        let occurrences = schedule.expand(from: from, through: through)
        var rows: [OccurrenceRow] = []
        rows.reserveCapacity(occurrences.count)
        schedule.forEachIdentity(of: occurrences) { occurrence, identity in
            rows.append(
                OccurrenceRow(
                    id: identity.id,
                    plan: identity.plan,
                    task: identity.task,
                    org: identity.org,
                    due: occurrence.due
                )
            )
        }
        let report = try await store.sync(rows)
        logger.debug("store synced", metadata: ["report": "\(report)"])
    }

    var loaded: LoadedPlans { state.withLock { $0.loaded } }

    /// The plans in force with their generation, read together.
    var loadedGeneration: (LoadedPlans, UInt64) { state.withLock { ($0.loaded, $0.generation) } }

    /// The scheduler loop once running.
    public var currentLoop: SchedulerLoop? { loopBox.withLock { $0 } }

    /// Makes the scheduler loop (once), starting from what the store says was handled and closed.
    func makeLoop() async throws -> SchedulerLoop {
        let handled = try await store.handledEventKeys()
        let closed = try await store.closedOccurrenceIDs().union(try await store.heldOccurrenceIDs())
        let firstFired = try await store.firstFiredAt()
        let machine = SchedulerStateMachine(
            schedule: loaded.schedule,
            configuration: configuration.schedulerConfiguration(firstFired: firstFired, now: clock.now)
        )
        let loop = SchedulerLoop(clock: clock, stateMachine: machine, handled: handled, closed: closed) {
            [delivery] events in
            try await delivery.deliver(events)
        }
        loopBox.withLock { $0 = loop }
        return loop
    }

    // MARK: Status

    /// Plans and tasks in force; occurrences, open and overdue as the store counts them (every occurrence to three
    /// years ahead, the same rows `/v1/plans` and `/v1/milestones` read). Until the first store sync has been
    /// counted, `counted` is false and the counts are zero.
    public func status() -> DaemonStatus {
        let (loaded, lastReload) = state.withLock { ($0.loaded, $0.lastReload) }
        let now = clock.now
        let overdueThrough = loaded.schedule.settings.overdueThrough(at: now)
        let counts = tally.withLock { $0.value }
        let next = [loopBox.withLock { $0 }?.plannedWake, delivery.nextStartedEvent].compactMap { $0 }.min()
        var status = DaemonStatus(
            plans: loaded.schedule.plans.count,
            tasks: loaded.schedule.tasks.count,
            occurrences: counts?.total ?? 0,
            open: counts?.open ?? 0,
            overdue: counts?.open(dueThrough: overdueThrough) ?? 0,
            next: next,
            now: now,
            clock: clockDescription,
            scaledClock: scaled,
            missingCalendarYears: loaded.missingYears,
            lastReload: lastReload
        )
        status.counted = counts != nil
        return status
    }

    public func publishStatus() {
        let line = status().line(configuration.locale, timeZone: configuration.site.timeZone)
        notifier.status(line)
    }

    // MARK: Reload

    /// Re-reads plans, org directory and calendars; on any error the current set stays and every diagnostic is
    /// logged with its file:line:column.
    @discardableResult
    public func reload(reason: String) async -> ReloadResult {
        notifier.reloading()
        defer {
            notifier.ready(status: status().line(configuration.locale, timeZone: configuration.site.timeZone))
        }
        let today = configuration.site.civilDate(of: clock.now)
        let now = clock.now
        do {
            let fresh = try runtime.load(today: today)
            try await storeSynced.wait()
            try await sync(fresh.schedule, today: today)
            await refreshTally()
            delivery.startedOccurrencesChanged()
            let handled = try await store.handledEventKeys()
            let closed = try await store.closedOccurrenceIDs().union(try await store.heldOccurrenceIDs())
            state.withLock {
                $0.loaded = fresh
                $0.generation += 1
            }
            loopBox.withLock { $0 }?.replace(schedule: fresh.schedule, handled: handled, closed: closed)
            let result = ReloadResult(ok: true, at: now, errors: [])
            state.withLock { $0.lastReload = result }
            logger.notice(
                "计划已重新加载:\(fresh.schedule.plans.count) 个计划 / plans reloaded (\(reason))",
                metadata: JournalMessageID.plansLoaded.metadata.merging([
                    "duban.plan_count": "\(fresh.schedule.plans.count)"
                ]) { _, new in new }
            )
            return result
        } catch let error as DiagnosticsError {
            let lines = error.diagnostics.map { $0.formatted(configuration.locale) }
            let result = ReloadResult(ok: false, at: now, errors: lines)
            state.withLock { $0.lastReload = result }
            logger.error(
                "\("重新加载失败,继续使用原有计划 / reload failed, previous plans stay in force\n" + lines.joined(separator: "\n"))",
                metadata: JournalMessageID.planLoadFailed.metadata.merging([
                    "duban.errors": .string(lines.joined(separator: "\n"))
                ]) { _, new in new }
            )
            return result
        } catch {
            let result = ReloadResult(ok: false, at: now, errors: ["\(error)"])
            state.withLock { $0.lastReload = result }
            logger.error("重新加载失败 / reload failed: \(error)", metadata: JournalMessageID.planLoadFailed.metadata)
            return result
        }
    }
}
