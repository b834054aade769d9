import DubanCalendar
import DubanCore
import DubanScheduler
import DubanTesting
import Foundation
import Testing

/// Figures for TARGETS.md (re-planning after one completion; memory with 1,000,000 occurrences), printed, never
/// asserted: times depend on the machine and the build configuration.
@Suite(.serialized) struct SchedulerMeasurementTests {
    typealias F = SchedulerFixtures

    /// `tasks` monthly duties over 2022–2025 for `units` units each: tasks × 48 × units occurrences.
    static func monthlySchedule(tasks: Int, units: Int) -> Schedule {
        let plan = Plan(
            id: "bench", title: "基准", horizon: DateSpan(start: F.d(2022, 1, 1), end: F.d(2025, 12, 31)),
            tasks: (0..<tasks).map { i in
                PlanTask(
                    id: "m\(i)", title: "月报 \(i)", kind: .recurring, assignees: ["all"], reminders: [10, 3],
                    recurrence: Recurrence(every: .month))
            })
        return Schedule(plans: [plan], directory: PlanBuilder.directory(units: units), calendar: F.calendar)
    }

    static func microseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) * 1e-12
    }

    /// Closes then reopens `samples` random open occurrences, timing each call.
    static func measureReplanning(_ machine: inout SchedulerStateMachine, samples: Int) -> (close: [Double], reopen: [Double]) {
        var rng = SeededGenerator(seed: 42)
        var close: [Double] = []
        var reopen: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<samples {
            let index = Int(rng.next() % UInt64(machine.expandedCount))
            if machine.isClosed(occurrenceIndex: index) { continue }
            var action = SchedulerStateMachine.Action.idle
            close.append(microseconds(clock.measure { action = machine.closed(occurrenceIndex: index) }))
            reopen.append(microseconds(clock.measure { action = machine.reopened(occurrenceIndex: index, handled: []) }))
            _ = action
        }
        return (close.sorted(), reopen.sorted())
    }

    static func summary(_ values: [Double]) -> String {
        guard !values.isEmpty else { return "-" }
        let mean = values.reduce(0, +) / Double(values.count)
        let p99 = values[min(values.count - 1, values.count * 99 / 100)]
        return String(format: "mean %.2f µs, p99 %.2f µs, max %.2f µs", mean, p99, values.last!)
    }

    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return pages * 4096
    }

    @Test func replanningCostAndMemoryWithAMillionOccurrences() {
        let clock = ContinuousClock()
        let now = F.office(2024, 9, 2)
        var lines: [String] = []
        for (tasks, units) in [(21, 10), (209, 100)] {
            let schedule = Self.monthlySchedule(tasks: tasks, units: units)
            let rssBefore = Self.residentBytes()
            var machine = SchedulerStateMachine(schedule: schedule, configuration: .init(catchUpWindow: 0))
            var action = SchedulerStateMachine.Action.idle
            let startTime = clock.measure { action = machine.start(now: now, handled: []) }
            let rssAfter = Self.residentBytes()
            let stats = machine.statistics
            let (close, reopen) = Self.measureReplanning(&machine, samples: 2000)
            #expect(action != .idle)
            lines.append("scheduler with \(tasks * 48 * units) occurrences (\(stats.occurrences) expanded):")
            lines.append("  start (expand + build \(machine.configuration.horizonDays) days): \(startTime)")
            lines.append(
                "  timeline: \(stats.timelineEntries) entries, \(stats.timelineBytes / 1024) KiB; occurrences: "
                    + "\(stats.occurrenceBytes / 1024) KiB; closed bits: \(stats.closedBytes / 1024) KiB"
                    + (rssBefore.flatMap { b in rssAfter.map { " (RSS +\(($0 - b) / 1024) KiB)" } } ?? ""))
            lines.append("  closed(occurrenceIndex:) → next action: \(Self.summary(close))")
            lines.append("  reopened(occurrenceIndex:handled:) → next action: \(Self.summary(reopen))")
            // A restart where a third of the occurrences are done: their ids are matched as they are expanded.
            let closed = Set(
                schedule.expand(from: F.d(2022, 1, 1), through: F.d(2025, 12, 31)).enumerated()
                    .filter { $0.offset % 3 == 0 }.map { schedule.id(of: $0.element) })
            var restarted = SchedulerStateMachine(schedule: schedule, configuration: .init(catchUpWindow: 0))
            let restartTime = clock.measure { action = restarted.start(now: now, handled: [], closed: closed) }
            lines.append("  start with \(closed.count) closed ids: \(restartTime)")
        }
        print(lines.joined(separator: "\n"))
    }
}
