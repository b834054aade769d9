import DubanCalendar
import DubanCore
import DubanJSON
import DubanNotify
import DubanPluginHost
import DubanScheduler
import DubanStore
import Foundation
import Logging
public import ServiceLifecycle
import Synchronization

/// Notices no deadline fires: completions (when an occurrence is marked done), and a daily sweep for quotas behind
/// pace, targets at risk, notifier or checker plugins that failed, and the coming year's missing holiday data
/// (from 1 December). Each goes the way every event goes: recorded once under its key with its journal notice and
/// its waiting notices per route, in one transaction (docs/notifications.md).
extension DeliveryPipeline {
    /// The time of day of the sweep: before the digest, so its notices join that day's digest.
    static let sweepTime = TimeOfDay(hour: 7, minute: 0)

    /// Records condition notices (those not yet recorded) and hands them on like scheduler events.
    func fireNotices(_ items: [NoticeItem]) async throws {
        guard !items.isEmpty else { return }
        let plans = context.deliveryPlans
        let now = clock.now
        let encoder = DubanJSON.encoder()
        var fired: [FiredEvent] = []
        var outbox: [OutboxEntry] = []
        let composer = DigestComposer(templates: plans.templates, calendar: plans.schedule.calendar)
        let today = plans.schedule.settings.civilDate(of: now)
        for item in items {
            fired.append(
                FiredEvent(
                    key: item.key,
                    occurrenceID: item.occurrence,
                    kind: item.kind.rawValue,
                    scheduledAt: item.at,
                    firedAt: now
                )
            )
            // The journal line names the unit, as the other notices do: 【督办提醒】title(unit)status.
            func line(_ language: Language) -> String {
                let context = composer.context(of: item, index: 1, day: today, language)
                let marker = context["marker"] as? String ?? ""
                let status = context["status"] as? String ?? ""
                guard let unit = item.orgName else { return "\(marker)\(item.title) \(status)" }
                return language == .zhHans
                    ? "\(marker)\(item.title)(\(unit))\(status)" : "\(marker)\(item.title) (\(unit)) \(status)"
            }
            let message = LocalizedText(zh: line(.zhHans), en: line(.en))
            let notice = EventNotice(
                key: item.key,
                kind: item.kind.rawValue,
                occurrence: item.occurrence ?? "",
                plan: item.plan ?? "",
                task: item.task ?? "",
                title: item.title,
                org: item.org ?? "",
                orgName: item.orgName ?? "",
                due: item.due ?? today,
                dueAt: item.due.map { plans.schedule.settings.instant($0, at: plans.schedule.settings.dueTime) }
                    ?? item.at,
                days: item.days ?? 0,
                message: message,
                noticeNumber: item.number
            )
            // A completion or a step is journalled by the change that made it (with who made it); the rest here.
            if item.kind != .completed, item.kind != .step {
                outbox.append(
                    OutboxEntry(
                        eventKey: item.key,
                        channel: DeliveryPipeline.journalChannel,
                        payload: String(decoding: try encoder.encode(notice), as: UTF8.self)
                    )
                )
            }
        }
        try await record(fired, outbox: outbox, dispatches: try dispatches(for: items, plans: plans))
    }

    /// The notice about an occurrence known by its store record (a completion, pace).
    func noticeItem(record: OccurrenceRecord, kind: NoticeKind, key: String, at: Date, detail: LocalizedText? = nil)
        -> NoticeItem
    {
        let schedule = context.deliveryPlans.schedule
        let plan = schedule.plans.first { $0.id == record.plan }
        let task = schedule.taskIndex(plan: record.plan, task: record.task).map { schedule.tasks[$0].task }
        let unit = schedule.directory.unit(record.org)
        return NoticeItem(
            key: key,
            kind: kind,
            severity: NoticeItem.defaultSeverity(kind),
            at: at,
            occurrence: record.id,
            plan: record.plan,
            planTitle: plan?.title,
            task: record.task,
            title: task?.title ?? record.task,
            taskKind: task?.kind.rawValue,
            tags: task?.tags ?? [],
            org: record.org,
            orgName: unit?.name ?? record.org,
            period: OccurrenceIDs.period(ofID: record.id, plan: record.plan, task: record.task, org: record.org),
            due: record.due,
            detail: detail
        )
    }

