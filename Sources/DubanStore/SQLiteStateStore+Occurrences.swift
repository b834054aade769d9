public import DubanCalendar
internal import DubanSupervision
internal import Foundation
internal import GRDB

extension SQLiteStateStore {
    /// Rows per multi-row `INSERT` into the sync's scratch table (5 parameters each, far below SQLite's limit).
    static let syncBatchSize = 200

    /// Applies the expansion plan by plan, in one transaction.
    ///
    /// Each plan's rows are fingerprinted (``PlanDigest``) and compared with the digest saved by the last sync:
    /// - same digest: the plan's rows are already in place; nothing is read or written;
    /// - no saved digest (a new plan, or one that was dropped and so has only archived rows): its rows are
    ///   upserted straight into `occurrence` by a prepared multi-row statement reused per batch; an id already
    ///   present can only be an archived one, which the upsert restores;
    /// - another digest: its rows go into an in-memory scratch table the same way, then one upsert writes the
    ///   rows that are new or differ, and one `UPDATE` archives the plan's ids that are gone.
    /// Plans with a saved digest that are absent from the expansion have all their rows archived.
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
            var fresh = Set<String>()
            var changed = Set<String>()
            for (plan, digest) in incoming where stored[plan] != digest.text {
                if stored[plan] == nil { fresh.insert(plan) } else { changed.insert(plan) }
            }
            var report = SyncReport(total: rows.count)

