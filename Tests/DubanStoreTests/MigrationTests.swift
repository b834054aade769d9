import DubanCalendar
import DubanStore
import DubanSupervision
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
                    "audit", "dispatch", "step", "supervision_notice",
                ]
            )
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") == ["v1", "v2", "v3", "v4", "v5"])
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            let indexes = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'")
            #expect(indexes.contains("occurrence_state_due"))
            let triggers = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'")
            #expect(
                triggers == [
                    "audit_no_update", "audit_no_delete", "step_no_update", "step_no_delete",
                    "supervision_notice_no_update", "supervision_notice_no_delete",
                ])
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

/// A database the release before the supervision loop wrote (schema v3), migrated to the current schema.
///
/// `Fixtures/store-v3.sqlite.gz` was made with that release's binaries on the bundled examples (rehearsal clock
/// from 2022-06-01 08:00 +08:00): `dubanctl done` (with a note and evidence), `waive`, `done` then `reopen`,
/// `progress +30`, `reading 7.5`, two `start`s of the disclosure procedure and an `extend` of one by 10 working days.
@Suite("Migration of a database the previous release wrote")
struct ReleaseMigrationTests {
    let done = "linxia-it-2022/ops-teams/dongxiang/once"
    let waived = "linxia-it-2022/ops-teams/guanghe/once"
    let reopened = "linxia-it-2022/ops-teams/hezheng/once"
    let progressed = "linxia-it-2022/county-middle-manager-training/dongxiang/2022"
    let measured = "linxia-it-2022/junior-computer-ratio/guanghe/once"
    let started = "linxia-disclosure/request-reply/linxia/2022-06-01.A1"
    let startedToo = "linxia-disclosure/request-reply/linxia/2022-06-02.A2"

    /// The fixture unpacked into a fresh directory.
    func unpack() throws -> (TemporaryDirectory, String) {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("duban.sqlite").path
        let source = Fixtures.packageRoot.appendingPathComponent("Tests/DubanStoreTests/Fixtures/store-v3.sqlite.gz").path
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gunzip.arguments = ["-c", "gzip -dc \"$0\" > \"$1\"", source, path]
        try gunzip.run()
        gunzip.waitUntilExit()
        #expect(gunzip.terminationStatus == 0)
        return (dir, path)
    }

    @Test("every recorded state, note, progress, reading, extension and audit line survives; states map onto the loop")
    func keepsEverything() async throws {
        let (dir, path) = try unpack()
        defer { dir.cleanup() }
        let raw = try DatabaseQueue(path: path)
        let before = try raw.read { db in
            return (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try Row.fetchAll(db, sql: "SELECT id, state, actor, changed_at, note, evidence, due, extended_days FROM occurrence ORDER BY id"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM request") ?? 0
            )
        }
        try raw.close()
        #expect(before.0 == ["v1", "v2", "v3"])
        #expect(before.1.count == 1_372)

        let store = try SQLiteStateStore.open(
            path: path, configuration: .init(timeZone: TimeZone(identifier: "Asia/Shanghai")!))
        let check = try DatabaseQueue(path: path)
        let after = try check.read { db in
            return (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try Row.fetchAll(db, sql: "SELECT id, state, actor, changed_at, note, evidence, due, extended_days FROM occurrence ORDER BY id"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM request") ?? 0,
                try Dictionary(
                    grouping: Row.fetchAll(db, sql: "SELECT stage FROM occurrence"), by: { $0[0] as String }
                ).mapValues(\.count)
            )
        }
        #expect(after.0 == ["v1", "v2", "v3", "v4", "v5"])
        #expect(after.1 == before.1, "every column an earlier release wrote is as it was")
        #expect(after.2 == before.2 && after.3 == before.3)
        // 1 done, 1 waived; in progress: the reopened one, the one with progress, the one with a reading and the
        // two started procedures; the other 1,365 were never touched.
        #expect(after.4 == ["closed": 1, "waived": 1, "in_progress": 5, "assigned": 1_365])

        let closed = try #require(try await store.state(of: done))
        #expect(closed.stage == .closed && closed.state == .done)
        #expect(closed.note == "已组建运维团队" && closed.evidence == "临州教发〔2022〕31号" && closed.actor == "root")
        #expect(try await store.state(of: waived)?.stage == .waived)
        #expect(try await store.state(of: waived)?.note == "并入州级团队")
        #expect(try await store.state(of: reopened)?.stage == .inProgress)
        #expect(try await store.state(of: progressed)?.stage == .inProgress)
        #expect(try await store.progress(of: progressed).total == 30)
        #expect(try await store.state(of: measured)?.stage == .inProgress)
        let procedure = try #require(try await store.state(of: started))
        #expect(procedure.stage == .inProgress && procedure.extendedDays == 10 && procedure.eventDay != nil)
        #expect(try await store.state(of: startedToo)?.stage == .inProgress)

        // The closures became steps of the ledger, dated on the site's day.
        let steps = try await store.steps(of: [done, waived, reopened])
        #expect(steps[done]?.map(\.action) == ["migrated"])
        #expect(steps[done]?.first?.to == .closed)
        #expect(steps[done]?.first?.day == CivilDate(year: 2022, month: 6, day: 1))
        #expect(steps[done]?.first?.evidence == "临州教发〔2022〕31号")
        #expect(steps[waived]?.first?.to == .waived)
        #expect(steps[reopened] == nil)

        // A request the earlier release answered is still answered the same on a retry.
        let retried = try await store.setState(
            id: done, to: .done, actor: Principal(uid: 0, user: "root"), note: "已组建运维团队",
            evidence: "临州教发〔2022〕31号", requestID: "6dad1e3f-f370-4c1a-bc49-6f0549eeb4fc")
        #expect(retried.state == .done && retried.note == "已组建运维团队")
        #expect(try await store.steps(of: [done])[done]?.count == 1)
        // And the loop goes on from the migrated stage.
        let next = try await store.supervise(
            id: progressed,
            step: SupervisionStepRequest(action: "feedback", expected: .inProgress, note: "第二期"),
            actor: Principal(uid: 1000, user: "officer"),
            requestID: "after-migration"
        ) { occurrence, day throws(SupervisionError) in
            var base = SupervisionRecord(assignedOn: CivilDate(year: 2022, month: 1, day: 1)!, due: occurrence.due)
            base.state = occurrence.stage
            return try SupervisionMachine.apply(
                .feedback, to: base, on: day, rules: SupervisionRules(), calendar: WorkingDayCalendar(years: []))
        }
        #expect(next.occurrence.stage == .inProgress && next.occurrence.loop?.feedbackCount == 1)
    }
}
