import DubanCalendar
import DubanCore
import DubanScheduler
import DubanTesting
import Foundation
import Testing

/// The state machine alone: no clock, no tasks; time is whatever the test passes in.
@Suite struct SchedulerStateMachineTests {
    typealias F = SchedulerFixtures

    /// Runs a machine from `start` to `end` as the loop would, acknowledging every batch; returns what fired.
    static func drive(
        _ machine: inout SchedulerStateMachine, from start: Date, through end: Date, handled: Set<String> = [],
        closed: Set<String> = []
    ) -> [DueEvent] {
        var fired: [DueEvent] = []
        var now = start
        var action = machine.start(now: now, handled: handled, closed: closed)
        while true {
            switch action {
            case .fire(let events):
                fired += events
                action = machine.delivered(now: now)
            case .sleep(let instant):
                if instant > end { return fired }
                now = max(now, instant)
                action = machine.wake(now: now)
            case .idle:
                return fired
            }
        }
    }

    /// The National Day example: due Friday 2022-10-14; 10-01…07 off, Saturday 10-08 and Sunday 10-09 worked.
    static let nationalDay = F.schedule([
        F.deadline(due: F.d(2022, 10, 14), from: F.d(2022, 9, 1), reminders: [10, 5, 3])
    ])

    @Test func eventsFollowTheWorkingDayCalendar() {
        var machine = SchedulerStateMachine(schedule: Self.nationalDay)
        _ = machine.start(now: F.office(2022, 9, 1), handled: [])
        let events = machine.events(ofOccurrenceAt: 0)
        #expect(events.map(\.key) == [
            "p/t/u000/once#reminder-10", "p/t/u000/once#reminder-5", "p/t/u000/once#reminder-3", "p/t/u000/once#due",
            "p/t/u000/once#overdue-1", "p/t/u000/once#overdue-2", "p/t/u000/once#overdue-3",
        ])
        #expect(events.map(\.kind) == [.reminder(leadWorkingDays: 10), .reminder(leadWorkingDays: 5), .reminder(leadWorkingDays: 3), .due, .overdue(1), .overdue(2), .overdue(3)])
        // Ten working days back crosses the holiday week and both make-up days; five lands on the worked Sunday.
        #expect(events.map(\.instant) == [
            F.office(2022, 9, 27), F.office(2022, 10, 9), F.office(2022, 10, 11), F.office(2022, 10, 14),
            F.office(2022, 10, 21), F.office(2022, 10, 28), F.office(2022, 11, 4),
        ])
        // 08:30 in Asia/Shanghai is 00:30 UTC.
        #expect(events[0].instant == Date(timeIntervalSince1970: 1_664_238_600))
    }

    @Test func eventsBeforeTheWindowStartAreDropped() {
        let schedule = F.schedule([F.deadline(due: F.d(2022, 10, 14), from: F.d(2022, 10, 10), reminders: [10, 5, 3])])
        var machine = SchedulerStateMachine(schedule: schedule)
        let fired = Self.drive(&machine, from: F.office(2022, 9, 1), through: F.office(2022, 12, 31))
        #expect(fired.map(\.kind) == [.reminder(leadWorkingDays: 3), .due, .overdue(1), .overdue(2), .overdue(3)])
    }

    @Test func overdueRulesAreConfigurable() {
        let configuration = SchedulerConfiguration(overdueEvery: 2, overdueRepeats: 1)
        var machine = SchedulerStateMachine(schedule: Self.nationalDay, configuration: configuration)
        let fired = Self.drive(&machine, from: F.office(2022, 9, 1), through: F.office(2022, 12, 31))
        #expect(fired.last?.kind == .overdue(1))
        #expect(fired.last?.instant == F.office(2022, 10, 18))
        #expect(fired.count == 5)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func firesExactlyTheOracleSetInOrder(seed: UInt64) {
        let schedule = F.randomSchedule(seed: seed, count: 30)
        let configuration = SchedulerConfiguration(horizonDays: 30, maximumBatch: 4)
        var machine = SchedulerStateMachine(schedule: schedule, configuration: configuration)
        let end = F.at(F.d(2025, 6, 30), 23, 59)
        let fired = Self.drive(&machine, from: F.office(2021, 1, 1), through: end)
        let oracle = EventOracle.events(of: schedule, through: end)
        #expect(!oracle.isEmpty)
        #expect(fired.count == Set(fired.map(\.key)).count, "an event fired twice")
        #expect(Set(fired.map(\.key)) == Set(oracle.keys))
        #expect(fired.allSatisfy { oracle[$0.key]?.instant == $0.instant })
        #expect(zip(fired, fired.dropFirst()).allSatisfy { $0.instant <= $1.instant })
    }

    @Test func horizonSizeDoesNotChangeWhatFires() {
        let schedule = F.randomSchedule(seed: 7, count: 20)
        let end = F.office(2024, 12, 31)
        let runs = [1, 45, 400].map { days -> [String] in
            var machine = SchedulerStateMachine(schedule: schedule, configuration: .init(horizonDays: days))
            return Self.drive(&machine, from: F.office(2022, 1, 1), through: end).map(\.key)
        }
        #expect(runs[0] == runs[1])
        #expect(runs[1] == runs[2])
    }

    @Test func startFiresMissedEventsOnceAndSkipsHandledOnes() {
        var machine = SchedulerStateMachine(schedule: Self.nationalDay)
        let handled: Set<String> = ["p/t/u000/once#reminder-10"]
        guard case .fire(let events) = machine.start(now: F.at(F.d(2022, 10, 14), 12), handled: handled) else {
            Issue.record("expected a catch-up batch")
            return
        }
        #expect(events.map(\.key) == ["p/t/u000/once#reminder-5", "p/t/u000/once#reminder-3", "p/t/u000/once#due"])
        #expect(machine.delivered(now: F.at(F.d(2022, 10, 14), 12)) == .sleep(until: F.office(2022, 10, 21)))
    }

    @Test func catchUpWindowSkipsOlderEvents() {
        var machine = SchedulerStateMachine(schedule: Self.nationalDay, configuration: .init(catchUpWindow: 2 * 86_400))
        guard case .fire(let events) = machine.start(now: F.at(F.d(2022, 10, 12), 9), handled: []) else {
            Issue.record("expected a catch-up batch")
            return
        }
        #expect(events.map(\.kind) == [.reminder(leadWorkingDays: 3)])
    }

    @Test func batchesAreBoundedAndTheRestFollows() {
        let schedule = F.schedule([F.deadline(due: F.d(2022, 10, 14), from: F.d(2022, 9, 1), assignees: ["all"])])
        var machine = SchedulerStateMachine(schedule: schedule, configuration: .init(maximumBatch: 2))
        let now = F.at(F.d(2022, 9, 28), 9)
        var sizes: [Int] = []
        var action = machine.start(now: now, handled: [])
        while case .fire(let events) = action {
            sizes.append(events.count)
            action = machine.delivered(now: now)
        }
        #expect(sizes == [2, 2, 1])
        #expect(action == .sleep(until: F.office(2022, 10, 11)))
    }

    @Test func failedDeliveryIsRetriedWithBackOff() {
        var machine = SchedulerStateMachine(schedule: Self.nationalDay, configuration: .init(retryDelay: 5, maximumRetryDelay: 12))
        let t = F.office(2022, 9, 27)
        guard case .fire(let first) = machine.start(now: t, handled: []) else { Issue.record("expected a batch"); return }
        #expect(machine.deliveryFailed(now: t) == .sleep(until: t + 5))
        #expect(machine.wake(now: t + 1) == .sleep(until: t + 5))
        guard case .fire(let second) = machine.wake(now: t + 5) else { Issue.record("expected the retry"); return }
        #expect(second == first)
        #expect(machine.deliveryFailed(now: t + 5) == .sleep(until: t + 15))
        guard case .fire = machine.wake(now: t + 15) else { Issue.record("expected the retry"); return }
        #expect(machine.deliveryFailed(now: t + 15) == .sleep(until: t + 27))
        guard case .fire(let fourth) = machine.wake(now: t + 27) else { Issue.record("expected the retry"); return }
        #expect(fourth == first)
        #expect(machine.delivered(now: t + 27) == .sleep(until: F.office(2022, 10, 9)))
        // Success resets the back-off.
        guard case .fire = machine.wake(now: F.office(2022, 10, 9)) else { Issue.record("expected a batch"); return }
        #expect(machine.deliveryFailed(now: F.office(2022, 10, 9)) == .sleep(until: F.office(2022, 10, 9) + 5))
    }

    @Test func closedDropsPendingEventsInConstantTime() {
        let schedule = F.schedule([F.deadline(due: F.d(2022, 10, 14), from: F.d(2022, 9, 1), assignees: ["u000", "u001"])])
        var machine = SchedulerStateMachine(schedule: schedule)
        let a = machine.start(now: F.office(2022, 9, 1), handled: [])
        #expect(a == .sleep(until: F.office(2022, 9, 27)))
        let u000 = machine.index(ofID: "p/t/u000/once")!
        #expect(machine.closed(occurrenceIndex: u000) == .sleep(until: F.office(2022, 9, 27)))
        #expect(machine.isClosed(occurrenceIndex: u000))
        var now = F.office(2022, 9, 1)
        var fired: [DueEvent] = []
        var action = a
        while case .sleep(let next) = action {
            now = next
            action = machine.wake(now: now)
            if case .fire(let events) = action {
                fired += events
                action = machine.delivered(now: now)
            }
        }
        #expect(action == .idle)
        #expect(fired.count == 6)
        #expect(fired.allSatisfy { $0.occurrenceID == "p/t/u001/once" })
    }

    @Test func reopenFiresWhatWasWithheldOnce() {
        var machine = SchedulerStateMachine(schedule: Self.nationalDay)
        _ = machine.start(now: F.office(2022, 9, 1), handled: [])
        #expect(machine.closed(id: "p/t/u000/once") == .idle)
        #expect(machine.wake(now: F.at(F.d(2022, 10, 12), 9)) == .idle)
        // Reopened on the 12th: reminder-10 was handled before the close; reminders 5 and 3 were withheld.
        let action = machine.reopened(id: "p/t/u000/once", handled: ["p/t/u000/once#reminder-10"])
        #expect(action == .sleep(until: F.office(2022, 10, 9)))
        guard case .fire(let events) = machine.wake(now: F.at(F.d(2022, 10, 12), 9)) else {
            Issue.record("expected the withheld reminders")
            return
        }
        #expect(events.map(\.kind) == [.reminder(leadWorkingDays: 5), .reminder(leadWorkingDays: 3)])
        #expect(machine.delivered(now: F.at(F.d(2022, 10, 12), 9)) == .sleep(until: F.office(2022, 10, 14)))
    }

    @Test func closeAndReopenBeforeTheEventsComeUpFiresEachOnce() {
        // Task a's events come first, so the national-day occurrence's entries stay queued behind them.
        let schedule = F.schedule([
            F.deadline(id: "a", due: F.d(2022, 9, 20), from: F.d(2022, 9, 1), assignees: ["u001"]),
            F.deadline(id: "t", due: F.d(2022, 10, 14), from: F.d(2022, 9, 1), reminders: [10, 5, 3]),
        ])
        var machine = SchedulerStateMachine(schedule: schedule)
        var now = F.office(2022, 9, 1)
        var action = machine.start(now: now, handled: [])
        let index = machine.index(ofID: "p/t/u000/once")!
        for _ in 0..<3 {
            _ = machine.closed(occurrenceIndex: index)
            _ = machine.reopened(occurrenceIndex: index, handled: [])
        }
        // Reopening while the entries are still queued pushes identical copies; they come up together, fire once.
        #expect(machine.statistics.timelineEntries == 6 + 4 * 7)
        var fired: [DueEvent] = []
        while true {
            if case .fire(let events) = action {
                fired += events
                action = machine.delivered(now: now)
            } else if case .sleep(let next) = action {
                now = next
                action = machine.wake(now: now)
            } else {
                break
            }
        }
        #expect(fired.count == 6 + 7)
        #expect(Set(fired.map(\.key)).count == fired.count)
    }

    @Test func reopenDuringDeliverySkipsTheBatchInFlight() {
        var machine = SchedulerStateMachine(schedule: Self.nationalDay)
        let t = F.at(F.d(2022, 10, 12), 9)
        guard case .fire(let batch) = machine.start(now: t, handled: []) else { Issue.record("expected a batch"); return }
        #expect(batch.count == 3)
        _ = machine.closed(occurrenceIndex: 0)
        // The store has not recorded the batch yet; the machine knows it is in flight.
        _ = machine.reopened(occurrenceIndex: 0, handled: [])
        #expect(machine.delivered(now: t) == .sleep(until: F.office(2022, 10, 14)))
    }

    @Test func replaceWhileABatchIsInFlight() {
        let t = F.at(F.d(2022, 10, 12), 9)
        for succeeds in [true, false] {
            var machine = SchedulerStateMachine(schedule: Self.nationalDay)
            guard case .fire(let batch) = machine.start(now: t, handled: []) else { Issue.record("expected a batch"); return }
            // A reload reads the store before the batch is recorded.
            let replan = machine.replace(schedule: Self.nationalDay, handled: [], closed: [], now: t)
            #expect(replan == .sleep(until: F.office(2022, 9, 27)))
            if succeeds {
                #expect(machine.delivered(now: t) == .sleep(until: F.office(2022, 10, 14)))
            } else {
                #expect(machine.deliveryFailed(now: t) == .sleep(until: t + 5))
                guard case .fire(let again) = machine.wake(now: t + 5) else { Issue.record("expected the retry"); return }
                #expect(again.map(\.key) == batch.map(\.key))
                #expect(machine.delivered(now: t + 5) == .sleep(until: F.office(2022, 10, 14)))
            }
        }
    }

    @Test func replaceAppliesTheNewPlan() {
        var machine = SchedulerStateMachine(schedule: Self.nationalDay)
        let t = F.office(2022, 9, 1)
        #expect(machine.start(now: t, handled: []) == .sleep(until: F.office(2022, 9, 27)))
        let moved = F.schedule([F.deadline(due: F.d(2022, 9, 20), from: F.d(2022, 9, 1), reminders: [3])])
        #expect(machine.replace(schedule: moved, handled: [], closed: [], now: t) == .sleep(until: F.office(2022, 9, 15)))
        #expect(machine.replace(schedule: moved, handled: [], closed: ["p/t/u000/once"], now: t) == .idle)
    }

    @Test func closedIDsOfOccurrencesNotYetExpandedAreHonoured() {
        // A yearly duty through 2030 with a 30-day horizon: 2029's occurrence is far beyond what is expanded.
        let task = PlanTask(
            id: "y", title: "年度报告", kind: .recurring, assignees: ["u002"],
            due: PlanBuilder.due(F.d(2030, 12, 31), from: F.d(2022, 1, 1)), reminders: [3], roll: .none,
            recurrence: Recurrence(every: .year))
        var machine = SchedulerStateMachine(schedule: F.schedule([task]), configuration: .init(horizonDays: 30))
        let fired = Self.drive(
            &machine, from: F.office(2022, 1, 1), through: F.office(2031, 6, 30), closed: ["p/y/u002/2029"])
        #expect(machine.index(ofID: "p/y/u002/2029") != nil)
        #expect(machine.isClosed(occurrenceIndex: machine.index(ofID: "p/y/u002/2029")!))
        #expect(Set(fired.map(\.occurrenceID)).count == 8)
        #expect(!fired.contains { $0.occurrenceID == "p/y/u002/2029" })
    }

    @Test func closedIDsAtStartMatchTheirUnitAndPeriodOnly() {
        let task = PlanTask(
            id: "m", title: "月报", kind: .recurring, assignees: ["all"],
            due: PlanBuilder.due(F.d(2022, 6, 30), from: F.d(2022, 1, 1)), reminders: [3], roll: .none,
            recurrence: Recurrence(every: .month))
        let schedule = F.schedule([task])
        let closed: Set<String> = ["p/m/u001/2022-03", "p/m/u003/2022-03", "p/m/u003/2022-05", "p/gone/u001/2022-03", "junk"]
        var machine = SchedulerStateMachine(schedule: schedule, configuration: .init(horizonDays: 20))
        let fired = Self.drive(&machine, from: F.office(2022, 1, 1), through: F.office(2022, 12, 31), closed: closed)
        let occurrences = Set(fired.map(\.occurrenceID))
        #expect(occurrences.count == 6 * 5 - 3)
        #expect(occurrences.isDisjoint(with: closed))
        #expect(occurrences.contains("p/m/u002/2022-03"))
    }

    @Test func anOpenEndedDutyKeepsTheTimelineGoing() {
        var task = PlanTask(
            id: "o", title: "长期坚持", kind: .ongoing, assignees: ["u001"], reminders: [2], roll: .none,
            recurrence: Recurrence(every: .month))
        task.due = nil
        let plan = Plan(id: "p", title: "计划", published: F.d(2022, 1, 1), tasks: [task])
        let schedule = Schedule(plans: [plan], directory: F.directory, calendar: F.calendar)
        var machine = SchedulerStateMachine(schedule: schedule, configuration: .init(horizonDays: 60))
        let fired = Self.drive(&machine, from: F.office(2022, 1, 1), through: F.office(2040, 1, 1))
        // 18 years of months, each with a reminder, due and three overdue notices.
        #expect(Set(fired.map(\.occurrenceID)).count >= 18 * 12 - 1)
        #expect(fired.last.map { $0.instant > F.office(2039, 11, 1) } == true)
        #expect(machine.statistics.timelineEntries < 100)
    }

    @Test func nothingToScheduleIsIdle() {
        var procedural = PlanTask(id: "x", title: "依申请", kind: .procedural, assignees: ["u000"])
        procedural.procedural = ProceduralSpec(limit: ProceduralLimit(count: 15, unit: .workingDays))
        for schedule in [F.schedule([]), F.schedule([procedural])] {
            var machine = SchedulerStateMachine(schedule: schedule)
            #expect(machine.start(now: F.office(2022, 1, 1), handled: []) == .idle)
        }
        var machine = SchedulerStateMachine(schedule: Self.nationalDay)
        #expect(machine.start(now: F.office(2023, 1, 1), handled: []) != .idle)
        while case .fire = machine.delivered(now: F.office(2023, 1, 1)) {}
        #expect(machine.wake(now: F.office(2023, 1, 1)) == .idle)
    }

    @Test func lookupsByOccurrenceAndID() {
        let schedule = F.randomSchedule(seed: 5, count: 20)
        var machine = SchedulerStateMachine(schedule: schedule)
        _ = Self.drive(&machine, from: F.office(2021, 1, 1), through: F.office(2023, 1, 1))
        #expect(machine.expandedCount > 0)
        for index in stride(from: 0, to: machine.expandedCount, by: max(1, machine.expandedCount / 50)) {
            let occurrence = machine.occurrence(at: index)
            #expect(machine.index(of: occurrence) == index)
            #expect(machine.index(ofID: schedule.id(of: occurrence)) == index)
        }
        #expect(machine.index(ofID: "p/nope/u000/once") == nil)
        #expect(machine.index(ofID: "malformed") == nil)
    }
}
