import DubanCalendar
import DubanCore
import DubanScheduler
import DubanTesting
import Foundation
import Synchronization
import Testing

/// Model test: random plans, random restart points, crashes and failures, closures and reopenings; the set of
/// fired keys must equal the set computed independently from the plans (`EventOracle`), each exactly once.
@Suite struct SchedulerModelTests {
    typealias F = SchedulerFixtures

    /// A stretch of time the daemon is up.
    struct Segment {
        var start: Date
        var end: Date
        /// Whether faults and changes are injected (not in the final recovery start).
        var eventful: Bool
    }

    /// Up-time segments from `start` to `end`, with random lengths and downtimes (sometimes none: a quick restart).
    static func segments(from start: Date, to end: Date, using rng: inout SeededGenerator) -> [Segment] {
        var result: [Segment] = []
        var cursor = start
        while cursor < end {
            let length = TimeInterval(1 + rng.next() % 60) * 86_400 + TimeInterval(rng.next() % 86_400)
            let stop = min(cursor.addingTimeInterval(length), end)
            result.append(Segment(start: cursor, end: stop, eventful: true))
            let downtime = rng.next() % 3 == 0 ? 0 : TimeInterval(rng.next() % (20 * 86_400))
            cursor = stop.addingTimeInterval(downtime)
        }
        if let last = result.last, last.end < end { result[result.count - 1].end = end }
        // A last start at the end, with nothing injected, delivers whatever a final crash or failure left over.
        result.append(Segment(start: end, end: end, eventful: false))
        return result
    }

    @Test(arguments: [101, 102, 103, 104, 105] as [UInt64])
    func firedKeysEqualTheOracleAcrossRestartsCrashesAndClosures(seed: UInt64) async {
        let schedule = F.randomSchedule(seed: seed, count: 24)
        let configuration = SchedulerConfiguration(horizonDays: 90, maximumBatch: 5, retryDelay: 600, maximumRetryDelay: 7200)
        var rng = SeededGenerator(seed: seed &* 7919)
        let start = F.office(2022, 3, 1).addingTimeInterval(TimeInterval(rng.next() % (90 * 86_400)))
        let end = F.at(F.d(2023, 9, 30), 18)
        let occurrenceIDs = schedule.expand(from: F.d(2020, 1, 1), through: F.d(2024, 12, 31)).map(schedule.id(of:))
        var closeState: [String: (open: Bool, lastClose: Date)] = [:]
        var counts = (restarts: 0, crashes: 0, failures: 0, closes: 0, reopens: 0)

        let store = FakeStore()
        for segment in Self.segments(from: start, to: end, using: &rng) {
            counts.restarts += 1
            let running = RunningLoop(schedule: schedule, configuration: configuration, store: store, now: segment.start)
            var deadline = await running.clock.nextSleep()
            while true {
                let (crashed, failurePending) = store.state.withLock { state in
                    defer { state.crashRequested = false }
                    return (state.crashRequested, state.failurePending)
                }
                if crashed {
                    counts.crashes += 1
                    break
                }
                if deadline > segment.end {
                    if running.clock.now < segment.end { running.clock.advance(to: segment.end) }
                    break
                }
                // A change while the loop is asleep with nothing pending: everything due by now has been handled.
                if segment.eventful, !failurePending, !occurrenceIDs.isEmpty, rng.next() % 8 == 0 {
                    // Half the changes reopen something closed, so close → reopen → close runs happen too.
                    let closedIDs = closeState.filter { !$0.value.open }.keys.sorted()
                    if !closedIDs.isEmpty, rng.next() % 2 == 0 {
                        let id = closedIDs[Int(rng.next() % UInt64(closedIDs.count))]
                        closeState[id]?.open = true
                        _ = store.state.withLock { $0.closed.remove(id) }
                        running.loop.reopened(id: id, handled: store.handled(of: id))
                        counts.reopens += 1
                    } else {
                        let id = occurrenceIDs[Int(rng.next() % UInt64(occurrenceIDs.count))]
                        if closeState[id]?.open == false { continue }
                        closeState[id] = (false, running.clock.now)
                        _ = store.state.withLock { $0.closed.insert(id) }
                        running.loop.closed(id: id)
                        counts.closes += 1
                    }
                    deadline = await running.clock.nextSleep()
                    continue
                }
                if segment.eventful, rng.next() % 10 == 0 {
                    let modes: [FakeStore.Mode] = [.fail, .crashAfterCommit, .crashBeforeCommit]
                    let mode = modes[Int(rng.next() % 3)]
                    if case .fail = mode { counts.failures += 1 }
                    store.state.withLock { $0.mode = mode }
                }
                // Sometimes the clock jumps past the deadline (a suspended machine, a slow wake).
                let jitters: [TimeInterval] = [0, 0, 0, 0, 3600, 2 * 86_400]
                let target = min(deadline.addingTimeInterval(jitters[Int(rng.next() % 6)]), segment.end)
                running.clock.advance(to: max(target, running.clock.now))
                deadline = await running.clock.nextSleep()
            }
            await running.stop()
            store.state.withLock {
                $0.mode = .normal
                $0.crashRequested = false
            }
        }

        let oracle = EventOracle.events(of: schedule, configuration: configuration, through: end)
        let expected = oracle.values.filter { event in
            guard let state = closeState[event.occurrenceID], !state.open else { return true }
            return event.instant <= state.lastClose
        }
        let log = store.log
        #expect(store.duplicates.isEmpty, "fired twice: \(store.duplicates.prefix(5))")
        let fired = Set(log.map(\.key))
        let wanted = Set(expected.map(\.key))
        #expect(fired == wanted, "missing \(wanted.subtracting(fired).sorted().prefix(5)), extra \(fired.subtracting(wanted).sorted().prefix(5))")
        #expect(log.allSatisfy { oracle[$0.key]?.instant == $0.instant && $0.firedAt >= $0.instant })
        print(
            "model seed \(seed): \(wanted.count) events of \(oracle.count), \(counts.restarts) starts, \(counts.crashes) crashes, "
                + "\(counts.failures) failures, \(counts.closes) closes, \(counts.reopens) reopens")
        #expect(counts.restarts > 3 && counts.closes > 0 && counts.reopens > 0)
    }
}
