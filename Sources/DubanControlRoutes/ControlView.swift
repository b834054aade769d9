import DubanCalendar
import DubanControlAPI
public import DubanCore
import DubanNotify
public import DubanScheduler
import DubanStore
public import Foundation

/// One request's view of the daemon: the schedule in force and "now", with the mappings from store records and
/// schedule values to the API's bodies. Made per request so a reload in between cannot mix two schedules.
public struct ControlView: Sendable {
    let schedule: Schedule
    let now: Date
    let today: CivilDate
    /// The last overdue day (``SiteSettings/overdueThrough(at:)``).
    let overdueThrough: CivilDate
    let missingYears: Set<Int>
    let machine: SchedulerStateMachine?
    /// Which plans in force this is: moves with every reload that replaced them (answers cached for one
    /// generation are not reused for the next).
    let generation: UInt64
    /// The site's rules of the supervision loop (`supervision:`).
    let supervision: SupervisionSettings
    /// Stored occurrences found in the plans, cached per task and day for this view (one request).
    let lookup: OccurrenceLookup
    /// How far behind its pro-rata pace a quota may be before it is behind (`behind_pace_tolerance`).
    let paceTolerance: Double

    /// The view of `schedule` at `now`; `missingYears` are the years without holiday data, `machine` the
    /// scheduler's state (nil before the loop runs, or in a context without one), `generation` the count of
    /// plan sets loaded so far (``ControlContext/view()`` must move it whenever it hands out another schedule).
    public init(
        schedule: Schedule, missingYears: [Int], now: Date, machine: SchedulerStateMachine?, generation: UInt64,
        supervision: SupervisionSettings = SupervisionSettings(), paceTolerance: Double = 0.1
    ) {
        self.supervision = supervision
        self.paceTolerance = paceTolerance
        self.lookup = OccurrenceLookup(schedule: schedule)
        self.schedule = schedule
        self.generation = generation
        self.now = now
        self.today = schedule.settings.civilDate(of: now)
        self.overdueThrough = schedule.settings.overdueThrough(at: now)
        self.missingYears = Set(missingYears)
        self.machine = machine
    }

    func isOverdue(_ due: CivilDate, state: OccurrenceState) -> Bool {
        state == .open && due <= overdueThrough
    }

    func scheduled(plan: String, task: String) -> ScheduledTask? {
        schedule.taskIndex(plan: plan, task: task).map { schedule.tasks[$0] }
    }

    func planTitle(_ index: Int) -> String { schedule.plans[index].title }

    /// The period part of an occurrence id (after `plan/task/org/`).
    static func period(of record: OccurrenceRecord) -> String {
        period(ofID: record.id, plan: record.plan, task: record.task, org: record.org)
    }

    /// The period part of the occurrence id `plan/task/org/PERIOD` (``OccurrenceIDs/period(ofID:plan:task:org:)``).
    static func period(ofID id: String, plan: String, task: String, org: String) -> String {
        OccurrenceIDs.period(ofID: id, plan: plan, task: task, org: org)
    }

    /// The schedule's occurrence for a record, when the scheduler has expanded it (for start and nominal dates).
    func occurrence(of record: OccurrenceRecord) -> Occurrence? {
        guard record.eventDay == nil else { return nil }
        return lookup.occurrence(id: record.id, plan: record.plan, task: record.task, planDue: record.planDue ?? record.due)
    }

    /// The milestone body of a record; `detailed` adds the window start and nominal due date (costs a lookup).
    /// `achieved`: the quota progress recorded, for the light's 序时进度 (``ControlRoutes/achieved(_:view:)``).
    func milestone(_ record: OccurrenceRecord, detailed: Bool = false, achieved: Double? = nil) -> Milestone {
        withSupervision(plainMilestone(record, detailed: detailed), record, achieved: achieved)
    }

