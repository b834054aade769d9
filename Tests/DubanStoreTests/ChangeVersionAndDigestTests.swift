import DubanCalendar
import DubanStore
import DubanTesting
import Foundation
import Testing

/// The protocol's change version and its waiting notices, on every backend.
@Suite("Change version and digests")
struct ChangeVersionAndDigestTests {
    @Test("the change version stays while nothing changes and moves with every kind of change", arguments: StoreKind.allCases)
    func versionMovesWithEveryChange(kind: StoreKind) async throws {
        let clock = ManualClock()
        let test = try TestStore(kind, clock: clock)
        defer { test.dir.cleanup() }
        let store = test.store
        var seen: [StoreVersion] = [try await store.changeVersion()]
        #expect(try await store.changeVersion() == seen[0], "reading twice changes nothing")

        func expectMoved(_ what: String) async throws {
            let now = try await store.changeVersion()
            #expect(!seen.contains(now), "\(what) must move the version")
            seen.append(now)
        }
        try await store.sync(sampleRows(tasks: 2, units: 2))
        try await expectMoved("sync")
        _ = try await store.occurrences(matching: OccurrenceFilter(limit: 10))
        #expect(try await store.changeVersion() == seen.last, "a query changes nothing")
        _ = try await store.setState(id: "p/t0/u0/2025", to: .done, actor: zhang, note: nil, evidence: nil, requestID: "a")
        try await expectMoved("setState")
        _ = try await store.addProgress(
            occurrenceID: "p/t1/u0/2025", amount: 3, on: day2025, note: nil, actor: zhang, requestID: "b")
        try await expectMoved("addProgress")
        try await store.appendAudit(
            AuditEntry(at: clock.now, uid: 0, user: "root", action: "reload", target: "plans", request: "{}", requestID: nil))
        try await expectMoved("appendAudit")
        let event = FiredEvent(
            key: "p/t1/u1/2025#due", occurrenceID: "p/t1/u1/2025", kind: "due",
            scheduledAt: clock.now, firedAt: clock.now)
        try await store.recordFired([event], outbox: [OutboxEntry(eventKey: event.key, channel: "journal", payload: "{}")])
        try await expectMoved("recordFired")
        let pending = try await store.pendingOutbox(channel: "journal", now: clock.now, limit: 10)
        try await store.markDelivered(ids: pending.map(\.id))
        try await expectMoved("markDelivered")
    }

    @Test("waiting notices become due, join one digest each, and are never carried twice", arguments: StoreKind.allCases)
    func waitingNoticesJoinOneDigest(kind: StoreKind) async throws {
        let clock = ManualClock()
        let test = try TestStore(kind, clock: clock)
        defer { test.dir.cleanup() }
        let store = test.store
        try await store.sync(sampleRows(tasks: 3, units: 1))
        let events = (0..<3).map {
            FiredEvent(
                key: "p/t\($0)/u0/2025#due", occurrenceID: "p/t\($0)/u0/2025", kind: "due",
                scheduledAt: clock.now, firedAt: clock.now)
        }
        let soon = clock.now.addingTimeInterval(3_600)
        let later = clock.now.addingTimeInterval(7_200)
        let dispatches = [
            DispatchEntry(eventKey: events[0].key, channel: "mail", receiver: "a@example.cn", sendAt: soon, item: "0"),
            DispatchEntry(eventKey: events[1].key, channel: "mail", receiver: "a@example.cn", sendAt: soon, item: "1"),
            DispatchEntry(eventKey: events[2].key, channel: "mail", receiver: "b@example.cn", sendAt: later, item: "2"),
        ]
        try await store.recordFired(events, outbox: [], dispatches: dispatches)
        // Recording the same events again adds no notice.
        try await store.recordFired(events, outbox: [], dispatches: dispatches)
        #expect(try await store.nextDispatchAt() == soon)
        #expect(try await store.dueDispatches(now: clock.now).isEmpty, "nothing is due before its time")
        #expect(try await store.waitingDispatches(channel: "mail", limit: 10, before: nil).count == 3)

        clock.advance(by: 3_600)
        let due = try await store.dueDispatches(now: clock.now)
        #expect(due.map(\.entry.item) == ["0", "1"])
        let digest = DigestEntry(
            key: "digest/mail/a@example.cn/1", channel: "mail", scheduledAt: clock.now, payload: "{}",
            dispatchIDs: due.map(\.id))
        #expect(try await store.recordDigests([digest]) == [digest.key])
        #expect(try await store.dispatches(inDigest: digest.key).map(\.entry.item) == ["0", "1"])
        // A second digest claiming the same notices records nothing: each notice joins one digest.
        let again = DigestEntry(
            key: "digest/mail/a@example.cn/2", channel: "mail", scheduledAt: clock.now, payload: "{}",
            dispatchIDs: due.map(\.id))
        #expect(try await store.recordDigests([again]).isEmpty)
        #expect(try await store.pendingOutbox(channel: "mail", now: clock.now, limit: 10).count == 1)
        #expect(try await store.nextDispatchAt() == later)

        // A notice that cannot be sent is set aside: it neither blocks nor repeats.
        clock.advance(by: 3_600)
        let last = try await store.dueDispatches(now: clock.now)
        #expect(last.map(\.entry.item) == ["2"])
        try await store.setDispatchesAside(ids: last.map(\.id), reason: "unreadable")
        #expect(try await store.dueDispatches(now: clock.now).isEmpty)
        #expect(try await store.nextDispatchAt() == nil)
    }
}

/// What only a file can show: another connection (another process) writing behind this store's back.
@Suite("SQLite: another writer")
struct SQLiteOtherWriterTests {
    @Test("a commit by another connection moves the change version and the page totals follow it")
    func anotherWriterIsSeen() async throws {
        let test = try TestStore(.file)
        defer { test.dir.cleanup() }
        let store = test.store
        try await store.sync(sampleRows(tasks: 4, units: 5))
        let open = OccurrenceFilter(states: [.open], limit: 5)
        #expect(try await store.occurrences(matching: open).total == 20)
        #expect(try await store.occurrences(matching: open).total == 20, "the second count comes from the cache")
        let before = try await store.changeVersion()

        let other = try SQLiteStateStore.open(path: try #require(test.path))
        _ = try await other.setState(id: "p/t2/u3/2025", to: .done, actor: zhang, note: nil, evidence: nil, requestID: "x")

        #expect(try await store.changeVersion() != before)
        #expect(try await store.occurrences(matching: open).total == 19, "the cached total is not served stale")
    }
}
