import DubanCalendar

/// The event rules of one occurrence, shared by ``SchedulerStateMachine`` (expanded occurrences) and
/// ``StartedTimeline`` (occurrences started from an event): a reminder at each lead time, `due` on the due day,
/// `overdue(k)` every `overdueEvery` working days after it, none before the occurrence's window start.
enum EventRules {
    /// A task's lead times as the rules use them: positive, distinct, largest first.
    static func leadTimes(_ reminders: [Int]) -> [UInt16] {
        Array(Set(reminders.filter { $0 > 0 && $0 <= Int(UInt16.max) }.map { UInt16($0) })).sorted(by: >)
    }

    /// Calls `body(day, kind, sequence)` for each event day (day numbers) of an occurrence due on `due` whose
    /// window starts on `start`; `sequence` is the lead time of a reminder, `k` of an overdue notice, 0 for due.
    @inline(__always)
    static func forEachEventDay(
        due: Int,
        start: Int,
        leads: [UInt16],
        calendar: WorkingDayCalendar,
        configuration: SchedulerConfiguration,
        _ body: (_ day: Int, _ kind: TimelineEntry.Kind, _ sequence: UInt16) -> Void
    ) {
        func emit(_ day: Int, _ kind: TimelineEntry.Kind, _ sequence: UInt16) {
            if day >= start { body(day, kind, sequence) }
        }
        for lead in leads {
            emit(calendar.addingWorkingDays(-Int(lead), toDayNumber: due), .reminder, lead)
        }
        emit(due, .due, 0)
        if configuration.overdueRepeats > 0 {
            for k in 1...configuration.overdueRepeats {
                emit(calendar.addingWorkingDays(k * configuration.overdueEvery, toDayNumber: due), .overdue, UInt16(k))
            }
        }
    }
}
