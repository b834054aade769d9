public import DubanCalendar
public import DubanCore

/// The escalation ladder (督办升级): 提醒 → 催办 → 督办单 → 通报, for an item past its limit while the unit is
/// to act. Reminders before the due date are the scheduler's (a task's `reminders`); the ladder starts the day
/// after the limit. docs/supervision.md, "Escalation ladder", has the rules and a worked example.
///
/// On a day D, with the item's state and due date as its history has them at the end of D:
/// - nothing to press unless the unit is to act (待签收, 办理中, 申请延期): not once handed in, paused, closed,
///   struck off or waived;
/// - the limit L: the due date in force; while not acknowledged, the 签收时限 when that comes first;
///   nothing to press while D ≤ L;
/// - the clock starts at S = max(L, the last progress day (签收, 进展反馈, 延期申请, 办结报告), the last day
///   the item came back to the unit (退回, 恢复, 重新打开)); N = working days in (S, D];
/// - the level: 通报 when N ≥ `circularAfter`, 督办单 when N ≥ `noticeAfter`, 催办 when N ≥ `chaseAfter`,
///   提醒 otherwise; never below `startLevel` for 特急 items and the listed origins.
public enum EscalationLadder {
    /// Where an item stands on the ladder on one day, and why.
    public struct Reading: Sendable, Hashable, Codable {
        public var level: EscalationLevel
        public var limit: EscalationLimit
        public var limitDay: CivilDate
        public var workingDaysPastLimit: Int
        /// The day the clock counts from (S).
        public var clockStart: CivilDate
        /// N: working days in (S, D].
        public var workingDaysWithoutProgress: Int
    }

    /// The rung `item` is on on `day`; nil when there is nothing to press.
    public static func level(
        for item: LedgerItem, on day: CivilDate, rules: EscalationRules, calendar: WorkingDayCalendar
    ) -> EscalationLevel? {
        reading(for: item, on: day, rules: rules, calendar: calendar)?.level
    }

    /// The rung `item` is on on `day` with the limit and the clock behind it; nil when there is nothing to press.
    public static func reading(
        for item: LedgerItem, on day: CivilDate, rules: EscalationRules, calendar: WorkingDayCalendar
    ) -> Reading? {
        reading(item, Snapshot(item, on: day), on: day, rules: rules, calendar: calendar)
    }

