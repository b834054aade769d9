import DubanCalendar
import DubanCore
import DubanNotify
import DubanScheduler
import DubanStore
import DubanSupervision
import Foundation

/// The supervision loop's own notices, found by the daily sweep (docs/supervision.md, "Notices of the loop"):
/// 签收提醒 on the last day of the 签收时限, 进展反馈提醒 on the day a report falls due, and the escalation
/// ladder's 催办, 督办单 (numbered by the store, to the unit's leader in charge and copied to the parent) and 通报.
/// Each has a stable key, so it is recorded and sent once like every other event.
///
/// The ladder presses only what happened while duband was watching: an event whose day, or whose limit, falls
/// before the loop's first sweep (the floor: a `ladder-start` event recorded with that sweep's instant, so a sweep
/// that ran late does not move it) is not sent; items long overdue before that stay red on the board and keep
/// their overdue notices. The 督办单 rounds count
/// from the first one sent. All of it is on once `roles:` is configured (`supervision.notices`).
extension DeliveryPipeline {
    /// Every loop notice due on `today` (and those of earlier days since the floor not yet recorded).
    func supervisionItems(at instant: Date, today: CivilDate, store: any StateStore) async throws -> [NoticeItem] {
        let schedule = context.deliveryPlans.schedule
        let calendar = schedule.calendar
        let settings = configuration.supervision
        let floor = schedule.settings.civilDate(of: try await ladderStart(at: instant, store: store))
        var records: [OccurrenceRecord] = []
        var offset = 0
        let page = 10_000
        while true {
            let found = try await store.occurrences(
                matching: OccurrenceFilter(states: [.open], limit: page, offset: offset))
            records += found.records.filter(\.stage.awaitsUnit)
            offset += found.records.count
            if found.records.count < page || offset >= found.total { break }
        }
        // 交办 from the plans themselves, whether or not the scheduler's timeline is running yet.
        let index = OccurrenceLookup(schedule: schedule)
        let starts = records.map { record -> CivilDate? in
            guard record.eventDay == nil else { return nil }
            return index.start(id: record.id, plan: record.plan, task: record.task, planDue: record.planDue ?? record.due)
        }
        var candidates: [(OccurrenceRecord, CivilDate?)] = []
        for (record, start) in zip(records, starts) where record.assignedOn(start: start) <= today {
            candidates.append((record, start))
        }
        var steps: [String: [SupervisionStep]] = [:]
        let stepped = candidates.map(\.0).filter { $0.stage != .assigned }.map(\.id)
        for chunk in stride(from: 0, to: stepped.count, by: 10_000) {
            steps.merge(try await store.steps(of: Array(stepped[chunk..<min(chunk + 10_000, stepped.count)]))) { a, _ in a }
        }
        var items: [LoopNotice] = []
        for (record, start) in candidates {
            let item = schedule.ledgerItem(record, steps: steps[record.id] ?? [], start: start, settings: settings)
            // Every limit of the item before the floor: nothing of it can be sent, and its walk is skipped.
            let acknowledgeBy = item.rules.acknowledgeBy(item.record.assignedOn, calendar: calendar)
            let latestLimit = ([acknowledgeBy, item.record.due, item.record.originalDue] + item.steps.map(\.due)).max()!
            if latestLimit < floor { continue }
            items += loopNotices(item, record: record, at: instant, today: today, floor: floor, calendar: calendar)
        }
        // Only the 督办单 not yet recorded get a number.
        let handled = try await store.handledEventKeys(among: items.map(\.notice.key))
        var result: [NoticeItem] = []
        for item in items where !handled.contains(item.notice.key) {
            if let event = item.event, event.level == .notice {
                result.append(try await issue(item.notice, event: event, item: item.item, store: store, calendar: calendar))
            } else {
                result.append(item.notice)
            }
        }
        return result
    }

    /// The kind of the event that marks the loop's first sweep.
    static let ladderStartKind = "ladder-start"

    /// The instant of the loop's first sweep: recorded once (key `supervision/ladder-start`, kind `ladder-start`,
    /// scheduled at that sweep's instant) and read back ever after.
    func ladderStart(at instant: Date, store: any StateStore) async throws -> Date {
        if let recorded = try await store.firstScheduledAt(kind: Self.ladderStartKind) { return recorded }
        try await store.recordFired(
            [
                FiredEvent(
                    key: "supervision/ladder-start", occurrenceID: nil, kind: Self.ladderStartKind,
                    scheduledAt: instant, firedAt: clock.now)
            ], outbox: [])
        return try await store.firstScheduledAt(kind: Self.ladderStartKind) ?? instant
    }

    /// A loop notice with the item and, for the ladder's, the event behind it.
    struct LoopNotice {
        var notice: NoticeItem
        var item: LedgerItem
        var event: EscalationEvent?
    }

