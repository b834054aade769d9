import DubanCalendar
import DubanCore
import DubanScheduler
import DubanTesting
import Foundation
import Synchronization
import Testing

/// The async shell on the manual clock: every wait is observed with `nextSleep()`, nothing sleeps for real.
@Suite struct SchedulerLoopTests {
    typealias F = SchedulerFixtures

    static let nationalDay = SchedulerStateMachineTests.nationalDay
    static let id = "p/t/u000/once"

    @Test func firesEachKindAtItsInstantAcrossNationalDay() async {
        let store = FakeStore()
        let running = RunningLoop(schedule: Self.nationalDay, store: store, now: F.at(F.d(2022, 9, 1), 0))
        let expected: [(String, Date)] = [
            ("reminder-10", F.office(2022, 9, 27)),  // ten working days back, across 10-01…07 and both make-up days
            ("reminder-5", F.office(2022, 10, 9)),  // a Sunday, worked in exchange for the holiday
            ("reminder-3", F.office(2022, 10, 11)),
            ("due", F.office(2022, 10, 14)),
            ("overdue-1", F.office(2022, 10, 21)),
            ("overdue-2", F.office(2022, 10, 28)),
            ("overdue-3", F.office(2022, 11, 4)),
        ]
        var deadline = await running.clock.nextSleep()
        for (index, (suffix, instant)) in expected.enumerated() {
            #expect(deadline == instant)
            #expect(store.log.count == index)
            running.clock.advance(to: instant)
            // The wake is over once the loop is asleep again.
            deadline = await running.clock.nextSleep()
            #expect(store.log.last?.key == Self.id + "#" + suffix)
            #expect(store.log.last?.firedAt == instant)
            #expect(store.log.last?.instant == instant)
        }
        #expect(deadline == .distantFuture)
        await running.stop()
    }

    @Test func catchesUpAfterDowntimeFiringEachMissedEventOnce() async {
        let store = FakeStore()
        var running = RunningLoop(schedule: Self.nationalDay, store: store, now: F.at(F.d(2022, 9, 1), 0))
        #expect(await running.clock.nextSleep() == F.office(2022, 9, 27))
        running.clock.advance(to: F.office(2022, 9, 27))
        #expect(await running.clock.nextSleep() == F.office(2022, 10, 9))
        await running.stop()
        #expect(store.log.map(\.key) == [Self.id + "#reminder-10"])

        // Down from 09-27 to the afternoon of 10-20: three events were missed; each fires once, in one batch.
        let back = F.at(F.d(2022, 10, 20), 15)
        running = RunningLoop(schedule: Self.nationalDay, store: store, now: back)
        #expect(await running.clock.nextSleep() == F.office(2022, 10, 21))
        #expect(store.batches.last == ["reminder-5", "reminder-3", "due"].map { Self.id + "#" + $0 })
        #expect(store.log.suffix(3).allSatisfy { $0.firedAt == back })
        await running.stop()

        // Another restart at the same moment: nothing left to catch up.
        running = RunningLoop(schedule: Self.nationalDay, store: store, now: back)
        #expect(await running.clock.nextSleep() == F.office(2022, 10, 21))
        await running.stop()
        #expect(store.log.count == 4)
        #expect(store.duplicates.isEmpty)
    }

    @Test func closingRemovesPendingEventsAndReopeningRestoresThem() async {
        let schedule = F.schedule([F.deadline(due: F.d(2022, 10, 14), from: F.d(2022, 9, 1), assignees: ["u000", "u001"])])
        let store = FakeStore()
        let running = RunningLoop(schedule: schedule, store: store, now: F.at(F.d(2022, 9, 1), 0))
        #expect(await running.clock.nextSleep() == F.office(2022, 9, 27))
        // Each change cuts the sleep short and re-plans: u001's reminder is still due on 09-27, then nothing is.
        running.loop.closed(id: "p/t/u000/once")
        #expect(await running.clock.nextSleep() == F.office(2022, 9, 27))
        running.loop.closed(id: "p/t/u001/once")
        #expect(await running.clock.nextSleep() == .distantFuture)
        #expect(running.loop.plannedWake == nil)
        running.clock.advance(to: F.at(F.d(2022, 10, 12), 9))
        #expect(store.log.isEmpty)

        running.loop.reopened(id: "p/t/u001/once", handled: store.handled(of: "p/t/u001/once"))
        // Reopened on 10-12: the reminders withheld while closed fire at once, then the loop waits for the due date.
        #expect(await running.clock.nextSleep() == F.office(2022, 10, 14))
        #expect(store.log.map(\.key) == ["p/t/u001/once#reminder-10", "p/t/u001/once#reminder-3"])
        #expect(running.loop.plannedWake == F.office(2022, 10, 14))
        await running.stop()
    }

    @Test func aFailedDeliveryIsRetriedAfterBackOffAndFiresOnce() async {
        let store = FakeStore()
        store.state.withLock { $0.mode = .fail }
        let configuration = SchedulerConfiguration(retryDelay: 30, maximumRetryDelay: 600)
        let start = F.at(F.d(2022, 10, 12), 9)
        let running = RunningLoop(schedule: Self.nationalDay, configuration: configuration, store: store, now: start)
        #expect(await running.clock.nextSleep() == start + 30)
        #expect(store.log.isEmpty)
        running.clock.advance(to: start + 30)
        #expect(await running.clock.nextSleep() == F.office(2022, 10, 14))
        #expect(store.log.map(\.key) == ["reminder-10", "reminder-5", "reminder-3"].map { Self.id + "#" + $0 })
        #expect(store.state.withLock { $0.calls } == 2)
        await running.stop()
    }

