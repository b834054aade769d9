@testable import DubanDaemon
import Testing

/// The gate that holds row-writing work until the first store sync after READY has finished.
@Suite struct SyncGateTests {
    struct Failure: Error, Equatable {}

    @Test func waitersSuspendUntilTheGateOpensThenAllGoOn() async throws {
        let gate = SyncGate()
        #expect(!gate.isOpen)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for n in 0..<3 {
                group.addTask {
                    try await gate.wait()
                    return n
                }
            }
            // Give the waiters time to suspend; none may finish while the gate is closed.
            try await Task.sleep(for: .milliseconds(50))
            gate.finish()
            var finished: Set<Int> = []
            for try await n in group { finished.insert(n) }
            #expect(finished == [0, 1, 2])
        }
        #expect(gate.isOpen)
        try await gate.wait()  // an open gate lets later callers straight through
    }

    @Test func aFailedGateThrowsToEveryWaiterAndOnlyTheFirstFinishCounts() async {
        let gate = SyncGate()
        gate.finish(Failure())
        gate.finish()
        #expect(!gate.isOpen)
        await #expect(throws: Failure.self) { try await gate.wait() }
    }
}
