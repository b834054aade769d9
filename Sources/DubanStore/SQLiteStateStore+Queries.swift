public import DubanCalendar
internal import Foundation
internal import GRDB

extension SQLiteStateStore {
    /// Largest number of ids one filter may list (org units, tasks).
    static let maximumFilterValues = 10_000

    public func occurrences(matching filter: OccurrenceFilter) async throws -> OccurrencePage {
        try Self.validateLimit(filter.limit)
        guard filter.offset >= 0 else {
            throw StoreError.invalid(zh: "偏移量不能为负数", en: "offset must not be negative")
        }
        guard (filter.orgs?.count ?? 0) <= Self.maximumFilterValues,
            (filter.tasks?.count ?? 0) <= Self.maximumFilterValues
        else {
            throw StoreError.invalid(
                zh: "筛选条件过多(最多\(Self.maximumFilterValues)项)",
                en: "too many filter values (at most \(Self.maximumFilterValues))"
            )
        }
        if filter.orgs?.isEmpty == true || filter.tasks?.isEmpty == true {
            return OccurrencePage(records: [], total: 0)
        }
        if let from = filter.dueFrom, let through = filter.dueThrough, from > through {
            return OccurrencePage(records: [], total: 0)
        }
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if !filter.includeArchived { conditions.append("archived = 0") }
        let states = filter.states
        if !states.isEmpty && states.count < OccurrenceState.allCases.count {
            let sorted = states.map(\.rawValue).sorted()
            if sorted.count == 1 {
                conditions.append("state = ?")
            } else {
                conditions.append("state IN (\(Array(repeating: "?", count: sorted.count).joined(separator: ", ")))")
            }
            arguments += sorted
        }
        if let from = filter.dueFrom {
            conditions.append("due >= ?")
            arguments.append(from.dayNumber)
        }
        if let through = filter.dueThrough {
            conditions.append("due <= ?")
            arguments.append(through.dayNumber)
        }
        if let plan = filter.plan {
            conditions.append("plan = ?")
            arguments.append(plan)
        }
        if let orgs = filter.orgs {
            conditions.append("org IN (\(Array(repeating: "?", count: orgs.count).joined(separator: ", ")))")
            arguments += orgs
        }
        if let tasks = filter.tasks {
            conditions.append(
                "(plan, task) IN (VALUES \(Array(repeating: "(?, ?)", count: tasks.count).joined(separator: ", ")))"
            )
            for task in tasks {
                arguments.append(task.plan)
                arguments.append(task.task)
            }
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let pageArguments = arguments + [filter.limit, filter.offset]
        let countArguments = arguments
        let countKey = whereClause + "\u{1F}" + arguments.map { "\($0.databaseValue)" }.joined(separator: "\u{1F}")
        let version = try await changeVersion()
        let cachedTotal = counts.total(for: countKey, at: version)
        var counted: Int?
        let page: OccurrencePage = try query { db in
            let statement = try db.cachedStatement(
                sql: "SELECT \(Self.occurrenceColumns) FROM occurrence \(whereClause) ORDER BY due, id LIMIT ? OFFSET ?"
            )
            statement.setUncheckedArguments(StatementArguments(pageArguments.map { $0.databaseValue }))
            var records: [OccurrenceRecord] = []
            records.reserveCapacity(min(filter.limit, 1_000))
            let cursor = try Row.fetchCursor(statement)
            while let row = try cursor.next() { records.append(Self.occurrence(row)) }
            let total: Int
            if filter.offset == 0 && records.count < filter.limit {
                total = records.count
            } else if let cachedTotal {
                total = cachedTotal
            } else {
                let count = try db.cachedStatement(sql: "SELECT count(*) FROM occurrence \(whereClause)")
                count.setUncheckedArguments(StatementArguments(countArguments.map { $0.databaseValue }))
                total = try Int.fetchOne(count) ?? 0
                counted = total
            }
            return OccurrencePage(records: records, total: total)
        }
        if let counted { counts.store(countKey, total: counted, at: version) }
        return page
    }

    public func auditLog(target: String, limit: Int) async throws -> [AuditRecord] {
        try Self.validateLimit(limit)
        return try query { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, at, uid, user_name, action, target, request, request_id FROM audit
                    WHERE target = ? ORDER BY id DESC LIMIT ?
                    """,
                arguments: [target, limit]
            ).map { row in
                AuditRecord(
                    id: row[0],
                    entry: AuditEntry(
                        at: Self.date(millis: row[1]),
                        uid: row[2],
                        user: row[3],
                        action: row[4],
                        target: row[5],
                        request: row[6],
                        requestID: row[7]
                    )
                )
            }
        }
    }

    public func startedOccurrences() async throws -> [OccurrenceRecord] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT \(Self.occurrenceColumns) FROM occurrence WHERE origin = 'event' AND archived = 0 ORDER BY due, id"
            ).map(Self.occurrence)
        }
    }
}

extension SQLiteStateStore {
    public func taskCounts(orgs: [String]?, overdueThrough: CivilDate, openFrom: CivilDate) async throws -> [TaskCounts]
    {
        guard (orgs?.count ?? 0) <= Self.maximumFilterValues else {
            throw StoreError.invalid(zh: "筛选条件过多", en: "too many filter values")
        }
        if orgs?.isEmpty == true { return [] }
        var arguments: [any DatabaseValueConvertible] = [overdueThrough.dayNumber, openFrom.dayNumber]
        var condition = "archived = 0"
        if let orgs {
            condition += " AND org IN (\(Array(repeating: "?", count: orgs.count).joined(separator: ", ")))"
            arguments += orgs
        }
        let sql = """
            SELECT plan, task, count(*), sum(state = 'open'), sum(state = 'open' AND due <= ?),
                min(CASE WHEN state = 'open' AND due >= ? THEN due END)
            FROM occurrence WHERE \(condition) GROUP BY plan, task
            """
        let all = StatementArguments(arguments.map { $0.databaseValue })
        return try query { db in
            try Row.fetchAll(db, sql: sql, arguments: all).map { row in
                let next: Int? = row[5]
                return TaskCounts(
                    plan: row[0],
                    task: row[1],
                    total: row[2],
                    open: row[3],
                    overdue: row[4],
                    nextOpenDue: next.map { CivilDate(dayNumber: $0) }
                )
            }
        }
    }

    /// Live occurrences counted and open ones by due day (two index scans; a fraction of a second for a million).
    public func openTally() async throws -> OpenTally {
        try query { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM occurrence WHERE archived = 0") ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT due, count(*) FROM occurrence WHERE archived = 0 AND state = 'open' GROUP BY due"
            )
            return OpenTally(total: total, openByDue: rows.map { OpenTally.DueCount(day: $0[0], count: $0[1]) })
        }
    }
}
