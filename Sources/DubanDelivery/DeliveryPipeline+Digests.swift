public import DubanCalendar
public import DubanControlAPI
import DubanCore
import DubanNotify
import DubanPluginProtocol
import DubanScheduler
import DubanStore
import Foundation
import Logging
public import ServiceLifecycle

/// Digests: at each digest instant, the notices waiting for it are grouped per notifier and receiver into one
/// message (ordered by urgency, with a summary line) and recorded with its outbox entry in one transaction; the
/// notifier's delivery loop then sends it, retrying with backoff (PluginService). Exactly once per (event,
/// receiver): the store keeps one waiting row per event, channel and receiver, and each row joins one digest.
extension DeliveryPipeline {
    /// Sleeps until the next waiting notice is due, lets the scheduler finish the events of that instant, then
    /// records the digests; woken early by ``digestBell`` when notices are recorded.
    func digestLoop() async {
        while !Task.isCancelled {
            digestBell.clear()
            let next: Date?
            do {
                next = try await store.nextDispatchAt()
            } catch {
                if Task.isCancelled { return }
                logger.error("无法读取待发通知 / cannot read waiting notices: \(error)")
                await digestBell.sleep(until: clock.now.addingTimeInterval(60), on: clock)
                continue
            }
            if let next, next <= clock.now {
                await waitForScheduler(through: next)
                do {
                    try await assembleDigests()
                } catch {
                    if Task.isCancelled { return }
                    logger.error("无法生成汇总通知 / cannot assemble digests: \(error)")
                    await digestBell.sleep(until: clock.now.addingTimeInterval(60), on: clock)
                }
                continue
            }
            await digestBell.sleep(until: next ?? .distantFuture, on: clock)
        }
    }

    /// Waits (a little real time at most) until the scheduler loop has delivered every event up to `instant`, so
    /// the notices of a digest's own instant make it into that digest.
    func waitForScheduler(through instant: Date) async {
        let limit = ContinuousClock.now + .seconds(2)
        while !Task.isCancelled, ContinuousClock.now < limit {
            if let settled = context.currentLoop?.settledThrough, settled >= instant { return }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Groups the notices due now into messages (``NoticeGroup``), writes each one and records them.
    func assembleDigests() async throws {
        let now = clock.now
        let due = try await store.dueDispatches(now: now)
        if due.isEmpty { return }
        let plans = context.deliveryPlans
        let router = self.router(plans)
        let composer = DigestComposer(templates: plans.templates, calendar: plans.schedule.calendar)
        var unreadable: [Int64] = []
        var notices: [PendingNotice] = []
        for record in due {
            guard let item = try? NoticeItem(storedJSON: record.entry.item) else {
                logger.error(
                    "无法读取待发通知 / unreadable waiting notice",
                    metadata: ["duban.event_key": "\(record.entry.eventKey)"]
                )
                unreadable.append(record.id)
                continue
            }
            notices.append(
                PendingNotice(
                    item: item,
                    notifier: String(record.entry.channel.dropFirst("plugin:".count)),
                    receiver: record.entry.receiver,
                    sendAt: record.entry.sendAt,
                    reference: record.id
                )
            )
        }
        var digests: [DigestEntry] = []
        for group in NoticeGroup.group(notices, timing: timing(plans)) {
            let day = plans.schedule.settings.civilDate(of: group.sendAt)
            let message = composer.compose(group.items, receiverName: router.receiverName(group.receiver), day: day)
            let first = group.notices.map(\.reference).min() ?? 0
            let digestKey = "digest/\(group.notifier)/\(group.receiver)/\(day)/\(first)"
            var event = notifyEvent(
                key: digestKey,
                items: group.items,
                message: message,
                receiver: group.receiver,
                router: router,
                schedule: plans.schedule,
                day: day
            )
            event.delivery = group.immediate ? "immediate" : "digest"
            event.receiver?.settings = router.settings(
                notifier: group.notifier, receiver: group.receiver, items: group.items)
            event.items = zip(event.items ?? [], group.items).map { wire, item in
                var wire = wire
                let status = composer.status(of: item, day: day)
                wire.status = LocalizedString(zhHans: status.zh, en: status.en)
                return wire
            }
            let payload = String(decoding: try DeliveryPlugins.encoder.encode(event), as: UTF8.self)
            digests.append(
                DigestEntry(
                    key: digestKey,
                    channel: "plugin:" + group.notifier,
                    scheduledAt: group.sendAt,
                    payload: payload,
                    dispatchIDs: group.notices.map(\.reference)
                )
            )
        }
        try await store.setDispatchesAside(ids: unreadable, reason: "unreadable")
        let recorded = try await store.recordDigests(digests)
        if !recorded.isEmpty {
            logger.info("已生成汇总通知 \(recorded.count) 份 / digests assembled: \(recorded.count)")
            plugins.wake()
        }
    }

    /// The `notify` event of a digest: its subject and text, the receiver's people, and (for plugins written for
    /// protocol 1.0) the most urgent notice as its occurrence.
    func notifyEvent(
        key: String,
        items: [NoticeItem],
        message: ComposedMessage,
        receiver: String,
        router: NotificationRouter,
        schedule: Schedule,
        day: CivilDate
    ) -> NotifyEvent {
        let first = items[0]
        let zoned = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: schedule.settings.timeZone)
        let due = first.due ?? day
        let left = schedule.workingDays(from: day, to: due)
        let receiverOrg =
            receiver.hasPrefix("org:")
            ? String(receiver.dropFirst(4))
            : receiver.hasPrefix("leader:") ? String(receiver.dropFirst(7)) : "duban"
        return NotifyEvent(
            key: key,
            kind: "digest",
            severity: (items.map(\.severity).max() ?? .info).rawValue,
            locale: configuration.locale.rawValue,
            occurrence: NotifyOccurrence(
                id: first.occurrence ?? first.key,
                plan: first.plan ?? "duban",
                planTitle: first.planTitle ?? "",
                task: first.task ?? first.kind.rawValue,
                taskTitle: first.title,
                org: first.org ?? receiverOrg,
                orgName: first.orgName ?? router.receiverName(receiver),
                period: first.period ?? "",
                due: due.description,
                dueAt: zoned.format(schedule.settings.instant(due, at: schedule.settings.dueTime)),
                workingDaysLeft: left
            ),
            recipients: router.recipients(of: receiver).map {
                Recipient(name: $0.name, email: $0.email, phone: $0.phone, role: $0.role, mobile: $0.mobile)
            },
            subject: LocalizedString(zhHans: message.subject.zh, en: message.subject.en),
            text: LocalizedString(zhHans: message.text.zh, en: message.text.en),
            items: items.map {
                NotifyItem(
                    key: $0.key,
                    kind: $0.kind.rawValue,
                    severity: $0.severity.rawValue,
                    title: $0.title,
                    occurrence: $0.occurrence,
                    org: $0.org,
                    due: $0.due?.description,
                    orgName: $0.orgName,
                    light: $0.light,
                    number: $0.number,
                    escalated: $0.escalated ? true : nil
                )
            },
            receiver: notifyReceiver(receiver, router: router)
        )
    }
}

extension DeliveryPipeline {
    /// The receiver of a message as protocol 1.2 names it: the unit, its people, its robots.
    func notifyReceiver(_ receiver: String, router: NotificationRouter) -> NotifyReceiver {
        let unit = router.unitID(of: receiver).flatMap { router.directory.unit($0) }
        return NotifyReceiver(
            key: receiver,
            kind: receiver.hasPrefix("leader:") ? "leader" : unit != nil ? "unit" : "address",
            org: unit?.id,
            orgName: unit?.name,
            name: router.receiverName(receiver),
            contacts: router.recipients(of: receiver).map {
                Recipient(name: $0.name, email: $0.email, phone: $0.phone, role: $0.role, mobile: $0.mobile)
            },
            wecom: unit?.wecom,
            dingtalk: unit?.dingtalk
        )
    }
}

/// The digest loop as a service.
public struct DigestService: Service {
    let pipeline: DeliveryPipeline

