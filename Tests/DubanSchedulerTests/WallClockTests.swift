import DubanCore
import DubanScheduler
import DubanTesting
import Foundation
import Synchronization
import Testing

@Suite struct WallClockTests {
    // MARK: TestWallClock

    @Test func testClockReportsEachSleepAndWakesInDeadlineOrder() async throws {
        let start = Date(timeIntervalSince1970: 1_000_000)
        let clock = TestWallClock(now: start)
        try await withThrowingTaskGroup(of: Int.self) { group throws in
            group.addTask {
                try await clock.sleep(until: start + 20)
                return 20
            }
            #expect(await clock.nextSleep() == start + 20)
            group.addTask {
                try await clock.sleep(until: start + 10)
                return 10
            }
            #expect(await clock.nextSleep() == start + 10)
            #expect(clock.sleeperCount == 2)
            clock.advance(to: start + 5)
            #expect(clock.sleeperCount == 2)
            clock.advance(to: start + 15)
            let first = try await group.next()
            #expect(first == 10)
            #expect(clock.sleeperCount == 1)
            clock.advance(to: start + 30)
            let second = try await group.next()
            #expect(second == 20)
            #expect(clock.now == start + 30)
        }
    }

    @Test func testClockReturnsAtOnceForAPastDeadlineAndHonoursCancellation() async throws {
        let start = Date(timeIntervalSince1970: 1_000_000)
        let clock = TestWallClock(now: start)
        try await clock.sleep(until: start - 1)
        #expect(await clock.nextSleep() == start - 1)
        let task = Task { try await clock.sleep(until: start + 60) }
        #expect(await clock.nextSleep() == start + 60)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.sleeperCount == 0)
    }

    // MARK: ScaledWallClock

    @Test func scaledClockDescribesItself() {
        let start = SchedulerFixtures.at(SchedulerFixtures.d(2022, 1, 1), 0)
        #expect(ScaledWallClock(start: start, speed: 86_400).description == "scaled clock: 2022-01-01 00:00 +08:00 ×86400")
        #expect(ScaledWallClock(start: start, speed: 1.5).description == "scaled clock: 2022-01-01 00:00 +08:00 ×1.5")
        let utc = ScaledWallClock(start: start, speed: 60, timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.description == "scaled clock: 2021-12-31 16:00 +00:00 ×60")
    }

    @Test func scaledClockMapsRealTimeToScaledTime() async throws {
        let start = SchedulerFixtures.at(SchedulerFixtures.d(2022, 1, 1), 0)
        let real = ContinuousClock.now
        let clock = ScaledWallClock(start: start, speed: 86_400)
        let first = clock.now
        #expect(first >= start)
        // Half a day of scaled time is half a real second.
        let deadline = first.addingTimeInterval(43_200)
        try await clock.sleep(until: deadline)
        let after = clock.now
        let elapsed = real.duration(to: .now)
        #expect(after >= deadline)
        // The mapping: scaled elapsed = real elapsed × speed, where the real elapsed (begun before the clock was
        // made, read after it) bounds the clock's own from above.
        let realSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        #expect(after.timeIntervalSince(start) <= realSeconds * 86_400 + 0.001)
        #expect(after.timeIntervalSince(start) >= 43_200)
        print("ScaledWallClock ×86400: 12 h scaled slept in \(elapsed) real")
    }

    @Test func scaledClockSleepIsCancellable() async {
        let clock = ScaledWallClock(start: Date(timeIntervalSince1970: 0), speed: 1)
        let task = Task { try await clock.sleep(until: Date(timeIntervalSince1970: 1e9)) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    // MARK: SystemWallClock

    /// A fake wall clock whose sleeper records each slice and moves fake time by it, optionally stepping the
    /// clock at a given slice (an NTP correction or an admin setting the date).
    final class FakeTime: Sendable {
        struct State {
            var now: Date
            var slices: [Duration] = []
            var steps: [Int: TimeInterval] = [:]
        }

        let state: Mutex<State>

        init(now: Date, steps: [Int: TimeInterval] = [:]) {
            state = Mutex(State(now: now, steps: steps))
        }

        func clock(maximumSlice: Duration = .seconds(30)) -> SystemWallClock {
            SystemWallClock(
                maximumSlice: maximumSlice, timeSource: { self.state.withLock { $0.now } },
                sleep: { slice in
                    try Task.checkCancellation()
                    self.state.withLock { state in
                        state.slices.append(slice)
                        let seconds = Double(slice.components.seconds) + Double(slice.components.attoseconds) * 1e-18
                        state.now = state.now.addingTimeInterval(seconds + (state.steps[state.slices.count] ?? 0))
                    }
                })
        }

        var slices: [Duration] { state.withLock { $0.slices } }
        var now: Date { state.withLock { $0.now } }
    }

    @Test func systemClockSleepsInSlicesOfAtMostThirtySeconds() async throws {
        let start = Date(timeIntervalSince1970: 1_000_000)
        let time = FakeTime(now: start)
        try await time.clock().sleep(until: start + 100)
        #expect(time.slices == [.seconds(30), .seconds(30), .seconds(30), .seconds(10)])
        #expect(time.now == start + 100)
        // A slice above 30 s is clamped; a past deadline does not sleep at all.
        let clamped = FakeTime(now: start)
        try await clamped.clock(maximumSlice: .seconds(3600)).sleep(until: start + 45)
        #expect(clamped.slices == [.seconds(30), .seconds(15)])
        let past = FakeTime(now: start)
        try await past.clock().sleep(until: start - 5)
        #expect(past.slices.isEmpty)
    }

    @Test func systemClockSurvivesAStepForward() async throws {
        // A day-long sleep; after the second slice the wall clock jumps 2 days ahead: the sleep ends there instead
        // of running its monotonic remainder.
        let start = Date(timeIntervalSince1970: 1_000_000)
        let time = FakeTime(now: start, steps: [2: 2 * 86_400])
        try await time.clock().sleep(until: start + 86_400)
        #expect(time.slices.count == 2)
    }

    @Test func systemClockSurvivesAStepBackward() async throws {
        // After the first slice the wall clock is set back an hour: the sleep goes on until the wall clock reaches
        // the deadline, which takes an hour more of slices.
        let start = Date(timeIntervalSince1970: 1_000_000)
        let time = FakeTime(now: start, steps: [1: -3600])
        try await time.clock().sleep(until: start + 60)
        #expect(time.now == start + 60)
        #expect(time.slices.count == 2 + 3600 / 30)
        #expect(time.slices.allSatisfy { $0 <= .seconds(30) })
    }

    @Test func systemClockReadsTheSystemTime() {
        let clock = SystemWallClock()
        #expect(abs(clock.now.timeIntervalSinceNow) < 5)
        #expect(clock.description == "system clock")
    }
}