    /// A `completed` notice for an occurrence just marked done (once per completion: the key carries its time).
    public func noticeCompleted(_ id: String) async {
        do {
            guard let record = try await store.state(of: id), record.state == .done else { return }
            let at = record.changedAt ?? clock.now
            let key = id + "#completed-" + String(Int64(at.timeIntervalSince1970 * 1000))
            try await fireNotices([noticeItem(record: record, kind: .completed, key: key, at: clock.now)])
        } catch {
            logger.error("无法记录办结通知 / cannot record the completion notice: \(error)")
        }
    }

    /// The daily sweep at `at` (its day in the site's zone): pace, targets, plugins, calendar.
    func sweepConditions(at instant: Date, pluginFailures: inout [String: Int]) async throws {
        let schedule = context.deliveryPlans.schedule
        let calendar = schedule.calendar
        let today = schedule.settings.civilDate(of: instant)
        let month = String(today.description.prefix(7))
        let policy = configuration.notifications
        var items: [NoticeItem] = []
        let store = try await syncedStore()
        let closed = try await store.closedOccurrenceIDs()
        for (index, scheduled) in schedule.tasks.enumerated() {
            let task = scheduled.task
            if let quota = task.quota?.count, task.kind == .quota {
                // Windows may span years (2022—2025): look ten years ahead for the occurrence open today.
                for occurrence in schedule.occurrences(ofTask: index, from: today, through: today.adding(days: 3660))
                where occurrence.start <= today {
                    let id = schedule.id(of: occurrence)
                    guard !closed.contains(id), let record = try await store.state(of: id) else { continue }
                    let achieved = (try? await store.progress(of: id).total) ?? 0
                    guard
                        let pace = ConditionChecks.behindPace(
                            quota: quota,
                            achieved: achieved,
                            start: occurrence.start,
                            end: occurrence.due,
                            today: today,
                            calendar: calendar,
                            tolerance: policy.behindPaceTolerance
                        ),
                        let expected = pace.expectedByNow
                    else { continue }
                    let detail = LocalizedText(
                        zh: "已完成\(Self.amount(achieved))/\(Self.amount(quota)),按进度应完成\(Self.amount(expected))",
                        en:
                            "\(Self.amount(achieved)) of \(Self.amount(quota)) done, \(Self.amount(expected)) expected by now"
                    )
                    items.append(
                        noticeItem(
                            record: record,
                            kind: .behindPace,
                            key: id + "#behind-" + month,
                            at: instant,
                            detail: detail
                        )
                    )
                }
            }
            if let target = task.target, task.kind == .target, let last = scheduled.milestones.last {
                let targetDate = calendar.roll(last, task.roll)
                guard targetDate >= today else { continue }
                for unit in scheduled.units {
                    let org = schedule.directory.units[Int(unit)].id
                    let readings = try await store.readings(
                        taskKey: TaskKey(plan: schedule.plans[scheduled.plan].id, task: task.id, org: org)
                    )
                    guard
                        let projected = ConditionChecks.atRisk(
                            target: target,
                            readings: readings.map { ($0.day, $0.value) },
                            targetDate: targetDate,
                            today: today
                        )
                    else { continue }
                    let plan = schedule.plans[scheduled.plan]
                    let key = "\(plan.id)/\(task.id)/\(org)#at-risk-\(month)"
                    let unitName = schedule.directory.unit(org)?.name ?? org
                    let goal = Self.amount(target.value ?? 0) + (target.unit ?? "")
                    items.append(
                        NoticeItem(
                            key: key,
                            kind: .targetAtRisk,
                            severity: NoticeItem.defaultSeverity(.targetAtRisk),
                            at: instant,
                            plan: plan.id,
                            planTitle: plan.title,
                            task: task.id,
                            title: task.title,
                            taskKind: task.kind.rawValue,
                            tags: task.tags,
                            org: org,
                            orgName: unitName,
                            due: targetDate,
                            detail: LocalizedText(
                                zh:
                                    "\(target.metric)按趋势到\(targetDate.year)年\(targetDate.month)月\(targetDate.day)日约为\(Self.amount(projected))\(target.unit ?? ""),目标\(goal)",
                                en:
                                    "\(target.metric) trends to about \(Self.amount(projected))\(target.unit ?? "") by \(targetDate), target \(goal)"
                            )
                        )
                    )
                }
            }
        }
        for statistics in await plugins.host.statistics() {
            let before = pluginFailures[statistics.name] ?? 0
            pluginFailures[statistics.name] = statistics.failures
            guard statistics.failures > before else { continue }
            items.append(
                NoticeItem(
                    key: "plugin/\(statistics.name)/failure/\(today)",
                    kind: .pluginFailure,
                    severity: .critical,
                    at: instant,
                    title: "插件 \(statistics.name)",
                    detail: LocalizedText(
                        zh: "\(statistics.failures - before)次失败,最近一次:\(statistics.lastError ?? "未知")",
                        en: "\(statistics.failures - before) failure(s), the last: \(statistics.lastError ?? "unknown")"
                    )
                )
            )
        }
        if let year = ConditionChecks.missingCalendarYear(today: today, calendar: calendar) {
            items.append(
                NoticeItem(
                    key: "calendar/missing/\(year)",
                    kind: .calendarMissing,
                    severity: .warning,
                    at: instant,
                    title: "\(year)年节假日安排",
                    detail: LocalizedText(
                        zh: "尚未载入\(year)年节假日安排,\(year)年的工作日暂按周一至周五推算;国务院办公厅通知发布后请用 dubanctl calendar import 导入",
                        en:
                            "the \(year) holiday arrangement is not loaded; working days in \(year) are provisional (Monday to Friday) until the State Council's notice is imported with dubanctl calendar import"
                    )
                )
            )
        }
        let handled = try await store.handledEventKeys(among: items.map(\.key))
        try await fireNotices(items.filter { !handled.contains($0.key) })
        // The loop's notices: 签收, 进展反馈, and the ladder (which numbers its 督办单 before they are recorded).
        if configuration.supervision.noticesEnabled(rolesConfigured: !configuration.roles.isEmpty) {
            try await fireNotices(try await supervisionItems(at: instant, today: today, store: store))
        }
    }