    /// Every ladder event of `item` up to and including `day`, in order (by day; on one day 催办, 督办单, 通报).
    ///
    /// The ladder is walked working day by working day from the first day an item can be past a limit, each day
    /// read as ``reading(for:on:rules:calendar:)`` reads it:
    /// - 催办 (`<id>#ladder-chase`): the first working day at 催办 or above; once; skipped when the item starts
    ///   above 催办;
    /// - 督办单 (`<id>#ladder-notice-1`): the first working day at 督办单 or above; then `-2`, `-3` … on the first
    ///   working day at 督办单 or above at least `noticeRepeatEvery` working days after the previous one, until
    ///   the item is handed in, closed, waived or paused (a progress report holds the repeats until the unit is
    ///   silent `noticeAfter` working days again);
    /// - 通报 (`<id>#ladder-circular`): the first working day at 通报; once.
    ///
    /// Each day's events depend on the history up to that day only, so the list for a later day starts with the
    /// list for an earlier one (for the same item), and a key never names two events. The walk stops 100 years
    /// after the item's first possible limit.
    public static func events(
        for item: LedgerItem, through day: CivilDate, rules: EscalationRules, calendar: WorkingDayCalendar
    ) -> [EscalationEvent] {
        let acknowledgeBy = item.rules.acknowledgeBy(item.record.assignedOn, calendar: calendar)
        let earliest = ([acknowledgeBy, item.record.originalDue, item.record.due] + item.steps.map(\.due)).min()!
        let end = min(day, earliest.adding(days: 36_525))
        // The history changes only on these days; between them the snapshot stands.
        let changes = Set(
            item.steps.map(\.day)
                + [item.record.acknowledgedOn, item.record.lastFeedbackOn, item.record.submittedOn].compactMap { $0 }
        ).sorted()
        let lastChange = changes.last ?? item.record.assignedOn
        let startsAboveChase = rules.startsHigh(urgency: item.urgency, origin: item.origin) && rules.startLevel > .chase
        var events: [EscalationEvent] = []
        var chased = false
        var circulated = false
        var lastNotice: (day: CivilDate, round: Int)?
        var next = changes.startIndex
        var snapshot = Snapshot(item, on: earliest)
        var current = earliest.adding(days: 1)
        while current <= end {
            defer { current = current.adding(days: 1) }
            if next < changes.endIndex, changes[next] <= current {
                while next < changes.endIndex, changes[next] <= current { next += 1 }
                snapshot = Snapshot(item, on: current)
            }
            if current > lastChange, !snapshot.state.awaitsUnit { break }
            guard calendar.isWorkingDay(current),
                let reading = reading(item, snapshot, on: current, rules: rules, calendar: calendar)
            else { continue }
            func event(_ level: EscalationLevel, round: Int? = nil) -> EscalationEvent {
                EscalationEvent(
                    key: EscalationEvent.key(item: item.id, level: level, round: round), item: item.id,
                    level: level, day: current, round: round, limit: reading.limit, limitDay: reading.limitDay,
                    workingDaysPastLimit: reading.workingDaysPastLimit,
                    workingDaysWithoutProgress: reading.workingDaysWithoutProgress)
            }
            if reading.level >= .chase, !chased, !startsAboveChase {
                events.append(event(.chase))
                chased = true
            }
            if reading.level >= .notice {
                if let previous = lastNotice {
                    let since = calendar.workingDays(from: previous.day.adding(days: 1), through: current)
                    if since >= max(1, rules.noticeRepeatEvery) {
                        events.append(event(.notice, round: previous.round + 1))
                        lastNotice = (current, previous.round + 1)
                    }
                } else {
                    events.append(event(.notice, round: 1))
                    lastNotice = (current, 1)
                }
            }
            if reading.level >= .circular, !circulated {
                events.append(event(.circular))
                circulated = true
            }
        }
        return events
    }

    /// What the ladder reads of an item's history at the end of one day.
    struct Snapshot {
        var state: SupervisionState
        var due: CivilDate
        var lastProgress: CivilDate
        var handedBack: CivilDate?

        init(_ item: LedgerItem, on day: CivilDate) {
            state = item.state(on: day)
            due = item.due(on: day)
            lastProgress = item.lastProgressDay(onOrBefore: day)
            handedBack = item.lastHandedBackDay(onOrBefore: day)
        }
    }

    static func reading(
        _ item: LedgerItem, _ snapshot: Snapshot, on day: CivilDate, rules: EscalationRules,
        calendar: WorkingDayCalendar
    ) -> Reading? {
        guard snapshot.state.awaitsUnit else { return nil }
        let acknowledgeBy = item.rules.acknowledgeBy(item.record.assignedOn, calendar: calendar)
        let limitDay = snapshot.state == .assigned ? min(acknowledgeBy, snapshot.due) : snapshot.due
        guard day > limitDay else { return nil }
        let limit: EscalationLimit = day > snapshot.due ? .due : .acknowledgement
        let shownLimit = limit == .due ? snapshot.due : acknowledgeBy
        let start = max(limitDay, snapshot.lastProgress, snapshot.handedBack ?? limitDay)
        let silent = calendar.signedWorkingDays(from: start, to: day)
        var level: EscalationLevel =
            silent >= rules.circularAfter
            ? .circular
            : silent >= rules.noticeAfter ? .notice : silent >= rules.chaseAfter ? .chase : .reminder
        if rules.startsHigh(urgency: item.urgency, origin: item.origin) { level = max(level, rules.startLevel) }
        return Reading(
            level: level, limit: limit, limitDay: shownLimit,
            workingDaysPastLimit: max(0, calendar.signedWorkingDays(from: shownLimit, to: day)),
            clockStart: start, workingDaysWithoutProgress: max(0, silent))
    }
}