    /// The 签收, 进展反馈 and ladder notices of one item on `today`.
    func loopNotices(
        _ item: LedgerItem, record: OccurrenceRecord, at instant: Date, today: CivilDate, floor: CivilDate,
        calendar: WorkingDayCalendar
    ) -> [LoopNotice] {
        var notices: [LoopNotice] = []
        let acknowledgeBy = item.rules.acknowledgeBy(item.record.assignedOn, calendar: calendar)
        if record.stage == .assigned, acknowledgeBy == today, today >= floor, acknowledgeBy < item.record.due {
            notices.append(
                LoopNotice(notice: noticeItem(
                    record: record, kind: .acknowledge, key: "\(item.id)#acknowledge-\(acknowledgeBy)", at: instant,
                    detail: LocalizedText(
                        zh: "\(item.record.assignedOn.shortText(.zhHans, withYear: true))交办,请于今日签收",
                        en: "assigned \(item.record.assignedOn), please acknowledge it today")), item: item))
        }
        if today >= floor, item.feedbackOutstanding(on: today, calendar: calendar), let cadence = item.rules.feedback {
            notices.append(
                LoopNotice(notice: noticeItem(
                    record: record, kind: .feedback, key: "\(item.id)#feedback-\(today)", at: instant,
                    detail: LocalizedText(
                        zh: "按\(cadence.zh)报送,截至今日本期尚未报送", en: "reports are due \(cadence.en); none yet")), item: item))
        }
        let events = EscalationLadder.events(
            for: item, through: today, rules: configuration.supervision.ladder, calendar: calendar)
        // Rounds of 督办单 count from the first one duband sent: an item stale before the floor gets 第1次, not
        // the round a walk from its first limit years ago would give.
        var round = 0
        for var event in events where event.day >= floor && event.limitDay >= floor {
            if event.level == .notice {
                round += 1
                event.round = round
                event.key = EscalationEvent.key(item: item.id, level: .notice, round: round)
            }
            let past = event.limit == .due ? "已超过办结时限" : "超过签收时限"
            let pastEn = event.limit == .due ? "past the due date" : "not acknowledged in time"
            var notice: NoticeItem
            switch event.level {
            case .reminder:
                continue
            case .chase:
                notice = noticeItem(
                    record: record, kind: .chase, key: event.key, at: instant,
                    detail: LocalizedText(
                        zh: "\(past)\(event.workingDaysPastLimit)个工作日,\(event.workingDaysWithoutProgress)个工作日无进展,请抓紧办理并反馈",
                        en:
                            "\(event.workingDaysPastLimit) working day(s) \(pastEn), no progress for \(event.workingDaysWithoutProgress); act and report"
                    ))
            case .notice:
                notice = noticeItem(record: record, kind: .supervisionNotice, key: event.key, at: instant)
                notice.repeatIndex = event.round
                notice.escalated = true
            case .circular:
                let month = "\(event.day.year)年\(event.day.month)月"
                notice = noticeItem(
                    record: record, kind: .circular, key: event.key, at: instant,
                    detail: LocalizedText(
                        zh: "\(past)\(event.workingDaysPastLimit)个工作日无进展,将在\(month)通报中点名",
                        en:
                            "\(event.workingDaysPastLimit) working day(s) \(pastEn) without progress; named in the circular of \(event.day.year)-\(event.day.month)"
                    ))
                notice.escalated = true
            }
            notice.days = event.workingDaysWithoutProgress
            notice.due = event.limitDay
            notices.append(LoopNotice(notice: notice, item: item, event: event))
        }
        return notices
    }

    /// Gives a 督办单 notice its number and document (the store's, idempotent by the event's key).
    func issue(
        _ item: NoticeItem, event: EscalationEvent, item ledgerItem: LedgerItem, store: any StateStore,
        calendar: WorkingDayCalendar
    ) async throws -> NoticeItem {
        let schedule = context.deliveryPlans.schedule
        let directory = schedule.directory
        let unit = directory.unit(ledgerItem.unit)
        let leader = unit?.contacts.first { $0.role == NotificationRouter.leaderRole }?.name
        let copyTo = unit?.parent.map(directory.displayName)
        let rules = configuration.supervision.ladder
        let planTitle = schedule.plans.first { $0.id == ledgerItem.plan }?.title ?? ledgerItem.plan
        var titled = ledgerItem
        titled.plan = planTitle
        let named = titled
        let issued = try await store.issueSupervisionNotice(
            eventKey: event.key, occurrenceID: ledgerItem.id, org: ledgerItem.unit, prefix: rules.noticePrefix,
            issuedOn: event.day
        ) { number in
            SupervisionNoticeDocument.make(
                item: named, event: event, number: number, leaderInCharge: leader, copyTo: copyTo, rules: rules,
                calendar: calendar)
        }
        let document = issued.document
        var result = item
        result.number = document.number.description
        let round = document.round > 1 ? "(第\(document.round)次)" : ""
        let roundEn = document.round > 1 ? " (round \(document.round))" : ""
        result.detail = LocalizedText(
            zh: "\(document.number)\(round):\(document.overdueText(.zhHans)),请于\(document.replyBy.shortText(.zhHans, withYear: true))前书面报送办理情况",
            en:
                "\(document.number)\(roundEn): \(document.overdueText(.en)); report in writing by \(document.replyBy)")
        return result
    }
}
