import DubanCalendar
import DubanStore
import DubanTesting
import Foundation
import Testing

@Suite("Open milestones")
struct MilestoneQueryTests {
    @Test("open, not archived, due in range, by due then id, first N: checked against a filter in memory",
        arguments: StoreKind.allCases)
    func matchesBruteForce(kind: StoreKind) async throws {
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        var rng = SeededGenerator(seed: 42)
        let rows = sampleRows(tasks: 300, units: 7, spanDays: 120)
        try await store.sync(rows)
        var closed: [String: OccurrenceState] = [:]
        for (i, row) in rows.enumerated() where rng.next() % 3 == 0 {
            let state: OccurrenceState = i % 2 == 0 ? .done : .waived
            _ = try await store.setState(id: row.id, to: state, actor: zhang, note: nil, evidence: nil, requestID: "s\(i)")
            closed[row.id] = state
        }
        // Archive one task in ten, with mixed states.
        let kept = rows.filter { !$0.task.hasSuffix("3") }
        try await store.sync(kept)
        let keptIDs = Set(kept.map(\.id))

        for _ in 0..<40 {
            let from = day2025.adding(days: Int(rng.next() % 130) - 5)
            let through = from.adding(days: Int(rng.next() % 40))
            let limit = 1 + Int(rng.next() % 150)
            let expected = rows
                .filter { closed[$0.id] == nil && keptIDs.contains($0.id) && from <= $0.due && $0.due <= through }
                .sorted { ($0.due, $0.id) < ($1.due, $1.id) }
                .prefix(limit)
            let found = try await store.openMilestones(dueFrom: from, through: through, limit: limit)
            #expect(found.map(\.id) == expected.map(\.id))
            #expect(found.allSatisfy { $0.state == .open && !$0.archived })
        }
        #expect(try await store.openMilestones(dueFrom: day2025.adding(days: 5), through: day2025, limit: 10).isEmpty)
    }
}
