public import DubanCalendar
public import DubanCore
public import DubanSupervision

extension OccurrenceRecord {
    /// 交办: the day the occurrence reached its unit: the event's day for one started from an event, else its
    /// window's `start` (from the schedule), else its due date.
    public func assignedOn(start: CivilDate?) -> CivilDate {
        eventDay ?? start ?? due
    }

    /// The loop's record: the stored one, or the one the stage stands for; the due date is the one in force (the
    /// plans' when the loop did not move it).
    public func supervisionRecord(assignedOn: CivilDate, settings: SiteSettings) -> SupervisionRecord {
        var record =
            loop
            ?? SupervisionRecord(
                stage: stage, assignedOn: assignedOn, due: due, changedOn: changedAt.map(settings.civilDate(of:)))
        record.state = stage
        if dueShift == 0 {
            record.originalDue = due
            record.due = due
        }
        return record
    }
}

extension Schedule {
    /// The loop's rules for the occurrences of `plan`/`task` under the site's `settings`; the defaults for a task
    /// the plans no longer hold.
    public func supervisionRules(plan: String, task: String, settings: SupervisionSettings) -> SupervisionRules {
        guard let index = taskIndex(plan: plan, task: task) else {
            var rules = SupervisionRules()
            rules.acknowledgeWithin = settings.acknowledgeWithin
            rules.yellowWithin = settings.yellowWithin
            return rules
        }
        return SupervisionRules(task: tasks[index].task, settings: settings)
    }

    /// One occurrence as the ledger, the circular, the score and the ladder read it.
    /// - Parameters:
    ///   - start: the occurrence's window start from the timeline, when known (``OccurrenceRecord/assignedOn(start:)``).
    public func ledgerItem(
        _ record: OccurrenceRecord, steps: [SupervisionStep], start: CivilDate?, settings: SupervisionSettings
    ) -> LedgerItem {
        let task = taskIndex(plan: record.plan, task: record.task).map { tasks[$0].task }
        return LedgerItem(
            id: record.id, plan: record.plan, task: record.task, title: task?.title ?? record.task,
            unit: record.org, unitName: directory.displayName(record.org), coUnits: task?.coUnits ?? [],
            urgency: task?.urgency ?? .normal, origin: task?.origin,
            record: record.supervisionRecord(assignedOn: record.assignedOn(start: start), settings: self.settings),
            steps: steps, rules: supervisionRules(plan: record.plan, task: record.task, settings: settings))
    }
}