    public init(pipeline: DeliveryPipeline) {
        self.pipeline = pipeline
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            guard (try? await pipeline.context.waitUntilStoreSynced()) != nil else { return }
            await pipeline.digestLoop()
        }
    }
}

extension DeliveryPipeline {
    /// What `day`'s messages carry (`GET /v1/preview`): the events falling between the previous working day's
    /// digest and the end of `day`, of open occurrences, routed, timed and grouped as they would be, with their
    /// subjects and texts, occurrences started from an event included. Nothing is sent or recorded; a day already
    /// past is shown as the rules make it.
    public func preview(_ day: CivilDate) async throws -> PreviewBody {
        let plans = context.deliveryPlans
        let schedule = plans.schedule
        let settings = schedule.settings
        let timing = self.timing(plans)
        let router = self.router(plans)
        let composer = DigestComposer(templates: plans.templates, calendar: schedule.calendar)
        let previous = schedule.calendar.previousWorkingDay(before: day)
        let after = min(timing.digestInstant(on: previous), settings.instant(day, at: TimeOfDay(hour: 0, minute: 0)))
        let through = settings.instant(day.adding(days: 1), at: TimeOfDay(hour: 0, minute: 0))
        let closed = try await syncedStore().closedOccurrenceIDs()
        var notices: [PendingNotice] = []
        // Occurrences started from an event (procedural limits) are not in the plans' expansion: their own timeline.
        let started = try await startedTimeline(schedule: schedule).due(at: through).filter { $0.instant >= after }
        let forecast = EventForecast.events(
            after: after.addingTimeInterval(-1),
            through: through,
            schedule: schedule,
            configuration: configuration.schedulerConfiguration(firstFired: nil, now: clock.now)
        )
        for event in forecast + started where !closed.contains(event.occurrenceID) {
            let item = noticeItem(for: event, schedule: schedule)
            let sendAt = timing.sendAt(item.at, severity: item.severity)
            guard settings.civilDate(of: sendAt) == day else { continue }
            for route in router.routes(for: item) {
                notices.append(
                    PendingNotice(item: item, notifier: route.notifier, receiver: route.receiver, sendAt: sendAt)
                )
            }
        }
        let language = configuration.locale
        let messages = NoticeGroup.group(notices, timing: timing).map { group in
            let message = composer.compose(group.items, receiverName: router.receiverName(group.receiver), day: day)
            return PreviewMessage(
                channel: "plugin:" + group.notifier,
                receiver: group.receiver,
                receiverName: router.receiverName(group.receiver),
                recipients: router.recipients(of: group.receiver).compactMap(\.email),
                sendAt: group.sendAt,
                immediate: group.immediate,
                subject: message.subject.text(language),
                text: message.text.text(language),
                items: group.items.map {
                    PreviewItem(
                        key: $0.key,
                        kind: $0.kind.rawValue,
                        severity: $0.severity.rawValue,
                        title: $0.title,
                        org: $0.org,
                        due: $0.due?.description
                    )
                }
            )
        }
        return PreviewBody(date: day.description, workingDay: schedule.calendar.isWorkingDay(day), messages: messages)
    }
}
