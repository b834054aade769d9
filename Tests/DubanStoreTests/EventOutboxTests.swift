import DubanCalendar
import DubanStore
import DubanTesting
import Foundation
import GRDB
import Testing

@Suite("Events and outbox")
struct EventOutboxTests {
    static let scheduled = Date(timeIntervalSince1970: 1_735_000_000)

    func events(_ range: Range<Int>) -> [FiredEvent] {
        range.map {
            FiredEvent(
                key: "p/t\($0)/u0/2025#due", occurrenceID: "p/t\($0)/u0/2025", kind: "due",
                scheduledAt: Self.scheduled, firedAt: Self.scheduled.addingTimeInterval(1))
        }
    }

    func outbox(for events: [FiredEvent]) -> [OutboxEntry] {
        events.flatMap {
            [
                OutboxEntry(eventKey: $0.key, channel: "journal", payload: #"{"event":"\#($0.key)"}"#),
                OutboxEntry(eventKey: $0.key, channel: "mail", payload: "{}"),
            ]
        }
    }

    @Test("repeated and racing calls record each event and its notifications exactly once",
        arguments: StoreKind.allCases)
    func exactlyOnce(kind: StoreKind) async throws {
        let clock = ManualClock()
        let test = try TestStore(kind, clock: clock)
        defer { test.dir.cleanup() }
        let store = test.store
        let batch = events(0..<5)
        let first = try await store.recordFired(batch, outbox: outbox(for: batch))
        #expect(first == batch)
        #expect(try await store.recordFired(batch, outbox: outbox(for: batch)).isEmpty)

        // A catch-up after a restart overlaps what was recorded: only the new ones come back.
        let overlap = events(3..<8)
        #expect(try await store.recordFired(overlap, outbox: outbox(for: overlap)) == events(5..<8))

        // Racing callers: each of 20 events is newly recorded by exactly one of them.
        let racing = events(100..<120)
        let winners = try await withThrowingTaskGroup(of: [FiredEvent].self) { group in
            for _ in 0..<6 {
                group.addTask { try await store.recordFired(racing.shuffled(), outbox: self.outbox(for: racing)) }
            }
            var all: [FiredEvent] = []
            for try await recorded in group { all += recorded }
            return all
        }
        #expect(winners.count == 20 && Set(winners.map(\.key)) == Set(racing.map(\.key)))

        #expect(try await store.handledEventKeys() == Set((events(0..<8) + racing).map(\.key)))
        let journal = try await store.pendingOutbox(channel: "journal", now: clock.now, limit: 1_000)
        let mail = try await store.pendingOutbox(channel: "mail", now: clock.now, limit: 1_000)
        #expect(journal.count == 28 && mail.count == 28)
        #expect(Set(journal.map(\.entry.eventKey)).count == 28)
    }

    @Test("a failure after the events are written rolls everything back: nothing recorded, nothing lost")
    func crashRollsBack() async throws {
        let test = try TestStore(.file)
        defer { test.dir.cleanup() }
        let store = test.store
        let batch = events(0..<3)
        // Simulate a crash between the event inserts and the outbox inserts: the outbox insert fails.
        let raw = try DatabaseQueue(path: try #require(test.path))
        try await raw.write { db in
            try db.execute(
                sql: "CREATE TRIGGER crash BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'simulated crash'); END")
        }
        let error = await #expect(throws: StoreError.self) {
            try await store.recordFired(batch, outbox: outbox(for: batch))
        }
        #expect(error?.code == .io)
        #expect(error?.underlying?.contains("simulated crash") == true)
        #expect(try await store.handledEventKeys().isEmpty)
        #expect(try await store.pendingOutbox(channel: "journal", now: .distantFuture, limit: 10).isEmpty)

        // After "restart" the same events are still due and are recorded once.
        try await raw.write { try $0.execute(sql: "DROP TRIGGER crash") }
        #expect(try await store.recordFired(batch, outbox: outbox(for: batch)) == batch)
        #expect(try await store.pendingOutbox(channel: "journal", now: .distantFuture, limit: 10).count == 3)
    }

    @Test("outbox entries must belong to an event of the same call", arguments: StoreKind.allCases)
    func orphanOutbox(kind: StoreKind) async throws {
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let error = await #expect(throws: StoreError.self) {
            try await store.recordFired(self.events(0..<1), outbox: [OutboxEntry(eventKey: "other", channel: "journal", payload: "")])
        }
        #expect(error?.code == .invalidArgument)
        #expect(try await store.handledEventKeys().isEmpty)
    }

    @Test("delivery bookkeeping: failures count attempts and push the next attempt back", arguments: StoreKind.allCases)
    func retryBookkeeping(kind: StoreKind) async throws {
        let clock = ManualClock()
        let test = try TestStore(kind, clock: clock)
        defer { test.dir.cleanup() }
        let store = test.store
        let batch = events(0..<3)
        try await store.recordFired(batch, outbox: outbox(for: batch))
        let pending = try await store.pendingOutbox(channel: "mail", now: clock.now, limit: 10)
        #expect(pending.count == 3)
        #expect(pending.allSatisfy { $0.attempts == 0 && $0.lastError == nil && $0.deliveredAt == nil })
        #expect(pending.allSatisfy { $0.createdAt == clock.now && $0.nextAttemptAt == clock.now })
        #expect(try await store.pendingOutbox(channel: "mail", now: clock.now, limit: 2).map(\.id) == Array(pending.map(\.id).prefix(2)))

        try await store.markDelivered(ids: [pending[0].id])
        let retryAt = clock.now.addingTimeInterval(60)
        try await store.markFailed(id: pending[1].id, error: "SMTP 451 try later", retryAt: retryAt)
        var now = try await store.pendingOutbox(channel: "mail", now: clock.now, limit: 10)
        #expect(now.map(\.id) == [pending[2].id])

        clock.advance(by: 60)
        now = try await store.pendingOutbox(channel: "mail", now: clock.now, limit: 10)
        // Oldest next attempt first: the untried one, then the one retried now.
        #expect(now.map(\.id) == [pending[2].id, pending[1].id])
        let failed = try #require(now.first { $0.id == pending[1].id })
        #expect(failed.attempts == 1 && failed.lastError == "SMTP 451 try later" && failed.nextAttemptAt == retryAt)

        try await store.markFailed(id: pending[1].id, error: "again", retryAt: retryAt.addingTimeInterval(120))
        clock.advance(by: 200)
        let twice = try #require(try await store.pendingOutbox(channel: "mail", now: clock.now, limit: 10).first { $0.id == pending[1].id })
        #expect(twice.attempts == 2 && twice.lastError == "again")

        // Delivered twice is harmless; failing a delivered one, or an unknown id, is refused.
        try await store.markDelivered(ids: [pending[0].id, pending[1].id])
        let conflict = await #expect(throws: StoreError.self) {
            try await store.markFailed(id: pending[0].id, error: "late", retryAt: clock.now)
        }
        #expect(conflict?.code == .conflict)
        let missing = await #expect(throws: StoreError.self) { try await store.markDelivered(ids: [999_999]) }
        #expect(missing?.code == .notFound)
        #expect(try await store.pendingOutbox(channel: "mail", now: .distantFuture, limit: 10).map(\.id) == [pending[2].id])
        // The journal channel is untouched by all this.
        #expect(try await store.pendingOutbox(channel: "journal", now: clock.now, limit: 10).count == 3)
    }
}
