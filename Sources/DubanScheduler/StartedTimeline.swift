import DubanCalendar
public import DubanCore
public import Foundation

/// The events of occurrences started from an event (procedural limits, such as a request received on a day and
/// answered within 15 working days), which the schedule cannot expand because nobody knows their dates ahead.
///
/// The rules are the state machine's (see ``SchedulerStateMachine``): a reminder at each of the task's lead times,
/// `due` on the due date and `overdue(k)` every `overdueEvery` working days after it, at office start, none before
/// the window start (the day the event happened), with the same keys (`<occurrence id>#due`). Started occurrences
/// are few, so the timeline is rebuilt whole whenever one changes.
public struct StartedTimeline: Sendable {
    /// One open started occurrence: its stored id and its place in the schedule.
    public struct Item: Hashable, Sendable {
        public var id: String
        public var occurrence: Occurrence

        public init(id: String, occurrence: Occurrence) {
            self.id = id
            self.occurrence = occurrence
        }
    }

    /// Every event of every item, by instant then key.
    public let events: [DueEvent]

    public init(items: [Item], schedule: Schedule, configuration: SchedulerConfiguration) {
        let calendar = schedule.calendar
        let settings = schedule.settings
        var events: [DueEvent] = []
        for item in items {
            let occurrence = item.occurrence
            EventRules.forEachEventDay(
                due: Int(occurrence.dueDay),
                start: Int(occurrence.startDay),
                leads: EventRules.leadTimes(schedule.tasks[Int(occurrence.task)].task.reminders),
                calendar: calendar,
                configuration: configuration
            ) { day, kind, sequence in
                events.append(
                    DueEvent(
                        occurrenceID: item.id,
                        occurrence: occurrence,
                        occurrenceIndex: -1,
                        kind: kind.eventKind(sequence: sequence),
                        instant: settings.instant(CivilDate(dayNumber: day), at: settings.officeStart)
                    )
                )
            }
        }
        self.events = events.sorted { ($0.instant, $0.key) < ($1.instant, $1.key) }
    }

    /// Events at or before `now`, in order (handled or not: the caller leaves out what the store has recorded).
    public func due(at now: Date) -> [DueEvent] {
        Array(events.prefix { $0.instant <= now })
    }

    /// The first instant after `now`, or nil when nothing is left.
    public func next(after now: Date) -> Date? {
        events.first { $0.instant > now }?.instant
    }
}