            let archivePlan = try db.makeStatement(
                sql: "UPDATE occurrence SET archived = 1 WHERE plan = ? AND archived = 0")
            for plan in stored.keys.sorted() where incoming[plan] == nil {
                try archivePlan.execute(arguments: [plan])
                report.archived += db.changesCount
                try db.execute(sql: "DELETE FROM plan_digest WHERE plan = ?", arguments: [plan])
            }
            // Occurrences started from events belong to no expansion: they follow their plan's presence.
            let restoreStarted = try db.makeStatement(
                sql: "UPDATE occurrence SET archived = 0 WHERE plan = ? AND origin = 'event' AND archived = 1")
            for plan in fresh.sorted() { try restoreStarted.execute(arguments: [plan]) }
            if !fresh.isEmpty {
                try Self.upsertFresh(Self.rows(of: fresh, in: rows, all: incoming.count), db: db, into: &report)
            }
            if !changed.isEmpty {
                try Self.applyChanged(Self.rows(of: changed, in: rows, all: incoming.count), plans: changed, db: db, into: &report)
            }
            let saveDigest = try db.makeStatement(
                sql: """
                    INSERT INTO plan_digest (plan, digest, rows) VALUES (?, ?, ?)
                    ON CONFLICT (plan) DO UPDATE SET digest = excluded.digest, rows = excluded.rows
                    """)
            for plan in fresh.union(changed).sorted() {
                let digest = incoming[plan]!
                try saveDigest.execute(arguments: [plan, digest.text, digest.rows])
            }
            return report
        }
    }

    /// The rows of `plans`, without copying when they are all `count` plans of the expansion.
    private static func rows(of plans: Set<String>, in rows: [OccurrenceRow], all count: Int) -> [OccurrenceRow] {
        plans.count == count ? rows : rows.filter { plans.contains($0.plan) }
    }

    /// Upserts the rows of plans without a saved digest. Their stored rows, if any, are all archived, so a
    /// conflict with a row that is not archived can only be an id repeated in this expansion: the upsert then
    /// changes nothing, and a change count below the row count reveals it.
    private static func upsertFresh(_ rows: [OccurrenceRow], db: Database, into report: inout SyncReport) throws {
        // Rows are never deleted and never given an explicit rowid, so new rowids follow the largest one.
        let lastRowID = try Int.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM occurrence") ?? 0
        let changes = try insertBatched(rows, db: db) { count in
            """
            INSERT INTO occurrence (id, plan, task, org, due) VALUES \(placeholders(count))
            ON CONFLICT (id) DO UPDATE SET
                plan = excluded.plan, task = excluded.task, org = excluded.org, \(keepMovedDue), archived = 0
            WHERE archived = 1
            """
        }
        guard changes == rows.count else { throw duplicateError(Self.firstRepeatedID(in: rows)) }
        let inserted = (try Int.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM occurrence") ?? 0) - lastRowID
        report.inserted += inserted
        report.restored += changes - inserted
        report.updated += changes - inserted
    }

    /// Applies the rows of plans whose digest changed, through the scratch table.
    private static func applyChanged(
        _ rows: [OccurrenceRow], plans: Set<String>, db: Database, into report: inout SyncReport
    ) throws {
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS sync_incoming (
                    id TEXT PRIMARY KEY NOT NULL, plan TEXT NOT NULL, task TEXT NOT NULL, org TEXT NOT NULL,
                    due INTEGER NOT NULL
                ) WITHOUT ROWID;
                DELETE FROM temp.sync_incoming;
                """)
        defer { try? db.execute(sql: "DELETE FROM temp.sync_incoming") }
        do {
            _ = try insertBatched(rows, db: db) { count in
                "INSERT INTO temp.sync_incoming (id, plan, task, org, due) VALUES \(placeholders(count))"
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw duplicateError(firstRepeatedID(in: rows))
        }
        let inserted =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM temp.sync_incoming i
                    WHERE NOT EXISTS (SELECT 1 FROM occurrence o WHERE o.id = i.id)
                    """) ?? 0
        report.inserted += inserted
        report.restored +=
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
                    plan = excluded.plan, task = excluded.task, org = excluded.org, \(keepMovedDue),
                    archived = 0
                WHERE plan IS NOT excluded.plan OR task IS NOT excluded.task OR org IS NOT excluded.org
                    OR (CASE WHEN due_shift = 0 THEN due ELSE plan_due END) IS NOT excluded.due OR archived <> 0
                """)
        report.updated += db.changesCount - inserted
        let archiveGone = try db.makeStatement(
            sql: """
                UPDATE occurrence SET archived = 1
                WHERE plan = ? AND archived = 0 AND origin = 'plan' AND id NOT IN (SELECT id FROM temp.sync_incoming)
                """)
        for plan in plans.sorted() {
            try archiveGone.execute(arguments: [plan])
            report.archived += db.changesCount
        }
    }

    /// The upsert's due date: the plans' date, unless the supervision loop moved it (an approved extension,
    /// paused time: `due_shift` > 0), when the moved date stays and the plans' date is kept in `plan_due`.
    private static let keepMovedDue = """
        due = CASE WHEN due_shift = 0 THEN excluded.due ELSE due END,
        plan_due = CASE WHEN due_shift = 0 THEN NULL ELSE excluded.due END
        """

    /// `(?, ?, ?, ?, ?)` repeated `count` times, for a multi-row `VALUES`.
    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "(?, ?, ?, ?, ?)", count: count).joined(separator: ", ")
    }

    /// Runs `sql(n)` (a statement with `n` rows of (id, plan, task, org, due) parameters) over `rows` in batches
    /// of ``syncBatchSize``, reusing one prepared statement for the full batches.
    /// - Returns: The rows changed, summed over the batches.
    private static func insertBatched(
        _ rows: [OccurrenceRow], db: Database, sql: (Int) -> String
    ) throws -> Int {
        let batch = syncBatchSize
        let full = try db.makeStatement(sql: sql(batch))
        var values: [DatabaseValue] = []
        values.reserveCapacity(batch * 5)
        var changes = 0
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
            let statement = end - start == batch ? full : try db.makeStatement(sql: sql(end - start))
            statement.setUncheckedArguments(StatementArguments(values))
            try statement.execute()
            changes += db.changesCount
            start = end
        }
        return changes
    }

    private static func duplicateError(_ id: String) -> StoreError {
        StoreError.invalid(
            zh: "展开结果中事项编号“\(id)”重复出现", en: "the occurrence id \(id) appears twice in the expansion")
    }

    /// The first id that `rows` holds twice (only called once a repeat is known to exist).
    private static func firstRepeatedID(in rows: [OccurrenceRow]) -> String {
        var seen = Set<String>()
        for row in rows where !seen.insert(row.id).inserted { return row.id }
        return "?"
    }

    public func state(of id: String) async throws -> OccurrenceRecord? {
        try query { db in try Self.fetchOccurrence(db, id: id) }
    }

    public func closedOccurrenceIDs() async throws -> Set<String> {
        try await read { db in
            var ids = Set<String>()
            let cursor = try String.fetchCursor(db, sql: "SELECT id FROM occurrence WHERE state IN ('done', 'waived')")
            while let id = try cursor.next() { ids.insert(id) }
            return ids
        }
    }

    public func heldOccurrenceIDs() async throws -> Set<String> {
        try await read { db in
            var ids = Set<String>()
            let cursor = try String.fetchCursor(
                db,
                sql: """
                    SELECT id FROM occurrence
                    WHERE state = 'open' AND (stage IN ('submitted', 'paused') OR (due_shift > 0 AND origin = 'plan'))
                    """)
            while let id = try cursor.next() { ids.insert(id) }
            return ids
        }
    }

    public func movedOccurrences() async throws -> [OccurrenceRecord] {
        try query { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.occurrenceColumns) FROM occurrence
                    WHERE origin = 'plan' AND due_shift > 0 AND archived = 0 AND state = 'open'
                    ORDER BY due, id
                    """
            ).map(Self.occurrence)
        }
    }

    public func openMilestones(dueFrom: CivilDate, through: CivilDate, limit: Int) async throws -> [OccurrenceRecord] {
        try Self.validateLimit(limit)
        guard dueFrom <= through else { return [] }
        return try query { db in
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
    static let occurrenceColumns =
        "id, plan, task, org, due, state, actor, changed_at, note, evidence, archived, event_day, extended_days, "
        + "stage, loop, due_shift, plan_due"

    static func occurrence(_ row: Row) -> OccurrenceRecord {
        let changed: Int64? = row[7]
        let stateText: String = row[5]
        let eventDay: Int? = row[11]
        let extended: Int = row[12]
        let state = OccurrenceState(rawValue: stateText) ?? .open
        let stageText: String = row[13]
        let loopText: String? = row[14]
        let planDue: Int? = row[16]
        return OccurrenceRecord(
            id: row[0], plan: row[1], task: row[2], org: row[3], due: CivilDate(dayNumber: row[4]),
            state: state, actor: row[6],
            changedAt: changed.map { date(millis: $0) }, note: row[8], evidence: row[9], archived: row[10],
            eventDay: eventDay.map { CivilDate(dayNumber: $0) }, extendedDays: extended == 0 ? nil : extended,
            stage: SupervisionState(rawValue: stageText) ?? OccurrenceRecord.stage(summarizedAs: state),
            loop: loopText.flatMap { try? ChangeRequestCoding.decoder.decode(SupervisionRecord.self, from: Data($0.utf8)) },
            dueShift: row[15], planDue: planDue.map { CivilDate(dayNumber: $0) })
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
