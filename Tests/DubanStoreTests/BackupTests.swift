import DubanCalendar
import DubanStore
import DubanTesting
import Foundation
import GRDB
import Synchronization
import Testing

@Suite("Backup")
struct BackupTests {
    @Test("a backup taken while another connection writes opens as a valid database holding a consistent snapshot")
    func onlineBackup() async throws {
        let test = try TestStore(.file)
        defer { test.dir.cleanup() }
        let path = try #require(test.path)
        let rows = sampleRows(tasks: 500, units: 100)
        try await test.store.sync(rows)
        _ = try await test.store.setState(
            id: "p/t7/u7/2025", to: .done, actor: zhang, note: "办结", evidence: nil, requestID: "done-1")

        // Another connection (a second pool on the same file) writes audit lines throughout.
        let other = try SQLiteStateStore.open(path: path)
        let written = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
        let writer = Task {
            var i = 0
            while !stop.load(ordering: .acquiring) && i < 5_000 {
                try await other.appendAudit(
                    AuditEntry(at: Date(), uid: 0, user: "root", action: "tick", target: "\(i)", request: "{}", requestID: nil))
                i += 1
                written.store(i, ordering: .releasing)
            }
            return i
        }
        while written.load(ordering: .acquiring) < 20 { try await Task.sleep(for: .milliseconds(1)) }
        let backupPath = test.dir.url.appendingPathComponent("backup.sqlite").path
        try await test.store.backup(to: backupPath)
        let atEnd = written.load(ordering: .acquiring)
        // Let the writer go on a little after the backup, then stop it.
        while written.load(ordering: .acquiring) < atEnd + 10 { try await Task.sleep(for: .milliseconds(1)) }
        stop.store(true, ordering: .releasing)
        let total = try await writer.value

        #expect(!FileManager.default.fileExists(atPath: backupPath + ".partial"))
        let copy = try DatabaseQueue(path: backupPath)
        try await copy.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM occurrence") == rows.count)
            #expect(try String.fetchOne(db, sql: "SELECT state FROM occurrence WHERE id = 'p/t7/u7/2025'") == "done")
            let ticks = try Int.fetchAll(db, sql: "SELECT CAST(target AS INTEGER) FROM audit WHERE action = 'tick' ORDER BY id")
            // A snapshot: the first n ticks, with no gap, taken while the writer was running.
            #expect(ticks == Array(0..<ticks.count))
            #expect(ticks.count >= 20 && ticks.count <= atEnd)
        }
        #expect(total > atEnd)
        // The copy is a working store: migrations recognised, state readable.
        let restored = try SQLiteStateStore.open(path: backupPath)
        #expect(try await restored.state(of: "p/t7/u7/2025")?.note == "办结")
        #expect(try await restored.openMilestones(dueFrom: day2025, through: day2025.adding(days: 400), limit: 5).count == 5)
    }

    @Test("an existing destination is never overwritten")
    func refusesExisting() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let existing = try dir.write("taken.sqlite", "keep me")
        let store = try SQLiteStateStore.inMemory()
        let error = await #expect(throws: StoreError.self) { try await store.backup(to: existing) }
        #expect(error?.code == .alreadyExists)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")
    }

    @Test("an in-memory store backs up to a file")
    func memoryBackup() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let store = try SQLiteStateStore.inMemory()
        try await store.sync(sampleRows(tasks: 3, units: 3))
        let path = dir.url.appendingPathComponent("copy.sqlite").path
        try await store.backup(to: path)
        #expect(try await SQLiteStateStore.open(path: path).state(of: "p/t2/u2/2025") != nil)
    }
}
