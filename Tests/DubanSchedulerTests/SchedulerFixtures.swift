import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanScheduler
import DubanTesting
import Foundation
import Synchronization

/// Shared fixtures: the real calendar, dates and instants in Asia/Shanghai, small schedules.
enum SchedulerFixtures {
    static let calendar = WorkingDayCalendar(years: CalendarLoader.bundledYears())
    static let settings = SiteSettings()
    static let directory = PlanBuilder.directory(units: 5)

    static func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }

    /// `hh:mm` on a date in the site's zone.
    static func at(_ date: CivilDate, _ hour: Int, _ minute: Int = 0) -> Date {
        settings.instant(date, at: TimeOfDay(hour: hour, minute: minute))
    }

    /// 08:30 on a date in the site's zone.
    static func office(_ y: Int, _ m: Int, _ day: Int) -> Date { at(d(y, m, day), 8, 30) }

    /// One deadline task, due `due`, assigned to `assignees`, with lead times `reminders`.
    static func deadline(
        id: String = "t", due: CivilDate, from start: CivilDate, assignees: [String] = ["u000"],
        reminders: [Int] = [10, 3]
    ) -> PlanTask {
        PlanTask(
            id: id, title: "任务 \(id)", kind: .deadline, assignees: assignees, due: PlanBuilder.due(due, from: start),
            reminders: reminders, roll: RollRule.none)
    }

    static func schedule(_ tasks: [PlanTask]) -> Schedule {
        Schedule(plans: [Plan(id: "p", title: "计划", tasks: tasks)], directory: directory, calendar: calendar)
    }

    /// A random plan of `count` tasks (PlanBuilder.randomTask) with varied lead times.
    static func randomSchedule(seed: UInt64, count: Int) -> Schedule {
        var rng = SeededGenerator(seed: seed)
        let groups = ["all", "root", "u001", "u003"]
        let leadChoices: [[Int]] = [[10, 3], [15, 5, 1], [], [3], [20, 10, 5, 3]]
        let tasks = (0..<count).map { i -> PlanTask in
            var task = PlanBuilder.randomTask(id: "t\(i)", assignees: [groups[Int(rng.next() % 4)]], using: &rng)
            task.reminders = leadChoices[Int(rng.next() % UInt64(leadChoices.count))]
            return task
        }
        return Schedule(plans: [Plan(id: "p", title: "随机", tasks: tasks)], directory: directory, calendar: calendar)
    }
}

/// The events a schedule should produce, computed directly from its expansion and the calendar (independently of
/// the state machine's timeline): the oracle of the model tests.
struct EventOracle {
    struct Event: Hashable {
        var key: String
        var occurrenceID: String
        var instant: Date
    }

    /// Every event with an instant at or before `through`, by key.
    static func events(
        of schedule: Schedule, configuration: SchedulerConfiguration = .init(), through: Date
    ) -> [String: Event] {
        let settings = schedule.settings
        let lastDay = settings.civilDate(of: through).adding(days: 200)
        var result: [String: Event] = [:]
        for occurrence in schedule.expand(from: CivilDate(year: 1990, month: 1, day: 1)!, through: lastDay) {
            let id = schedule.id(of: occurrence)
            var days: [(String, CivilDate)] = []
            let leads = schedule.task(of: occurrence).reminders
            for (lead, day) in zip(leads, schedule.reminderDates(of: occurrence)) where lead > 0 {
                days.append(("reminder-\(lead)", day))
            }
            days.append(("due", occurrence.due))
            for k in stride(from: 1, through: configuration.overdueRepeats, by: 1) {
                let day = schedule.calendar.adding(workingDays: k * configuration.overdueEvery, to: occurrence.due)
                days.append(("overdue-\(k)", day))
            }
            for (suffix, day) in days where day >= occurrence.start {
                let instant = settings.instant(day, at: settings.officeStart)
                guard instant <= through else { continue }
                result[id + "#" + suffix] = Event(key: id + "#" + suffix, occurrenceID: id, instant: instant)
            }
        }
        return result
    }
}

/// An in-memory stand-in for the daemon's store: records delivered keys (once each) and closed ids, and can be
/// told to make the next delivery fail or "crash".
final class FakeStore: Sendable {
    /// What the next delivery does.
    enum Mode: Sendable {
        /// Records the batch and returns.
        case normal
        /// Throws without recording (a transient failure: the loop retries).
        case fail
        /// Records the batch, then throws and asks the test to tear the loop down: a crash after `deliver`
        /// committed and before the loop learned of it.
        case crashAfterCommit
        /// Throws without recording and asks for a tear-down: a crash inside `deliver`.
        case crashBeforeCommit
    }

    struct Failure: Error {}

    struct Record: Sendable {
        var key: String
        var instant: Date
        var firedAt: Date
    }

    struct State: Sendable {
        var handled: Set<String> = []
        var log: [Record] = []
        var batches: [[String]] = []
        var duplicates: [String] = []
        var closed: Set<String> = []
        var mode = Mode.normal
        var crashRequested = false
        var failurePending = false
        var calls = 0
    }

    let state = Mutex(State())

    /// The deliver closure for a loop on `clock`.
    func deliver(clock: some WallClock) -> SchedulerLoop.Deliver {
        { events in
            let now = clock.now
            try self.state.withLock { state in
                state.calls += 1
                let mode = state.mode
                state.mode = .normal
                switch mode {
                case .fail, .crashBeforeCommit:
                    state.failurePending = true
                    if case .crashBeforeCommit = mode { state.crashRequested = true }
                    throw Failure()
                case .normal, .crashAfterCommit:
                    for event in events {
                        if !state.handled.insert(event.key).inserted { state.duplicates.append(event.key) }
                        state.log.append(Record(key: event.key, instant: event.instant, firedAt: now))
                    }
                    state.batches.append(events.map(\.key))
                    state.failurePending = false
                    if case .crashAfterCommit = mode {
                        state.crashRequested = true
                        throw Failure()
                    }
                }
            }
        }
    }

    var handled: Set<String> { state.withLock { $0.handled } }
    var closed: Set<String> { state.withLock { $0.closed } }
    var log: [Record] { state.withLock { $0.log } }
    var batches: [[String]] { state.withLock { $0.batches } }
    var duplicates: [String] { state.withLock { $0.duplicates } }

    /// Handled keys of one occurrence.
    func handled(of occurrenceID: String) -> Set<String> {
        state.withLock { $0.handled.filter { $0.hasPrefix(occurrenceID + "#") } }
    }
}

/// A scheduler loop running in a child task on a manual clock, torn down with `stop()`.
struct RunningLoop {
    let loop: SchedulerLoop
    let clock: TestWallClock
    let task: Task<Void, Never>

    init(
        schedule: Schedule, configuration: SchedulerConfiguration = .init(), store: FakeStore, now: Date
    ) {
        let clock = TestWallClock(now: now)
        let loop = SchedulerLoop(
            clock: clock, stateMachine: SchedulerStateMachine(schedule: schedule, configuration: configuration),
            handled: store.handled, closed: store.closed, deliver: store.deliver(clock: clock))
        self.clock = clock
        self.loop = loop
        self.task = Task { await loop.run() }
    }

    /// Cancels the loop (a shutdown, or a crash: nothing of its memory survives) and waits for it to return.
    func stop() async {
        task.cancel()
        await task.value
    }
}
