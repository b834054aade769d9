import DubanCalendar
import DubanStore
import DubanTesting
import Foundation
import GRDB
import Testing

/// The store half of scripts/bench/store_query.sh: builds a 1,000,000-occurrence file as TARGETS.md describes
/// (five years, a third done), times `openMilestones` over 2,000 start days, and writes the same queries as SQL
/// for the script to run through the `sqlite3` CLI on the same file. Runs only with `DUBAN_BENCH=1`; prints,
/// asserts no time.
@Suite("StoreBenchmark", .enabled(if: ProcessInfo.processInfo.environment["DUBAN_BENCH"] == "1"))
struct StoreBenchmark {
    static let queries = 2_000
    static let windowDays = 30
    static let limit = 100
    static let spanDays = 1_826

    /// The start day of query `i`: spread over the five years by a stride prime to the span.
    static func startDay(_ i: Int) -> CivilDate {
        CivilDate(year: 2022, month: 1, day: 1)!.adding(days: (i * 7_919) % (spanDays - windowDays))
    }

    @Test("openMilestones over 1,000,000 occurrences")
    func openMilestones() async throws {
        let environment = ProcessInfo.processInfo.environment
        let directory = try TemporaryDirectory()
        let path = environment["DUBAN_BENCH_DB"] ?? directory.url.appendingPathComponent("bench.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let clock = ContinuousClock()

        let store = try SQLiteStateStore.open(path: path)
        let rows = millionSampleRows()
        let syncTime = try await clock.measure { try await store.sync(rows) }
        let resyncTime = try await clock.measure { try await store.sync(rows) }
        let edited = rows.filter { !($0.plan == "p42" && $0.task == "t7") }
        let editTime = try await clock.measure { try await store.sync(edited) }
        try await store.sync(rows)
        let raw = try DatabasePool(path: path)
        try await raw.write { db in
            try db.execute(sql: "UPDATE occurrence SET state = 'done' WHERE rowid % 3 = 0")
        }
        try await raw.writeWithoutTransaction { db in
            try db.execute(sql: "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)")
        }
        try raw.close()

        // Warm up, then time.
        for i in 0..<200 {
            let from = Self.startDay(i)
            _ = try await store.openMilestones(dueFrom: from, through: from.adding(days: Self.windowDays - 1), limit: Self.limit)
        }
        var returned = 0
        let queryTime = try await clock.measure {
            for i in 0..<Self.queries {
                let from = Self.startDay(i)
                returned += try await store.openMilestones(
                    dueFrom: from, through: from.adding(days: Self.windowDays - 1), limit: Self.limit
                ).count
            }
        }
        #expect(returned > 0)

        // The same query through GRDB directly, synchronously, with the same row decoding: what the store's
        // async call and record building add on top.
        let direct = try DatabasePool(path: path)
        let directTime = try clock.measure {
            try direct.read { db in
                let statement = try db.cachedStatement(
                    sql: """
                        SELECT id, plan, task, org, due, state, actor, changed_at, note, evidence, archived
                        FROM occurrence WHERE state = 'open' AND due BETWEEN ? AND ? AND archived = 0
                        ORDER BY due, id LIMIT ?
                        """)
                for i in 0..<Self.queries {
                    let from = Self.startDay(i).dayNumber
                    statement.setUncheckedArguments([from, from + Self.windowDays - 1, Self.limit])
                    let cursor = try Row.fetchCursor(statement)
                    var ids: [String] = []
                    while let row = try cursor.next() {
                        let id: String = row[0]
                        let plan: String = row[1]
                        let task: String = row[2]
                        let org: String = row[3]
                        ids.append(id + plan + task + org)
                    }
                    #expect(!ids.isEmpty)
                }
            }
        }
        let sql = """
            SELECT id, plan, task, org, due, state, actor, changed_at, note, evidence, archived
            FROM occurrence WHERE state = 'open' AND due BETWEEN ? AND ? AND archived = 0
            ORDER BY due, id LIMIT ?
            """
        @Sendable func fetch(_ db: Database, _ i: Int) throws -> [OccurrenceRecord] {
            let statement = try db.cachedStatement(sql: sql)
            let from = Self.startDay(i).dayNumber
            statement.setUncheckedArguments([from, from + Self.windowDays - 1, Self.limit])
            let cursor = try Row.fetchCursor(statement)
            var result: [OccurrenceRecord] = []
            while let row = try cursor.next() {
                let changed: Int64? = row[7]
                let state: String = row[5]
                result.append(
                    OccurrenceRecord(
                        id: row[0], plan: row[1], task: row[2], org: row[3], due: CivilDate(dayNumber: row[4]),
                        state: OccurrenceState(rawValue: state) ?? .open, actor: row[6],
                        changedAt: changed.map { Date(timeIntervalSince1970: Double($0) / 1000) }, note: row[8],
                        evidence: row[9], archived: row[10]))
            }
            return result
        }
        let syncPerRead = try clock.measure {
            for i in 0..<Self.queries { _ = try direct.read { db in try fetch(db, i) } }
        }
        let asyncPerRead = try await clock.measure {
            for i in 0..<Self.queries { _ = try await direct.read { db in try fetch(db, i) } }
        }
        let unsafeAsync = try await clock.measure {
            for i in 0..<Self.queries { _ = try await direct.unsafeRead { db in try fetch(db, i) } }
        }
        try direct.close()

        // The same queries for the sqlite3 CLI, and the TARGETS.md form of them.
        var same = ".output /dev/null\n"
        var targets = ".output /dev/null\n"
        for i in 0..<Self.queries {
            let from = Self.startDay(i).dayNumber
            let through = from + Self.windowDays - 1
            same += """
                SELECT id, plan, task, org, due, state, actor, changed_at, note, evidence, archived FROM occurrence \
                WHERE state = 'open' AND due BETWEEN \(from) AND \(through) AND archived = 0 ORDER BY due, id LIMIT 100;

                """
            targets += "SELECT * FROM occurrence WHERE state='open' AND due BETWEEN \(from) AND \(through) ORDER BY due LIMIT 100;\n"
        }
        try same.write(toFile: path + ".queries.sql", atomically: true, encoding: .utf8)
        try targets.write(toFile: path + ".targets.sql", atomically: true, encoding: .utf8)

        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15 }
        print(
            String(
                format: "bench sync 1,000,000 rows: first %.0f ms, unchanged re-sync %.0f ms, one plan edited %.0f ms",
                ms(syncTime), ms(resyncTime), ms(editTime)))
        for (label, time) in [
            ("GRDB direct, 4 columns, one read for all", directTime), ("GRDB sync read per query, records", syncPerRead),
            ("GRDB async read per query, records", asyncPerRead), ("GRDB async unsafeRead per query, records", unsafeAsync),
        ] {
            print("bench \(label): " + String(format: "%.1f µs/query", ms(time) * 1_000 / Double(Self.queries)))
        }
        print(
            String(
                format: "bench store openMilestones: %d queries, %.1f rows each, %.1f µs/query", Self.queries,
                Double(returned) / Double(Self.queries), ms(queryTime) * 1_000 / Double(Self.queries)))
        print("bench db: \(path)")
    }
}
