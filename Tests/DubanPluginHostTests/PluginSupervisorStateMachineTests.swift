import DubanPluginHost
import Foundation
import Testing

/// The restart policy as a value, with time passed in: no processes, no sleeping.
@Suite struct PluginSupervisorStateMachineTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func lazyStartThenReady() {
        var machine = PluginSupervisorStateMachine()
        #expect(machine.state == .stopped)
        #expect(machine.callRequested(now: t0) == .start)
        #expect(machine.state == .starting && machine.starts == 1)
        machine.started()
        #expect(machine.state == .ready)
        #expect(machine.callRequested(now: t0) == .ready)
        #expect(machine.starts == 1)
    }

    @Test func delaysDoubleUpToTheMaximumAndResetOnSuccess() {
        var machine = PluginSupervisorStateMachine(configuration: .init(initialDelay: 1, maximumDelay: 10))
        #expect((1...6).map { machine.delay(afterFailures: $0) } == [1, 2, 4, 8, 10, 10])
        var now = t0
        var delays: [Double] = []
        for _ in 0..<5 {
            #expect(machine.callRequested(now: now) == .start)
            let retry = machine.faulted(now: now, permanent: false)!
            delays.append(retry.timeIntervalSince(now))
            #expect(machine.state == .backoff)
            // Too early: wait.
            #expect(machine.callRequested(now: now.addingTimeInterval(0.5)) == .waitUntil(retry))
            now = retry
        }
        #expect(delays == [1, 2, 4, 8, 10])
        #expect(machine.callRequested(now: now) == .start)
        machine.started()
        machine.callSucceeded()
        #expect(machine.consecutiveFailures == 0)
        let retry = machine.faulted(now: now, permanent: false)!
        #expect(retry.timeIntervalSince(now) == 1, "a success resets the run of failures")
    }

    @Test func permanentFaultStaysFailedUntilReset() {
        var machine = PluginSupervisorStateMachine()
        _ = machine.callRequested(now: t0)
        #expect(machine.faulted(now: t0, permanent: true) == nil)
        #expect(machine.state == .failed)
        #expect(machine.callRequested(now: t0.addingTimeInterval(1e6)) == .unavailable)
        machine.reset()
        #expect(machine.state == .stopped && machine.consecutiveFailures == 0)
        #expect(machine.callRequested(now: t0) == .start)
    }

    @Test func invalidNeverStarts() {
        var machine = PluginSupervisorStateMachine(invalid: true)
        #expect(machine.callRequested(now: t0) == .unavailable)
        machine.reset()
        machine.faulted(now: t0, permanent: false)
        #expect(machine.state == .invalid && machine.starts == 0)
    }

    @Test func stoppingRefusesCalls() {
        var machine = PluginSupervisorStateMachine()
        _ = machine.callRequested(now: t0)
        machine.started()
        machine.stopping()
        #expect(machine.callRequested(now: t0) == .unavailable)
        #expect(machine.faulted(now: t0, permanent: false) == nil, "a kill during shutdown is no fault")
        #expect(machine.state == .stopping)
    }
}
