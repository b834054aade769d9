import DubanCalendar
import DubanCore
import DubanScheduler
import Foundation
import Testing

/// The events of an occurrence started from an event follow the state machine's rules.
@Suite struct StartedTimelineTests {
    @Test func remindersDueAndOverdueOnWorkingDaysFromTheEventDay() {
        // Only the task's lead times and the calendar matter to a started occurrence; its kind and dates do not.
        let task = SchedulerFixtures.deadline(
            id: "reply",
            due: SchedulerFixtures.d(2024, 12, 31),
            from: SchedulerFixtures.d(2024, 1, 1),
            reminders: [20, 3]
        )
        let schedule = SchedulerFixtures.schedule([task])
        var configuration = SchedulerConfiguration()
        configuration.overdueEvery = 5
        configuration.overdueRepeats = 2
        // Received Friday 2024-09-27; the National Day holiday (10-01 to 10-07) and its make-up days
        // (Sunday 09-29, Saturday 10-12) count as the calendar says.
        let received = CivilDate(year: 2024, month: 9, day: 27)!
        let due = schedule.calendar.adding(workingDays: 15, to: received)
        let occurrence = Occurrence(
            task: 0,
            org: Int32(schedule.directory.index(ofUnit: "u000")!),
            period: 0,
            part: 0,
            startDay: Int32(received.dayNumber),
            nominalDueDay: Int32(due.dayNumber),
            dueDay: Int32(due.dayNumber)
        )
        let timeline = StartedTimeline(
            items: [.init(id: "p/reply/u000/2024-09-27.A", occurrence: occurrence)],
            schedule: schedule,
            configuration: configuration
        )
        let settings = schedule.settings
        let keys = timeline.events.map { $0.key.replacingOccurrences(of: "p/reply/u000/2024-09-27.A#", with: "") }
        // The 20-day lead falls before the request arrived: dropped.
        #expect(keys == ["reminder-3", "due", "overdue-1", "overdue-2"])
        let days = timeline.events.map { settings.civilDate(of: $0.instant) }
        #expect(days[0] == schedule.calendar.adding(workingDays: -3, to: due))
        #expect(days[1] == due)
        #expect(days[2] == schedule.calendar.adding(workingDays: 5, to: due))
        #expect(days[3] == schedule.calendar.adding(workingDays: 10, to: due))
        #expect(zip(timeline.events, days).allSatisfy { $0.instant == settings.instant($1, at: settings.officeStart) })
        #expect(timeline.events.allSatisfy { $0.occurrenceID == "p/reply/u000/2024-09-27.A" })

        let atDue = timeline.events[1].instant
        #expect(timeline.due(at: atDue).map(\.kind) == [.reminder(leadWorkingDays: 3), .due])
        #expect(timeline.due(at: atDue.addingTimeInterval(-1)).count == 1)
        #expect(timeline.next(after: atDue) == timeline.events[2].instant)
        #expect(timeline.next(after: timeline.events[3].instant) == nil)
    }
}