    static func amount(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int64(value)) : String(format: "%.1f", value)
    }

    /// Sleeps until each day's sweep time and sweeps.
    func conditionLoop() async {
        var failures: [String: Int] = [:]
        // A start after today's sweep time sweeps today at once (its keys keep what already fired from firing
        // twice), so a restart at 07:30 does not lose the day's check.
        let settings = context.deliveryPlans.schedule.settings
        let todaysSweep = settings.instant(settings.civilDate(of: clock.now), at: Self.sweepTime)
        var after = min(clock.now, todaysSweep.addingTimeInterval(-1))
        while !Task.isCancelled {
            let settings = context.deliveryPlans.schedule.settings
            var day = settings.civilDate(of: after)
            var next = settings.instant(day, at: Self.sweepTime)
            if next <= after {
                day = day.adding(days: 1)
                next = settings.instant(day, at: Self.sweepTime)
            }
            do {
                try await clock.sleep(until: next)
            } catch {
                return
            }
            do {
                try await sweepConditions(at: next, pluginFailures: &failures)
            } catch {
                // A stop cancels a sweep in progress: an end, not a failure.
                if Task.isCancelled { return }
                logger.error("每日检查失败 / the daily check failed: \(error)")
            }
            after = next
        }
    }
}

/// The daily sweep as a service.
public struct ConditionService: Service {
    let pipeline: DeliveryPipeline

    public init(pipeline: DeliveryPipeline) {
        self.pipeline = pipeline
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            guard (try? await pipeline.context.waitUntilStoreSynced()) != nil else { return }
            await pipeline.conditionLoop()
        }
    }
}
