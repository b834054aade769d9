public import Foundation
internal import GRDB

extension SQLiteStateStore {
    static let dispatchColumns = "id, event_key, channel, receiver, send_at, item, created_at, digest_key"

    static func dispatchRecord(_ row: Row) -> DispatchRecord {
        DispatchRecord(
            id: row[0],
            entry: DispatchEntry(
                eventKey: row[1],
                channel: row[2],
                receiver: row[3],
                sendAt: date(millis: row[4]),
                item: row[5]
            ),
            createdAt: date(millis: row[6]),
            digestKey: row[7]
        )
    }

    /// Notices waiting for a digest whose time has come (`send_at <= now`), by channel, receiver, time and id.
    public func dueDispatches(now: Date, limit: Int) async throws -> [DispatchRecord] {
        try Self.validateLimit(limit)
        let at = Self.millis(now)
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.dispatchColumns) FROM dispatch WHERE digest_key IS NULL AND send_at <= ?
                    ORDER BY channel, receiver, send_at, id LIMIT ?
                    """,
                arguments: [at, limit]
            ).map(Self.dispatchRecord)
        }
    }

    /// Notices still waiting for their digest, newest first, with an id below `before` (paging), optionally of one
    /// channel.
    public func waitingDispatches(channel: String?, limit: Int, before: Int64?) async throws -> [DispatchRecord] {
        try Self.validateLimit(limit)
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.dispatchColumns) FROM dispatch
                    WHERE digest_key IS NULL AND id < ? AND (? IS NULL OR channel = ?)
                    ORDER BY id DESC LIMIT ?
                    """,
                arguments: [before ?? Int64.max, channel, channel, limit]
            ).map(Self.dispatchRecord)
        }
    }

    /// The notices a digest carried.
    public func dispatches(inDigest key: String) async throws -> [DispatchRecord] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(Self.dispatchColumns) FROM dispatch WHERE digest_key = ? ORDER BY id",
                arguments: [key]
            ).map(Self.dispatchRecord)
        }
    }

    /// When the next waiting notice is due, if any.
    public func nextDispatchAt() async throws -> Date? {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT min(send_at) FROM dispatch WHERE digest_key IS NULL").map {
                Self.date(millis: $0)
            }
        }
    }

    /// Sets waiting notices aside that cannot be sent (an unreadable row), marking them with `reason` in place of a
    /// digest key, so they neither block nor repeat.
    public func setDispatchesAside(ids: [Int64], reason: String) async throws {
        guard !ids.isEmpty else { return }
        try await write { db in
            for id in ids {
                try db.execute(
                    sql: "UPDATE dispatch SET digest_key = ? WHERE id = ? AND digest_key IS NULL",
                    arguments: ["!" + reason, id]
                )
            }
        }
    }

    /// Records digests in one transaction: each as an event of kind `digest` with its outbox entry, and the notices
    /// it carries marked with its key. A notice already carried by another digest is left out of this one; a
    /// digest left with no notice is not recorded. Returns the keys recorded.
    @discardableResult
    public func recordDigests(_ digests: [DigestEntry]) async throws -> [String] {
        let at = Self.millis(now())
        return try await write { db in
            var recorded: [String] = []
            for digest in digests {
                let key = digest.key
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM event WHERE key = ?", arguments: [key]) == true {
                    continue
                }
                var carried = 0
                for id in digest.dispatchIDs {
                    try db.execute(
                        sql: "UPDATE dispatch SET digest_key = ? WHERE id = ? AND digest_key IS NULL",
                        arguments: [key, id]
                    )
                    carried += db.changesCount
                }
                guard carried > 0 else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO event (key, occurrence_id, kind, scheduled_at, fired_at, recorded_at)
                        VALUES (?, NULL, 'digest', ?, ?, ?)
                        """,
                    arguments: [key, Self.millis(digest.scheduledAt), at, at]
                )
                try db.execute(
                    sql: """
                        INSERT INTO outbox (event_key, channel, payload, created_at, attempts, next_attempt_at)
                        VALUES (?, ?, ?, ?, 0, ?)
                        """,
                    arguments: [key, digest.channel, digest.payload, at, at]
                )
                recorded.append(key)
            }
            return recorded
        }
    }
}