    /// The milestone body without the supervision loop's fields.
    func plainMilestone(_ record: OccurrenceRecord, detailed: Bool) -> Milestone {
        let scheduled = scheduled(plan: record.plan, task: record.task)
        let task = scheduled?.task
        let due = record.due
        let occurrence = detailed ? occurrence(of: record) : nil
        return Milestone(
            id: record.id,
            plan: record.plan,
            planTitle: scheduled.map { planTitle($0.plan) } ?? record.plan,
            task: record.task,
            title: task?.title ?? record.task,
            kind: task?.kind.rawValue ?? "deadline",
            org: record.org,
            orgName: schedule.directory.unit(record.org)?.name ?? record.org,
            period: ControlView.period(of: record),
            start: occurrence.map { $0.start.description } ?? record.eventDay?.description,
            due: due.description,
            nominalDue: occurrence.map { $0.nominalDue.description },
            dueAt: schedule.settings.dueInstant(due),
            weekday: due.weekday,
            weekdayName: due.weekdayName(.zhHans),
            workingDaysLeft: schedule.workingDays(from: today, to: due),
            overdue: isOverdue(due, state: record.state),
            state: record.state.rawValue,
            actor: record.actor,
            changedAt: record.changedAt,
            note: record.note,
            evidence: record.evidence,
            extendedWorkingDays: record.extendedDays ?? 0,
            provisional: missingYears.contains(due.year) || schedule.calendar.isProvisional(due),
            tags: task?.tags ?? []
        )
    }

    /// The reminder days of a record: from the schedule's occurrence when known, else the task's lead times.
    func reminders(of record: OccurrenceRecord) -> [String] {
        if let occurrence = occurrence(of: record) {
            return schedule.reminderDates(of: occurrence).map(\.description)
        }
        let leads = scheduled(plan: record.plan, task: record.task)?.task.reminders ?? []
        return leads.map { schedule.calendar.adding(workingDays: -$0, to: record.due).description }
    }

    // MARK: Org units

