public import DubanCalendar
internal import DubanSupervision
internal import Foundation
internal import GRDB

/// The arguments of ``StateStore/startProcedure(_:eventDay:note:actor:requestID:)``.
struct StartBody: Encodable, Sendable {
    var id: String
    var plan: String
    var task: String
    var org: String
    var due: CivilDate
    var eventDay: CivilDate
    var note: String?
}

/// The arguments of ``StateStore/extend(id:workingDays:allowed:reason:actor:requestID:newDue:)``.
struct ExtendBody: Encodable, Sendable {
    var id: String
    var workingDays: Int
    var reason: String
}

extension SQLiteStateStore {
    public func startProcedure(
        _ row: OccurrenceRow, eventDay: CivilDate, note: String?, actor: Principal, requestID: String
    ) async throws -> OccurrenceRecord {
        try Self.validateRequestID(requestID)
        try Self.validateText(note, zh: "备注", en: "note")
        try Self.validateDay(eventDay)
        try Self.validateDay(row.due)
        guard row.id.hasPrefix(row.plan + "/"), row.id.utf8.count > row.plan.utf8.count + 1 else {
            throw StoreError.invalid(
                zh: "事项编号“\(row.id)”应以其计划编号“\(row.plan)/”开头",
                en: "the occurrence id \(row.id) must start with its plan id \(row.plan)/")
        }
        guard row.due >= eventDay else {
            throw StoreError.invalid(zh: "到期日不能早于事件日期", en: "the due date cannot be before the event's day")
        }
        let request = ChangeRequest(
            action: "start", target: row.id, requestID: requestID, actor: actor,
            body: StartBody(
                id: row.id, plan: row.plan, task: row.task, org: row.org, due: row.due, eventDay: eventDay, note: note))
        let at = now()
        return try await write { db in
            if let earlier: OccurrenceRecord = try Self.replay(request, db: db) { return earlier }
            if try Self.fetchOccurrence(db, id: row.id) != nil {
                throw StoreError(
                    code: .conflict,
                    message: .init(
                        zh: "事项“\(row.id)”已存在(同一事件已登记)", en: "occurrence \(row.id) exists (the event was already recorded)"))
            }
            try db.execute(
                sql: """
                    INSERT INTO occurrence (id, plan, task, org, due, origin, event_day, actor, changed_at, note, stage)
                    VALUES (?, ?, ?, ?, ?, 'event', ?, ?, ?, ?, 'in_progress')
                    """,
                arguments: [
                    row.id, row.plan, row.task, row.org, row.due.dayNumber, eventDay.dayNumber, actor.user,
                    Self.millis(at), note,
                ])
            guard let record = try Self.fetchOccurrence(db, id: row.id) else { throw StoreError.occurrenceNotFound(row.id) }
            try Self.remember(request, result: record, at: at, db: db)
            return record
        }
    }

    public func extend(
        id: String, workingDays: Int, allowed: Int, reason: String, actor: Principal, requestID: String,
        newDue: @escaping @Sendable (CivilDate, Int) -> CivilDate
    ) async throws -> OccurrenceRecord {
        try Self.validateRequestID(requestID)
        try Self.validateText(reason, zh: "理由", en: "reason")
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalid(zh: "延期须说明理由", en: "an extension needs a reason")
        }
        guard workingDays > 0, workingDays <= allowed else {
            throw StoreError.invalid(
                zh: "延期天数应在1到\(allowed)个工作日之间,收到\(workingDays)",
                en: "an extension must be 1…\(allowed) working days, got \(workingDays)")
        }
        let request = ChangeRequest(
            action: "extend", target: id, requestID: requestID, actor: actor,
            body: ExtendBody(id: id, workingDays: workingDays, reason: reason))
        let at = now()
        return try await write { db in
            if let earlier: OccurrenceRecord = try Self.replay(request, db: db) { return earlier }
            guard var current = try Self.fetchOccurrence(db, id: id) else { throw StoreError.occurrenceNotFound(id) }
            guard !current.archived else { throw StoreError.archived(id) }
            guard current.eventDay != nil else {
                throw StoreError.invalid(
                    zh: "只有由事件启动的程序时限事项可以延期", en: "only procedural occurrences started from an event can be extended")
            }
            guard current.state == .open else {
                throw StoreError(
                    code: .conflict, message: .init(zh: "事项已办结或免办,不能延期", en: "the occurrence is closed and cannot be extended"))
            }
            let already = current.extendedDays ?? 0
            guard already + workingDays <= allowed else {
                throw StoreError.invalid(
                    zh: "延期合计不得超过\(allowed)个工作日(已延期\(already)个)",
                    en: "extensions may total at most \(allowed) working days (\(already) already granted)")
            }
            let due = newDue(current.due, workingDays)
            try db.execute(
                sql: "UPDATE occurrence SET due = ?, extended_days = ? WHERE id = ?",
                arguments: [due.dayNumber, already + workingDays, id])
            if var loop = current.loop {
                // The loop's record follows the due date the procedure's extension moved.
                loop.due = due
                current.loop = loop
                try db.execute(
                    sql: "UPDATE occurrence SET loop = ? WHERE id = ?",
                    arguments: [String(decoding: try ChangeRequestCoding.encoder.encode(loop), as: UTF8.self), id])
            }
            current.due = due
            current.extendedDays = already + workingDays
            try Self.remember(request, result: current, at: at, db: db)
            return current
        }
    }
}
