import DubanCalendar
public import DubanCore
public import Foundation

/// The events that fall in a stretch of time, computed directly from the plans with the scheduler's rules (for
/// `dubanctl preview`): no timeline, no state, nothing recorded. Closed occurrences and handled events are the
/// caller's to leave out.
public enum EventForecast {
    /// Events of the schedule's occurrences whose instant lies in `(after, through]`, in instant order.
    public static func events(
        after: Date,
        through: Date,
        schedule: Schedule,
        configuration: SchedulerConfiguration
    ) -> [DueEvent] {
        let settings = schedule.settings
        let calendar = schedule.calendar
        let first = settings.civilDate(of: after)
        let last = settings.civilDate(of: through)
        // Due dates whose events can reach the stretch: up to the longest lead after it, back to the last overdue
        // notice before it (with a margin of calendar days for holidays).
        let longestLead = schedule.tasks.map { $0.task.reminders.max() ?? 0 }.max() ?? 0
        let overdueSpan = configuration.overdueEvery * configuration.overdueRepeats
        let dueFrom = calendar.adding(workingDays: -overdueSpan, to: first).adding(days: -31)
        let dueThrough = calendar.adding(workingDays: longestLead, to: last).adding(days: 31)
        var events: [DueEvent] = []
        let occurrences = schedule.expand(from: dueFrom, through: dueThrough)
        for (index, occurrence) in occurrences.enumerated() {
            let leads = EventRules.leadTimes(schedule.task(of: occurrence).reminders)
            var id: String?
            EventRules.forEachEventDay(
                due: occurrence.due.dayNumber,
                start: Int(occurrence.startDay),
                leads: leads,
                calendar: calendar,
                configuration: configuration
            ) { day, kind, sequence in
                let date = CivilDate(dayNumber: day)
                guard date >= first, date <= last else { return }
                let instant = settings.instant(date, at: settings.officeStart)
                guard instant > after, instant <= through else { return }
                let occurrenceID = id ?? schedule.id(of: occurrence)
                id = occurrenceID
                events.append(
                    DueEvent(
                        occurrenceID: occurrenceID,
                        occurrence: occurrence,
                        occurrenceIndex: index,
                        kind: kind.eventKind(sequence: sequence),
                        instant: instant
                    )
                )
            }
        }
        return events.sorted { ($0.instant, $0.key) < ($1.instant, $1.key) }
    }
}
