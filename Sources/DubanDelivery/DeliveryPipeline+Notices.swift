import DubanCalendar
import DubanCore
import DubanNotify
import DubanPluginHost
import DubanPluginProtocol
import DubanScheduler
import DubanStore
import Foundation

/// From fired events to notices waiting for their digest: each event becomes a ``NoticeItem``, the policy's
/// routes give its receivers per notifier, and the timing gives when it goes out (docs/notifications.md).
extension DeliveryPipeline {
    /// The router over the plans in force and the running notifiers.
    func router(_ plans: DeliveryPlans) -> NotificationRouter {
        NotificationRouter(
            policy: configuration.notifications,
            directory: plans.schedule.directory,
            profiles: plugins.notifiers.map(\.manifest.notifierProfile)
        )
    }

    func timing(_ plans: DeliveryPlans) -> DigestTiming {
        DigestTiming(
            policy: configuration.notifications,
            settings: plans.schedule.settings,
            calendar: plans.schedule.calendar
        )
    }

    /// The notice of a scheduler event. An overdue notice past `escalate_after` is escalated (and critical); a
    /// reminder of a procedural limit is a `procedure` notice.
    func noticeItem(for event: DueEvent, schedule: Schedule) -> NoticeItem {
        let occurrence = event.occurrence
        let task = schedule.task(of: occurrence)
        let plan = schedule.plan(of: occurrence)
        let unit = schedule.unit(of: occurrence)
        let kind: NoticeKind
        var repeatIndex: Int?
        var escalated = false
        switch event.kind {
        case .reminder: kind = task.kind == .procedural ? .procedure : .reminder
        case .due: kind = .due
        case .overdue(let k):
            kind = .overdue
            repeatIndex = k
            let after = configuration.notifications.escalateAfter
            escalated = after > 0 && k > after
        }
        return NoticeItem(
            key: event.key,
            kind: kind,
            severity: NoticeItem.defaultSeverity(kind, escalated: escalated),
            at: event.instant,
            occurrence: event.occurrenceID,
            plan: plan.id,
            planTitle: plan.title,
            task: task.id,
            title: task.title,
            taskKind: task.kind.rawValue,
            tags: task.tags,
            org: unit.id,
            orgName: unit.name,
            period: OccurrenceIDs.period(ofID: event.occurrenceID, plan: plan.id, task: task.id, org: unit.id),
            due: occurrence.due,
            repeatIndex: repeatIndex,
            escalated: escalated
        )
    }

    /// One waiting notice per route of each item: the notifier's channel, the receiver, when it goes out. The
    /// router and timing are built once per batch.
    func dispatches(for items: [NoticeItem], plans: DeliveryPlans) throws -> [DispatchEntry] {
        if plugins.notifiers.isEmpty { return [] }
        let router = self.router(plans)
        let timing = self.timing(plans)
        var entries: [DispatchEntry] = []
        for item in items {
            let routes = router.routes(for: item)
            if routes.isEmpty { continue }
            let payload = try item.storedJSON()
            let sendAt = timing.sendAt(item.at, severity: item.severity)
            for route in routes {
                entries.append(
                    DispatchEntry(
                        eventKey: item.key,
                        channel: "plugin:" + route.notifier,
                        receiver: route.receiver,
                        sendAt: sendAt,
                        item: payload
                    )
                )
            }
        }
        return entries
    }

    /// Records fired events with their journal notices and waiting notices in one transaction, writes the journal,
    /// and wakes the digest loop when notices wait.
    func record(_ fired: [FiredEvent], outbox: [OutboxEntry], dispatches: [DispatchEntry]) async throws {
        try await syncedStore().recordFired(fired, outbox: outbox, dispatches: dispatches)
        if !dispatches.isEmpty { digestBell.ring() }
        try await drainJournal()
    }
}
