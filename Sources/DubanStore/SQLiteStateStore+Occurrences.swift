public import DubanCalendar
internal import Foundation
internal import GRDB

extension SQLiteStateStore {
    /// Rows per multi-row `INSERT` into the sync's scratch table (5 parameters each, far below SQLite's limit).
    static let syncBatchSize = 200

    /// Applies the expansion plan by plan, in one transaction.
    ///
    /// Plans whose ``PlanDigest`` matches the one stored at the last sync are skipped: their rows are already
    /// in place. The rows of changed plans go into an in-memory scratch table (one prepared multi-row `INSERT`
    /// reused per batch), then three set-wise statements apply them: an upsert that writes only rows that differ,
    /// and an archiving `UPDATE` per changed plan for its ids that are gone. Plans absent from the expansion have
    /// all their rows archived.
    @discardableResult
    public func sync(_ rows: [OccurrenceRow]) async throws -> SyncReport {
        var digests: [String: PlanDigest] = [:]
        for row in rows {
            guard !row.id.isEmpty, row.id.utf8.count > row.plan.utf8.count, row.id.hasPrefix(row.plan + "/") else {
                throw StoreError.invalid(
                    zh: "事项编号“\(row.id)”应以其计划编号“\(row.plan)/”开头",
                    en: "the occurrence id \(row.id) must start with its plan id \(row.plan)/")
            }
            digests[row.plan, default: PlanDigest()].add(row)
        }
        let incoming = digests
        return try await write { db in
            let stored = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT plan, digest FROM plan_digest").map {
                    (row: Row) -> (String, String) in (row[0], row[1])
                })
            let changed = Set(incoming.compactMap { plan, digest in stored[plan] == digest.text ? nil : plan })
            let removed = stored.keys.filter { incoming[$0] == nil }
            var report = SyncReport(total: rows.count)

            let archivePlan = try db.makeStatement(sql: "UPDATE occurrence SET archived = 1 WHERE plan = ? AND archived = 0")
            for plan in removed {
                try archivePlan.execute(arguments: [plan])
                report.archived += db.changesCount
                try db.execute(sql: "DELETE FROM plan_digest WHERE plan = ?", arguments: [plan])
            }
            guard !changed.isEmpty else { return report }

            try db.execute(
                sql: """
                    CREATE TEMP TABLE IF NOT EXISTS sync_incoming (
                        id TEXT PRIMARY KEY NOT NULL, plan TEXT NOT NULL, task TEXT NOT NULL, org TEXT NOT NULL,
                        due INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    DELETE FROM temp.sync_incoming;
                    """)
            defer { try? db.execute(sql: "DELETE FROM temp.sync_incoming") }
            try Self.loadIncoming(rows, plans: changed.count == incoming.count ? nil : changed, into: db)

