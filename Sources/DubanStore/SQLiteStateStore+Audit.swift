internal import DubanCalendar
internal import Foundation
internal import GRDB

extension SQLiteStateStore {
    @discardableResult
    public func appendAudit(_ entry: AuditEntry) async throws -> Int64 {
        guard !entry.action.isEmpty, !entry.user.isEmpty else {
            throw StoreError.invalid(zh: "审计记录缺少操作或用户", en: "an audit entry needs an action and a user")
        }
        return try await write { db in try Self.insertAudit(entry, db: db) }
    }

    public func auditLog(limit: Int, before: Int64?) async throws -> [AuditRecord] {
        try Self.validateLimit(limit)
        return try query { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, at, uid, user_name, action, target, request, request_id FROM audit
                    WHERE id < ? ORDER BY id DESC LIMIT ?
                    """,
                arguments: [before ?? Int64.max, limit]
            ).map { row in
                AuditRecord(
                    id: row[0],
                    entry: AuditEntry(
                        at: Self.date(millis: row[1]), uid: row[2], user: row[3], action: row[4], target: row[5],
                        request: row[6], requestID: row[7]))
            }
        }
    }

    /// Appends `entry` in the caller's transaction.
    @discardableResult
    static func insertAudit(_ entry: AuditEntry, db: Database) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO audit (at, uid, user_name, action, target, request, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            millis(entry.at), Int64(entry.uid), entry.user, entry.action, entry.target, entry.request, entry.requestID,
        ])
        return db.lastInsertedRowID
    }

    /// Copies the database page by page (SQLite's online backup API) from one read transaction, a snapshot that
    /// writers do not disturb in WAL mode, into `<path>.partial`, then renames it to `path`, so `path` is either
    /// absent or a complete database.
    public func backup(to path: String) async throws {
        let files = FileManager.default
        guard !files.fileExists(atPath: path) else { throw StoreError.backupExists(path) }
        let partial = path + ".partial"
        try? files.removeItem(atPath: partial)
        do {
            let destination = try DatabaseQueue(path: partial)
            try await writer.read { source in
                try destination.writeWithoutTransaction { target in
                    try source.backup(to: target)
                }
            }
            try destination.close()
            try files.moveItem(atPath: partial, toPath: path)
        } catch {
            try? files.removeItem(atPath: partial)
            if let error = error as? StoreError { throw error }
            throw StoreError.io(
                LocalizedText(zh: "备份到“\(path)”失败", en: "the backup to \(path) failed"), underlying: "\(error)")
        }
    }
}
