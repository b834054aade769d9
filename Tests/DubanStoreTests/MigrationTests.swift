import DubanCalendar
import DubanStore
import DubanTesting
import Foundation
import GRDB
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("an empty file is migrated to the current schema, in WAL mode")
    func migratesFromEmpty() async throws {
        let test = try TestStore(.file)
        defer { test.dir.cleanup() }
        let path = try #require(test.path)
        let raw = try DatabaseQueue(path: path)
        try await raw.read { db in
            let tables = try String.fetchSet(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            #expect(
                tables == [
                    "grdb_migrations", "occurrence", "plan_digest", "progress", "reading", "request", "event", "outbox",
                    "audit", "dispatch",
                ]
            )
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") == ["v1", "v2", "v3"])
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            let indexes = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'")
            #expect(indexes.contains("occurrence_state_due"))
            let triggers = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'")
            #expect(triggers == ["audit_no_update", "audit_no_delete"])
        }
    }

    @Test("reopening keeps the data and applies no migration twice")
    func reopens() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.url.appendingPathComponent("state.sqlite").path
        do {
            let store = try SQLiteStateStore.open(path: path)
            try await store.sync(sampleRows(tasks: 3, units: 2))
            _ = try await store.setState(
                id: "p/t1/u0/2025",
                to: .done,
                actor: zhang,
                note: "ok",
                evidence: nil,
                requestID: "r1"
            )
        }
        let again = try SQLiteStateStore.open(path: path)
        #expect(try await again.state(of: "p/t1/u0/2025")?.state == .done)
        #expect(try await again.closedOccurrenceIDs() == ["p/t1/u0/2025"])
    }

    @Test("a store that cannot be opened fails with an io error in both languages")
    func unopenable() throws {
        let error = #expect(throws: StoreError.self) {
            try SQLiteStateStore.open(path: "/nonexistent-dir/deeper/state.sqlite")
        }
        #expect(error?.code == .io)
        #expect(error?.message.zh.contains("无法打开") == true)
        #expect(error?.message.en.contains("cannot open") == true)
    }

    @Test("references are declared as foreign keys, and the API refuses dangling ones with typed errors")
    func foreignKeys() async throws {
        let test = try TestStore(.file)
        defer { test.dir.cleanup() }
        let raw = try DatabaseQueue(path: try #require(test.path))
        try await raw.read { db in
            let outbox = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(outbox)")
            #expect(outbox.map { $0["table"] as String } == ["event"])
            let progress = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(progress)")
            #expect(progress.map { $0["table"] as String } == ["occurrence"])
        }
        let store = test.store
        // An outbox entry for an event not in the call is refused before the database…
        await #expect(throws: StoreError.self) {
            try await store.recordFired([], outbox: [OutboxEntry(eventKey: "x", channel: "journal", payload: "{}")])
        }
        // …and progress for an unknown occurrence is a typed not-found, not a constraint failure.
        let error = await #expect(throws: StoreError.self) {
            try await store.addProgress(
                occurrenceID: "nope",
                amount: 1,
                on: day2025,
                note: nil,
                actor: zhang,
                requestID: "r"
            )
        }
        #expect(error?.code == .notFound)
    }
}