    /// `id` and every unit below it (roll-up), or `id` alone.
    func units(under id: String, rollup: Bool) -> [String] {
        guard rollup else { return [id] }
        var result: [String] = []
        var queue = [id]
        var seen = Set<String>()
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            queue.append(contentsOf: schedule.directory.children(of: next))
        }
        return result.sorted()
    }

    // MARK: Summaries

    func taskSummary(_ scheduled: ScheduledTask, counts: TaskCounts?) -> TaskSummary {
        let task = scheduled.task
        let plan = schedule.plans[scheduled.plan]
        let limit = task.procedural?.limit
        return TaskSummary(
            plan: plan.id,
            planTitle: plan.title,
            id: task.id,
            title: task.title,
            kind: task.kind.rawValue,
            kindName: task.kind.chinese,
            assignees: task.assignees,
            units: scheduled.units.map { schedule.directory.units[Int($0)].id },
            tags: task.tags,
            due: task.due?.text,
            quota: task.quota?.count,
            quotaUnit: task.quota?.unit,
            metric: task.target?.metric,
            targetValue: task.target?.value,
            comparator: task.target?.comparator.rawValue,
            limitWorkingDays: limit.map { $0.count },
            extensionWorkingDays: limit?.extensionCount,
            occurrences: counts?.total ?? 0,
            open: counts?.open ?? 0,
            overdue: counts?.overdue ?? 0,
            closed: (counts?.total ?? 0) - (counts?.open ?? 0),
            nextDue: counts?.nextOpenDue?.description
        )
    }

    static func auditBody(_ record: AuditRecord) -> AuditEntryBody {
        let e = record.entry
        return AuditEntryBody(
            id: record.id,
            at: e.at,
            uid: e.uid,
            user: e.user,
            action: e.action,
            target: e.target,
            request: e.request,
            requestID: e.requestID
        )
    }

    static func notificationBody(_ record: NotificationRecord) -> NotificationBody {
        let o = record.outbox
        let state = o.deliveredAt != nil ? "delivered" : o.attempts > 0 ? "failed" : "pending"
        return NotificationBody(
            id: o.id,
            eventKey: o.entry.eventKey,
            kind: record.kind,
            occurrence: record.occurrenceID,
            channel: o.entry.channel,
            state: state,
            scheduledAt: record.scheduledAt,
            createdAt: o.createdAt,
            attempts: o.attempts,
            nextAttemptAt: o.deliveredAt == nil ? o.nextAttemptAt : nil,
            lastError: o.lastError,
            deliveredAt: o.deliveredAt
        )
    }

    /// A notice waiting for its digest, as a notification: `scheduled_at` is when the digest goes out.
    static func waitingBody(_ record: DispatchRecord) -> NotificationBody {
        let item = try? NoticeItem(storedJSON: record.entry.item)
        return NotificationBody(
            id: record.id,
            eventKey: record.entry.eventKey,
            kind: item?.kind.rawValue ?? "reminder",
            occurrence: item?.occurrence,
            channel: record.entry.channel,
            state: "waiting",
            scheduledAt: record.entry.sendAt,
            createdAt: record.createdAt,
            attempts: 0,
            nextAttemptAt: record.entry.sendAt,
            lastError: nil,
            deliveredAt: nil,
            receiver: record.entry.receiver
        )
    }

    // MARK: Progress and readings

    /// A quota occurrence's progress and pace: the quota pro rata over the period's working days.
    func progressReport(_ record: OccurrenceRecord, progress: OccurrenceProgress) -> ProgressReport {
        let task = scheduled(plan: record.plan, task: record.task)?.task
        let start = occurrence(of: record)?.start ?? record.eventDay ?? CivilDate.startOfYear(record.due.year)
        let pace = QuotaPace(
            quota: task?.quota?.count,
            achieved: progress.total,
            start: start,
            end: record.due,
            today: today,
            calendar: schedule.calendar
        )
        return ProgressReport(
            occurrence: record.id,
            quota: task?.quota?.count,
            unit: task?.quota?.unit,
            periodStart: start.description,
            periodEnd: record.due.description,
            asOf: pace.asOf.description,
            achieved: progress.total,
            remaining: pace.remaining,
            expectedByNow: pace.expectedByNow,
            pace: pace.pace,
            onTrack: pace.onTrack,
            workingDaysTotal: pace.workingDaysTotal,
            workingDaysElapsed: pace.workingDaysElapsed,
            entries: progress.entries.map {
                ProgressItem(
                    id: $0.id,
                    amount: $0.amount,
                    date: $0.day.description,
                    note: $0.note,
                    actor: $0.actor,
                    recordedAt: $0.recordedAt,
                    requestID: $0.requestID
                )
            }
        )
    }

    /// A target's readings for one unit, the target, and the least-squares trend projected to the target date.
    func readingsReport(_ key: TaskKey, readings: [MetricReading]) -> ReadingsReport {
        let scheduled = scheduled(plan: key.plan, task: key.task)
        let target = scheduled?.task.target
        let targetDate = scheduled?.milestones.last.map { schedule.calendar.roll($0, scheduled!.task.roll) }
        let latest = readings.last?.value
        let trend = ReadingTrend.fit(readings.map { ($0.day, $0.value) })
        let projectedDate = targetDate ?? readings.last?.day
        let trendBody = trend.flatMap { fit -> Trend? in
            guard let projectedDate else { return nil }
            let projected = fit.value(at: projectedDate)
            return Trend(
                slopePerDay: fit.slope,
                slopePerYear: fit.slope * 365,
                projectedValue: projected,
                projectedDate: projectedDate.description,
                projectedMet: target?.value == nil ? nil : target?.isMet(by: projected)
            )
        }
        return ReadingsReport(
            plan: key.plan,
            task: key.task,
            org: key.org,
            metric: target?.metric,
            unit: target?.unit,
            targetValue: target?.value,
            targetValueMax: target?.valueMax,
            comparator: target?.comparator.rawValue,
            targetDate: targetDate?.description,
            readings: readings.map {
                ReadingItem(
                    id: $0.id,
                    value: $0.value,
                    date: $0.day.description,
                    note: $0.note,
                    actor: $0.actor,
                    recordedAt: $0.recordedAt,
                    requestID: $0.requestID
                )
            },
            latest: latest,
            met: latest.flatMap { value in target?.value == nil ? nil : target?.isMet(by: value) },
            trend: trendBody
        )
    }
}
