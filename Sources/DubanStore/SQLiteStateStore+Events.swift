internal import DubanCore
public import Foundation
internal import GRDB

extension SQLiteStateStore {
    @discardableResult
    public func recordFired(
        _ events: [FiredEvent],
        outbox: [OutboxEntry],
        dispatches: [DispatchEntry]
    ) async throws -> [FiredEvent] {
        let keys = Set(events.map(\.key))
        for event in events where event.key.isEmpty || event.kind.isEmpty {
            throw StoreError.invalid(zh: "事件的键或类型为空", en: "an event has an empty key or kind")
        }
        for entry in dispatches where !keys.contains(entry.eventKey) || entry.channel.isEmpty || entry.receiver.isEmpty
        {
            throw StoreError.invalid(
                zh: "待汇总通知“\(entry.eventKey)”不属于本次登记的事件,或缺少渠道、收件方",
                en: "a digest notice for \(entry.eventKey) names no event recorded here, or lacks a channel or receiver"
            )
        }
        for entry in outbox {
            guard keys.contains(entry.eventKey) else {
                throw StoreError.invalid(
                    zh: "通知所属的事件“\(entry.eventKey)”不在本次登记之中",
                    en: "a notification names the event \(entry.eventKey), which is not among the events recorded"
                )
            }
            guard !entry.channel.isEmpty else {
                throw StoreError.invalid(zh: "通知的渠道为空", en: "a notification has an empty channel")
            }
        }
        let at = Self.millis(now())
        return try await write { db in
            let insertEvent = try db.cachedStatement(
                sql: """
                    INSERT INTO event (key, occurrence_id, kind, scheduled_at, fired_at, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING
                    """
            )
            var recorded: [FiredEvent] = []
            var recordedKeys = Set<String>()
            for event in events {
                try insertEvent.execute(arguments: [
                    event.key, event.occurrenceID, event.kind, Self.millis(event.scheduledAt),
                    Self.millis(event.firedAt), at,
                ])
                if db.changesCount == 1 {
                    recorded.append(event)
                    recordedKeys.insert(event.key)
                }
            }
            let insertOutbox = try db.cachedStatement(
                sql: """
                    INSERT INTO outbox (event_key, channel, payload, created_at, attempts, next_attempt_at)
                    VALUES (?, ?, ?, ?, 0, ?)
                    """
            )
            for entry in outbox where recordedKeys.contains(entry.eventKey) {
                try insertOutbox.execute(arguments: [entry.eventKey, entry.channel, entry.payload, at, at])
            }
            let insertDispatch = try db.cachedStatement(
                sql: """
                    INSERT INTO dispatch (event_key, channel, receiver, send_at, item, created_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_key, channel, receiver) DO NOTHING
                    """
            )
            for entry in dispatches where recordedKeys.contains(entry.eventKey) {
                try insertDispatch.execute(arguments: [
                    entry.eventKey, entry.channel, entry.receiver, Self.millis(entry.sendAt), entry.item, at,
                ])
            }
            return recorded
        }
    }

    public func handledEventKeys() async throws -> Set<String> {
        try await read { db in
            var keys = Set<String>()
            let cursor = try String.fetchCursor(db, sql: "SELECT key FROM event")
            while let key = try cursor.next() { keys.insert(key) }
            return keys
        }
    }

