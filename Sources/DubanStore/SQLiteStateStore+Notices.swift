public import DubanCalendar
public import DubanSupervision
internal import Foundation
internal import GRDB

extension SQLiteStateStore {
    public func issueSupervisionNotice(
        eventKey: String, occurrenceID: String, org: String, prefix: String, issuedOn: CivilDate,
        make: @escaping @Sendable (SupervisionNoticeNumber) -> SupervisionNoticeDocument
    ) async throws -> IssuedSupervisionNotice {
        guard !eventKey.isEmpty, eventKey.utf8.count <= 1024, !prefix.isEmpty, prefix.count <= 20 else {
            throw StoreError.invalid(zh: "督办单的键或编号前缀无效", en: "invalid notice key or number prefix")
        }
        let at = now()
        return try await write { db in
            if let earlier = try Self.fetchNotices(db, where: "event_key = ?", [eventKey], limit: 1).first {
                return earlier
            }
            let last = try Int.fetchOne(
                db, sql: "SELECT MAX(sequence) FROM supervision_notice WHERE prefix = ? AND year = ?",
                arguments: [prefix, issuedOn.year])
            let number = SupervisionNoticeNumber.next(
                after: last.map { SupervisionNoticeNumber(prefix: prefix, year: issuedOn.year, sequence: $0) },
                prefix: prefix, issuedOn: issuedOn)
            var document = make(number)
            document.number = number
            let notice = IssuedSupervisionNotice(
                eventKey: eventKey, occurrenceID: occurrenceID, org: org, issuedAt: at, document: document)
            let json = String(decoding: try Self.noticeEncoder.encode(document), as: UTF8.self)
            try db.execute(
                sql: """
                    INSERT INTO supervision_notice (event_key, occurrence_id, org, prefix, year, sequence, number,
                                                    issued_on, issued_at, document)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    eventKey, occurrenceID, org, prefix, number.year, number.sequence, number.description,
                    issuedOn.dayNumber, Self.millis(at), json,
                ])
            return notice
        }
    }

    public func supervisionNotices(occurrenceID: String?, orgs: Set<String>?, limit: Int) async throws
        -> [IssuedSupervisionNotice]
    {
        let limit = min(max(limit, 0), Self.maximumLimit)
        if let orgs, orgs.isEmpty { return [] }
        return try await read { db in
            var clauses: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let occurrenceID {
                clauses.append("occurrence_id = ?")
                arguments.append(occurrenceID)
            }
            if let orgs {
                clauses.append("org IN (\(Array(repeating: "?", count: orgs.count).joined(separator: ",")))")
                arguments += orgs.sorted()
            }
            return try Self.fetchNotices(
                db, where: clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments, limit: limit)
        }
    }

    public func supervisionNotice(number: String) async throws -> IssuedSupervisionNotice? {
        guard number.utf8.count <= 200 else { return nil }
        return try await read { db in try Self.fetchNotices(db, where: "number = ?", [number], limit: 1).first }
    }

    static func fetchNotices(
        _ db: Database, where clause: String, _ arguments: [any DatabaseValueConvertible], limit: Int
    ) throws -> [IssuedSupervisionNotice] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT event_key, occurrence_id, org, issued_at, document FROM supervision_notice
                WHERE \(clause) ORDER BY issued_on DESC, year DESC, sequence DESC LIMIT \(limit)
                """,
            arguments: StatementArguments(arguments))
        return try rows.map { row in
            let text: String = row["document"]
            return IssuedSupervisionNotice(
                eventKey: row["event_key"], occurrenceID: row["occurrence_id"], org: row["org"],
                issuedAt: Self.date(millis: row["issued_at"]),
                document: try noticeDecoder.decode(SupervisionNoticeDocument.self, from: Data(text.utf8)))
        }
    }

    static let noticeEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    static let noticeDecoder = JSONDecoder()
}