            report.inserted =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM temp.sync_incoming i
                        WHERE NOT EXISTS (SELECT 1 FROM occurrence o WHERE o.id = i.id)
                        """) ?? 0
            report.restored =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM occurrence o JOIN temp.sync_incoming i ON i.id = o.id
                        WHERE o.archived = 1
                        """) ?? 0
            try db.execute(
                sql: """
                    INSERT INTO occurrence (id, plan, task, org, due)
                    SELECT id, plan, task, org, due FROM temp.sync_incoming WHERE true
                    ON CONFLICT (id) DO UPDATE SET
                        plan = excluded.plan, task = excluded.task, org = excluded.org, due = excluded.due,
                        archived = 0
                    WHERE plan IS NOT excluded.plan OR task IS NOT excluded.task OR org IS NOT excluded.org
                        OR due IS NOT excluded.due OR archived <> 0
                    """)
            report.updated = db.changesCount - report.inserted

            let archiveGone = try db.makeStatement(
                sql: """
                    UPDATE occurrence SET archived = 1
                    WHERE plan = ? AND archived = 0 AND id NOT IN (SELECT id FROM temp.sync_incoming)
                    """)
            let saveDigest = try db.makeStatement(
                sql: """
                    INSERT INTO plan_digest (plan, digest, rows) VALUES (?, ?, ?)
                    ON CONFLICT (plan) DO UPDATE SET digest = excluded.digest, rows = excluded.rows
                    """)
            for plan in changed.sorted() {
                try archiveGone.execute(arguments: [plan])
                report.archived += db.changesCount
                let digest = incoming[plan]!
                try saveDigest.execute(arguments: [plan, digest.text, digest.rows])
            }
            return report
        }
    }

    /// Inserts the rows of `plans` (all rows when nil) into the scratch table.
    private static func loadIncoming(_ all: [OccurrenceRow], plans: Set<String>?, into db: Database) throws {
        let rows = plans.map { plans in all.filter { plans.contains($0.plan) } } ?? all
        func insertSQL(_ count: Int) -> String {
            "INSERT INTO temp.sync_incoming (id, plan, task, org, due) VALUES "
                + Array(repeating: "(?, ?, ?, ?, ?)", count: count).joined(separator: ", ")
        }
        let batch = syncBatchSize
        let full = try db.makeStatement(sql: insertSQL(batch))
        var values: [DatabaseValue] = []
        values.reserveCapacity(batch * 5)
        var start = 0
        while start < rows.count {
            let end = min(start + batch, rows.count)
            values.removeAll(keepingCapacity: true)
            for row in rows[start..<end] {
                values.append(row.id.databaseValue)
                values.append(row.plan.databaseValue)
                values.append(row.task.databaseValue)
                values.append(row.org.databaseValue)
                values.append(row.due.dayNumber.databaseValue)
            }
            let statement = end - start == batch ? full : try db.makeStatement(sql: insertSQL(end - start))
            statement.setUncheckedArguments(StatementArguments(values))
            do {
                try statement.execute()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                let duplicate = try firstDuplicate(in: rows[start..<end], db: db)
                throw StoreError.invalid(
                    zh: "展开结果中事项编号“\(duplicate)”重复出现",
                    en: "the occurrence id \(duplicate) appears twice in the expansion")
            }
            start = end
        }
    }

    /// The id of a batch that failed to load: one already loaded by an earlier batch, or one repeated inside it.
    private static func firstDuplicate(in batch: ArraySlice<OccurrenceRow>, db: Database) throws -> String {
        var seen = Set<String>()
        for row in batch {
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM temp.sync_incoming WHERE id = ?", arguments: [row.id]) == true {
                return row.id
            }
            if !seen.insert(row.id).inserted { return row.id }
        }
        return "?"
    }

    public func state(of id: String) async throws -> OccurrenceRecord? {
        try await read { db in try Self.fetchOccurrence(db, id: id) }
    }

    public func closedOccurrenceIDs() async throws -> Set<String> {
        try await read { db in
            var ids = Set<String>()
            let cursor = try String.fetchCursor(db, sql: "SELECT id FROM occurrence WHERE state IN ('done', 'waived')")
            while let id = try cursor.next() { ids.insert(id) }
            return ids
        }
    }

    public func openMilestones(dueFrom: CivilDate, through: CivilDate, limit: Int) async throws -> [OccurrenceRecord] {
        try Self.validateLimit(limit)
        guard dueFrom <= through else { return [] }
        return try await read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT \(Self.occurrenceColumns) FROM occurrence
                    WHERE state = 'open' AND due BETWEEN ? AND ? AND archived = 0
                    ORDER BY due, id LIMIT ?
                    """)
            statement.setUncheckedArguments([dueFrom.dayNumber, through.dayNumber, limit])
            var result: [OccurrenceRecord] = []
            result.reserveCapacity(min(limit, 1_000))
            let cursor = try Row.fetchCursor(statement)
            while let row = try cursor.next() { result.append(Self.occurrence(row)) }
            return result
        }
    }

    // MARK: Row mapping

    /// The columns ``occurrence(_:)`` reads, in order.
    static let occurrenceColumns = "id, plan, task, org, due, state, actor, changed_at, note, evidence, archived"

    static func occurrence(_ row: Row) -> OccurrenceRecord {
        let changed: Int64? = row[7]
        let stateText: String = row[5]
        return OccurrenceRecord(
            id: row[0], plan: row[1], task: row[2], org: row[3], due: CivilDate(dayNumber: row[4]),
            state: OccurrenceState(rawValue: stateText) ?? .open, actor: row[6],
            changedAt: changed.map { date(millis: $0) }, note: row[8], evidence: row[9], archived: row[10])
    }

    static func fetchOccurrence(_ db: Database, id: String) throws -> OccurrenceRecord? {
        let statement = try db.cachedStatement(sql: "SELECT \(occurrenceColumns) FROM occurrence WHERE id = ?")
        return try Row.fetchOne(statement, arguments: [id]).map(occurrence)
    }

    static func validateLimit(_ limit: Int) throws {
        guard limit > 0, limit <= maximumLimit else {
            throw StoreError.invalid(
                zh: "条数上限应在1到\(maximumLimit)之间,收到\(limit)", en: "limit must be 1…\(maximumLimit), got \(limit)")
        }
    }
}
