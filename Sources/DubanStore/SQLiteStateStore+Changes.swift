internal import DubanCore
internal import DubanSupervision
public import DubanCalendar
internal import Foundation
internal import GRDB

extension SQLiteStateStore {
    public func setState(
        id: String, to state: OccurrenceState, actor: Principal, note: String?, evidence: String?,
        requestID: String
    ) async throws -> OccurrenceRecord {
        try Self.validateRequestID(requestID)
        try Self.validateText(note, zh: "备注", en: "note")
        try Self.validateText(evidence, zh: "佐证", en: "evidence")
        let action: String
        switch state {
        case .done: action = "done"
        case .waived: action = "waive"
        case .open: action = "reopen"
        }
        let request = ChangeRequest(
            action: action, target: id, requestID: requestID, actor: actor,
            body: SetStateBody(id: id, state: state, note: note, evidence: evidence))
        let at = now()
        return try await write { db in
            if let earlier: OccurrenceRecord = try Self.replay(request, db: db) { return earlier }
            guard let current = try Self.fetchOccurrence(db, id: id) else { throw StoreError.occurrenceNotFound(id) }
            guard !current.archived else { throw StoreError.archived(id) }
            // A compare-and-set on the summary state: done and waive apply to an open occurrence, reopen to a
            // closed one; anything else was already done by someone (409), never applied twice.
            guard (state == .open) == current.state.isClosed else {
                throw StoreError.stateChanged(id, action: action, found: current.state)
            }
            let day = self.day(of: at)
            var record = current
            record.state = state
            record.stage = state == .done ? .closed : state == .waived ? .waived : .inProgress
            record.actor = actor.user
            record.changedAt = at
            record.note = note
            record.evidence = evidence
            if var loop = record.loop {
                loop.state = record.stage
                switch state {
                case .done:
                    loop.submittedOn = loop.submittedOn ?? day
                    loop.closedOn = day
                case .waived: break
                case .open:
                    loop.closedOn = nil
                    loop.struckOffOn = nil
                }
                record.loop = loop
            }
            try Self.writeStage(record, db: db)
            try Self.insertStep(
                SupervisionStep(
                    action: action, from: current.stage, to: record.stage, day: day, at: at, user: actor.user,
                    note: note, evidence: evidence, due: record.due, requestID: requestID),
                occurrenceID: id, uid: actor.uid, db: db)
            try Self.remember(request, result: record, at: at, db: db)
            return record
        }
    }

    public func addProgress(
        occurrenceID: String, amount: Double, on date: CivilDate, note: String?, actor: Principal,
        requestID: String
    ) async throws -> ProgressEntry {
        try Self.validateRequestID(requestID)
        try Self.validateText(note, zh: "备注", en: "note")
        guard amount.isFinite, amount > 0, amount <= RecordLimits.maximumAmount else {
            throw StoreError.invalid(
                zh: "进度数量应大于0且不超过\(Int(RecordLimits.maximumAmount)),收到\(amount)",
                en: "a progress amount must be above 0 and at most \(Int(RecordLimits.maximumAmount)), got \(amount)")
        }
        try Self.validateDay(date)
        let request = ChangeRequest(
            action: "progress", target: occurrenceID, requestID: requestID, actor: actor,
            body: ProgressBody(occurrenceID: occurrenceID, amount: amount, day: date, note: note))
        let at = now()
        return try await write { db in
            if let earlier: ProgressEntry = try Self.replay(request, db: db) { return earlier }
            guard let occurrence = try Self.fetchOccurrence(db, id: occurrenceID) else {
                throw StoreError.occurrenceNotFound(occurrenceID)
            }
            guard !occurrence.archived else { throw StoreError.archived(occurrenceID) }
            try db.execute(
                sql: """
                    INSERT INTO progress (occurrence_id, amount, day, note, actor, recorded_at, request_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [occurrenceID, amount, date.dayNumber, note, actor.user, Self.millis(at), requestID])
            let entry = ProgressEntry(
                id: db.lastInsertedRowID, occurrenceID: occurrenceID, amount: amount, day: date, note: note,
                actor: actor.user, recordedAt: at, requestID: requestID)
            try Self.remember(request, result: entry, at: at, db: db)
            return entry
        }
    }

    public func addReading(
        taskKey: TaskKey, value: Double, on date: CivilDate, note: String?, actor: Principal, requestID: String
    ) async throws -> MetricReading {
        try Self.validateRequestID(requestID)
        try Self.validateText(note, zh: "备注", en: "note")
        guard value.isFinite, abs(value) <= RecordLimits.maximumReading else {
            throw StoreError.invalid(
                zh: "指标读数应为有限数且绝对值不超过10¹²,收到\(value)",
                en: "a reading must be finite and at most 10^12 in magnitude, got \(value)")
        }
        try Self.validateDay(date)
        let request = ChangeRequest(
            action: "reading", target: taskKey.description, requestID: requestID, actor: actor,
            body: ReadingBody(plan: taskKey.plan, task: taskKey.task, org: taskKey.org, value: value, day: date, note: note))
        let at = now()
        return try await write { db in
            if let earlier: MetricReading = try Self.replay(request, db: db) { return earlier }
            let known = try Bool.fetchOne(
                db,
                sql: "SELECT 1 FROM occurrence WHERE plan = ? AND task = ? AND org = ? AND archived = 0 LIMIT 1",
                arguments: [taskKey.plan, taskKey.task, taskKey.org])
            guard known == true else { throw StoreError.taskNotFound(taskKey) }
            try db.execute(
                sql: """
                    INSERT INTO reading (plan, task, org, value, day, note, actor, recorded_at, request_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    taskKey.plan, taskKey.task, taskKey.org, value, date.dayNumber, note, actor.user, Self.millis(at),
                    requestID,
                ])
            let reading = MetricReading(
                id: db.lastInsertedRowID, taskKey: taskKey, value: value, day: date, note: note, actor: actor.user,
                recordedAt: at, requestID: requestID)
            try Self.remember(request, result: reading, at: at, db: db)
            return reading
        }
    }