    public func firstFiredAt() async throws -> Date? {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT min(fired_at) FROM event").map { Self.date(millis: $0) }
        }
    }

    public func firstScheduledAt(kind: String) async throws -> Date? {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT min(scheduled_at) FROM event WHERE kind = ?", arguments: [kind])
                .map { Self.date(millis: $0) }
        }
    }

    public func handledEventKeys(among keys: [String]) async throws -> Set<String> {
        if keys.isEmpty { return [] }
        return try await read { db in
            var found = Set<String>()
            // SQLite's default bound-parameter limit is well above 500; chunks keep each statement small.
            var start = 0
            while start < keys.count {
                let chunk = Array(keys[start..<min(start + 500, keys.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                found.formUnion(
                    try String.fetchAll(
                        db,
                        sql: "SELECT key FROM event WHERE key IN (\(marks))",
                        arguments: StatementArguments(chunk)
                    )
                )
                start += chunk.count
            }
            return found
        }
    }

    public func pendingOutbox(channel: String, now: Date, limit: Int) async throws -> [OutboxRecord] {
        try Self.validateLimit(limit)
        return try query { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.outboxColumns) FROM outbox
                    WHERE channel = ? AND delivered_at IS NULL AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id LIMIT ?
                    """,
                arguments: [channel, Self.millis(now), limit]
            ).map(Self.outboxRecord)
        }
    }

    public func notifications(
        _ filter: NotificationRecord.Filter,
        channel: String?,
        limit: Int,
        before: Int64?
    ) async throws -> [NotificationRecord] {
        try Self.validateLimit(limit)
        var conditions = ["o.id < ?"]
        var arguments: [any DatabaseValueConvertible] = [before ?? Int64.max]
        switch filter {
        case .all: break
        case .pending: conditions.append("o.delivered_at IS NULL")
        case .failed: conditions.append("o.delivered_at IS NULL AND o.attempts > 0")
        case .delivered: conditions.append("o.delivered_at IS NOT NULL")
        }
        if let channel {
            conditions.append("o.channel = ?")
            arguments.append(channel)
        }
        arguments.append(limit)
        let columns = Self.outboxColumns.split(separator: ",").map { "o." + $0.trimmingCharacters(in: .whitespaces) }
        let sql = """
            SELECT \(columns.joined(separator: ", ")), e.kind, e.occurrence_id, e.scheduled_at
            FROM outbox o JOIN event e ON e.key = o.event_key
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY o.id DESC LIMIT ?
            """
        let all = StatementArguments(arguments.map { $0.databaseValue })
        return try query { db in
            try Row.fetchAll(db, sql: sql, arguments: all).map { row in
                NotificationRecord(
                    outbox: Self.outboxRecord(row),
                    kind: row[9],
                    occurrenceID: row[10],
                    scheduledAt: Self.date(millis: row[11])
                )
            }
        }
    }

    public func markDelivered(ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        let at = Self.millis(now())
        try await write { db in
            let update = try db.cachedStatement(
                sql: "UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL"
            )
            for id in ids {
                try update.execute(arguments: [at, id])
                if db.changesCount == 0,
                    try Bool.fetchOne(db, sql: "SELECT 1 FROM outbox WHERE id = ?", arguments: [id]) != true
                {
                    throw StoreError.outboxNotFound(id)
                }
            }
        }
    }

    public func markFailed(id: Int64, error: String, retryAt: Date) async throws {
        let message = String(error.prefix(RecordLimits.maximumTextLength))
        try await write { db in
            guard
                let delivered = try Row.fetchOne(
                    db,
                    sql: "SELECT delivered_at FROM outbox WHERE id = ?",
                    arguments: [id]
                )
            else { throw StoreError.outboxNotFound(id) }
            guard delivered[0] == nil else { throw StoreError.alreadyDelivered(id) }
            try db.execute(
                sql: "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                arguments: [message, Self.millis(retryAt), id]
            )
        }
    }

    /// The columns ``outboxRecord(_:)`` reads, in order.
    static let outboxColumns =
        "id, event_key, channel, payload, created_at, attempts, next_attempt_at, last_error, delivered_at"

    static func outboxRecord(_ row: Row) -> OutboxRecord {
        let delivered: Int64? = row[8]
        return OutboxRecord(
            id: row[0],
            entry: OutboxEntry(eventKey: row[1], channel: row[2], payload: row[3]),
            createdAt: date(millis: row[4]),
            attempts: row[5],
            nextAttemptAt: date(millis: row[6]),
            lastError: row[7],
            deliveredAt: delivered.map { date(millis: $0) }
        )
    }
}