    @Test func aCrashInsideDeliverLosesNothingAndRepeatsNothing() async throws {
        // deliver commits, then the process dies before the loop hears back: modelled by cancelling the loop
        // while deliver is suspended after its commit.
        for commits in [true, false] {
            let store = FakeStore()
            let entered = AsyncStream<Void>.makeStream()
            let never = AsyncStream<Never>.makeStream()
            let clock = TestWallClock(now: F.at(F.d(2022, 10, 12), 9))
            let loop = SchedulerLoop(
                clock: clock, stateMachine: SchedulerStateMachine(schedule: Self.nationalDay),
                deliver: { events in
                    if commits {
                        store.state.withLock { state in
                            for event in events { state.handled.insert(event.key) }
                        }
                    }
                    entered.continuation.yield()
                    // Suspend until cancelled (the crash): a stream that never yields ends when the task is cancelled.
                    for await _ in never.stream {}
                    never.continuation.finish()
                    throw CancellationError()
                })
            let task = Task { await loop.run() }
            var iterator = entered.stream.makeAsyncIterator()
            _ = await iterator.next()
            task.cancel()
            await task.value

            let restarted = RunningLoop(schedule: Self.nationalDay, store: store, now: F.at(F.d(2022, 10, 12), 10))
            #expect(await restarted.clock.nextSleep() == F.office(2022, 10, 14))
            // Committed: nothing fires again. Not committed: the three reminders fire now, once.
            #expect(store.log.count == (commits ? 0 : 3))
            #expect(store.handled.count == 3)
            await restarted.stop()
        }
    }

    @Test func replacingTheScheduleReplansAtOnce() async {
        let store = FakeStore()
        let running = RunningLoop(schedule: Self.nationalDay, store: store, now: F.office(2022, 9, 1))
        #expect(await running.clock.nextSleep() == F.office(2022, 9, 27))
        let moved = F.schedule([F.deadline(due: F.d(2022, 9, 20), from: F.d(2022, 9, 1), reminders: [3])])
        running.loop.replace(schedule: moved, handled: store.handled, closed: store.closed)
        #expect(await running.clock.nextSleep() == F.office(2022, 9, 15))
        running.clock.advance(to: F.office(2022, 9, 15))
        #expect(await running.clock.nextSleep() == F.office(2022, 9, 20))
        #expect(store.log.map(\.key) == [Self.id + "#reminder-3"])
        await running.stop()
    }

    @Test func runsOnAScaledClockInRealTime() async {
        // Ten days per real second: the due event, 36.5 scaled hours after the start, comes ~0.15 s later. Real
        // time is not under the test's control (a loaded machine may start the loop late, so the due event may
        // come in the catch-up batch); what must hold whatever the timing: each event once, in order, never early.
        let start = F.at(F.d(2022, 10, 12), 20)
        let clock = ScaledWallClock(start: start, speed: 864_000)
        let batches = AsyncStream<[(key: String, instant: Date, firedAt: Date)]>.makeStream()
        let loop = SchedulerLoop(
            clock: clock, stateMachine: SchedulerStateMachine(schedule: Self.nationalDay),
            deliver: { events in
                let now = clock.now
                batches.continuation.yield(events.map { ($0.key, $0.instant, now) })
            })
        let task = Task { await loop.run() }
        var fired: [(key: String, instant: Date, firedAt: Date)] = []
        var dueBatch: [(key: String, instant: Date, firedAt: Date)] = []
        for await batch in batches.stream {
            fired += batch
            if batch.contains(where: { $0.key.hasSuffix("#due") }) {
                dueBatch = batch
                break
            }
        }
        task.cancel()
        await task.value
        let expected = ["reminder-10", "reminder-5", "reminder-3", "due"].map { Self.id + "#" + $0 }
        #expect(Array(fired.map(\.key).prefix(4)) == expected)
        #expect(Set(fired.map(\.key)).count == fired.count)
        #expect(fired.allSatisfy { $0.firedAt >= $0.instant })
        if dueBatch.count == 1, let event = dueBatch.first {
            let late = event.firedAt.timeIntervalSince(event.instant)
            print(String(format: "scaled clock ×864000: due event fired %.0f scaled s (%.2f ms real) late", late, late / 864))
        }
    }

    @Test func changesBeforeRunAreKept() async {
        let store = FakeStore()
        let clock = TestWallClock(now: F.office(2022, 9, 1))
        let loop = SchedulerLoop(
            clock: clock, stateMachine: SchedulerStateMachine(schedule: Self.nationalDay), deliver: store.deliver(clock: clock))
        let moved = F.schedule([F.deadline(due: F.d(2022, 9, 20), from: F.d(2022, 9, 1), reminders: [3])])
        loop.replace(schedule: moved, handled: [], closed: [])
        loop.closed(id: "p/t/u000/once")
        let task = Task { await loop.run() }
        #expect(await clock.nextSleep() == .distantFuture)
        #expect(loop.stateMachine.statistics.occurrences == 1)
        task.cancel()
        await task.value
    }
}