    public func progress(of occurrenceID: String) async throws -> OccurrenceProgress {
        try query { db in
            guard try Self.fetchOccurrence(db, id: occurrenceID) != nil else {
                throw StoreError.occurrenceNotFound(occurrenceID)
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, amount, day, note, actor, recorded_at, request_id FROM progress
                    WHERE occurrence_id = ? ORDER BY id
                    """,
                arguments: [occurrenceID])
            let entries = rows.map { row in
                ProgressEntry(
                    id: row[0], occurrenceID: occurrenceID, amount: row[1], day: CivilDate(dayNumber: row[2]),
                    note: row[3], actor: row[4], recordedAt: Self.date(millis: row[5]), requestID: row[6])
            }
            return OccurrenceProgress(
                occurrenceID: occurrenceID, total: entries.reduce(0) { $0 + $1.amount }, entries: entries)
        }
    }

    public func progressTotals(of occurrenceIDs: [String]) async throws -> [String: Double] {
        guard !occurrenceIDs.isEmpty else { return [:] }
        guard occurrenceIDs.count <= Self.maximumLimit else {
            throw StoreError.invalid(
                zh: "一次最多查询\(Self.maximumLimit)个事项的进度", en: "at most \(Self.maximumLimit) occurrences at a time")
        }
        return try await read { db in
            var totals: [String: Double] = [:]
            // SQLite's default limit on bound parameters is 32,766: query in chunks well below it.
            for start in stride(from: 0, to: occurrenceIDs.count, by: 500) {
                let chunk = Array(occurrenceIDs[start..<min(start + 500, occurrenceIDs.count)])
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT occurrence_id, SUM(amount) FROM progress
                        WHERE occurrence_id IN (\(Array(repeating: "?", count: chunk.count).joined(separator: ",")))
                        GROUP BY occurrence_id
                        """,
                    arguments: StatementArguments(chunk))
                for row in rows { totals[row[0]] = row[1] }
            }
            return totals
        }
    }

    public func readings(taskKey: TaskKey) async throws -> [MetricReading] {
        try query { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, value, day, note, actor, recorded_at, request_id FROM reading
                    WHERE plan = ? AND task = ? AND org = ? ORDER BY day, id
                    """,
                arguments: [taskKey.plan, taskKey.task, taskKey.org]
            ).map { row in
                MetricReading(
                    id: row[0], taskKey: taskKey, value: row[1], day: CivilDate(dayNumber: row[2]), note: row[3],
                    actor: row[4], recordedAt: Self.date(millis: row[5]), requestID: row[6])
            }
        }
    }

    // MARK: Validation

    static func validateRequestID(_ requestID: String) throws {
        guard !requestID.isEmpty, requestID.count <= RecordLimits.maximumRequestIDLength,
            !requestID.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw StoreError.invalid(
                zh: "请求编号应为1到\(RecordLimits.maximumRequestIDLength)个可见字符",
                en: "a request id must be 1…\(RecordLimits.maximumRequestIDLength) printable characters")
        }
    }

    static func validateText(_ text: String?, zh: String, en: String) throws {
        guard let text, text.count > RecordLimits.maximumTextLength else { return }
        throw StoreError.invalid(
            zh: "\(zh)过长(\(text.count)字,上限\(RecordLimits.maximumTextLength)字)",
            en: "the \(en) is too long (\(text.count) characters, at most \(RecordLimits.maximumTextLength))")
    }

    /// Days before 2000 or after 2100 are typing mistakes, not records.
    static func validateDay(_ date: CivilDate) throws {
        guard date.year >= 2000, date.year <= 2100 else {
            throw StoreError.invalid(
                zh: "日期\(date)不在2000年至2100年之间", en: "the date \(date) is outside the years 2000–2100")
        }
    }
}
