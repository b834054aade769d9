public import DubanCalendar
public import DubanSupervision
internal import Foundation
internal import GRDB

/// The arguments of ``StateStore/supervise(id:step:actor:requestID:transition:)`` as fingerprinted.
struct SuperviseBody: Encodable, Sendable {
    var id: String
    var action: String
    var expected: SupervisionState
    var note: String?
    var evidence: String?
    var workingDays: Int?
}

extension SQLiteStateStore {
    public func supervise(
        id: String, step: SupervisionStepRequest, actor: Principal, requestID: String,
        transition: @escaping @Sendable (OccurrenceRecord, CivilDate) throws(SupervisionError) -> SupervisionRecord
    ) async throws -> SupervisionOutcome {
        try Self.validateRequestID(requestID)
        try Self.validateText(step.note, zh: "说明", en: "note")
        try Self.validateText(step.evidence, zh: "佐证", en: "evidence")
        let request = ChangeRequest(
            action: step.action, target: id, requestID: requestID, actor: actor,
            body: SuperviseBody(
                id: id, action: step.action, expected: step.expected, note: step.note, evidence: step.evidence,
                workingDays: step.workingDays))
        let at = now()
        let day = day(of: at)
        return try await write { db in
            if let earlier: SupervisionOutcome = try Self.replay(request, db: db) { return earlier }
            guard let current = try Self.fetchOccurrence(db, id: id) else { throw StoreError.occurrenceNotFound(id) }
            guard !current.archived else { throw StoreError.archived(id) }
            guard current.stage == step.expected else {
                throw StoreError.stageChanged(id, expected: step.expected, found: current.stage)
            }
            let next: SupervisionRecord
            do {
                next = try transition(current, day)
            } catch let error as SupervisionError {
                throw StoreError(supervision: error)
            }
            var record = current
            record.stage = next.state
            record.state = OccurrenceRecord.state(of: next.state)
            record.loop = next
            record.actor = actor.user
            record.changedAt = at
            if let note = step.note { record.note = note }
            if let evidence = step.evidence { record.evidence = evidence }
            let shift = next.extendedWorkingDays + next.pausedWorkingDays
            if next.due != current.due {
                if record.planDue == nil, record.eventDay == nil { record.planDue = current.due }
                record.due = next.due
            }
            record.dueShift = shift
            try Self.writeStage(record, db: db)
            let taken = SupervisionStep(
                action: step.action, from: current.stage, to: next.state, day: day, at: at, user: actor.user,
                note: step.note, evidence: step.evidence, workingDays: step.workingDays, due: next.due,
                requestID: requestID)
            try Self.insertStep(taken, occurrenceID: id, uid: actor.uid, db: db)
            let outcome = SupervisionOutcome(occurrence: record, step: taken)
            try Self.remember(request, result: outcome, at: at, db: db)
            return outcome
        }
    }

    public func steps(of occurrenceIDs: [String]) async throws -> [String: [SupervisionStep]] {
        guard occurrenceIDs.count <= Self.maximumLimit else {
            throw StoreError.invalid(
                zh: "一次最多查询\(Self.maximumLimit)个事项的步骤", en: "at most \(Self.maximumLimit) occurrences at a time")
        }
        return try await read { db in
            var steps: [String: [SupervisionStep]] = [:]
            let statement = try db.cachedStatement(
                sql: """
                    SELECT action, from_stage, to_stage, day, at, user_name, note, evidence, working_days, due,
                           request_id
                    FROM step WHERE occurrence_id = ? ORDER BY id
                    """)
            for id in Set(occurrenceIDs) {
                let rows = try Row.fetchAll(statement, arguments: [id])
                if rows.isEmpty { continue }
                steps[id] = rows.map(Self.step)
            }
            return steps
        }
    }

    // MARK: Rows

    static func step(_ row: Row) -> SupervisionStep {
        let from: String = row[1]
        let to: String = row[2]
        return SupervisionStep(
            action: row[0], from: SupervisionState(rawValue: from) ?? .assigned,
            to: SupervisionState(rawValue: to) ?? .assigned, day: CivilDate(dayNumber: row[3]),
            at: date(millis: row[4]), user: row[5], note: row[6], evidence: row[7], workingDays: row[8],
            due: CivilDate(dayNumber: row[9]), requestID: row[10])
    }

    /// Writes an occurrence's loop columns and its summary state.
    static func writeStage(_ record: OccurrenceRecord, db: Database) throws {
        let loop = try record.loop.map {
            String(decoding: try ChangeRequestCoding.encoder.encode($0), as: UTF8.self)
        }
        try db.execute(
            sql: """
                UPDATE occurrence SET stage = ?, state = ?, loop = ?, due = ?, due_shift = ?, plan_due = ?,
                    actor = ?, changed_at = ?, note = ?, evidence = ?
                WHERE id = ?
                """,
            arguments: [
                record.stage.rawValue, record.state.rawValue, loop, record.due.dayNumber, record.dueShift,
                record.planDue?.dayNumber, record.actor, record.changedAt.map(Self.millis), record.note,
                record.evidence, record.id,
            ])
    }

    static func insertStep(_ step: SupervisionStep, occurrenceID: String, uid: UInt32, db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO step (occurrence_id, action, from_stage, to_stage, day, at, uid, user_name, note,
                                  evidence, working_days, due, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                occurrenceID, step.action, step.from.rawValue, step.to.rawValue, step.day.dayNumber,
                Self.millis(step.at), uid, step.user, step.note, step.evidence, step.workingDays,
                step.due.dayNumber, step.requestID,
            ])
    }
}
