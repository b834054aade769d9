internal import DubanCalendar
internal import Foundation
internal import GRDB

/// A change as asked: the action, its target, who asked, and its arguments. Its canonical JSON (keys sorted) is
/// both the audit row's `request` and the fingerprint a retried request id is compared with.
struct ChangeRequest<Body: Encodable & Sendable>: Encodable, Sendable {
    var action: String
    var target: String
    var requestID: String
    var actor: Principal
    var body: Body

    /// The request id is the key the fingerprint is stored under, not part of it.
    enum CodingKeys: String, CodingKey {
        case action, target, actor, body
    }

    /// `{"action":…,"actor":{"uid":…,"user":…},"body":{…},"target":…}` with sorted keys.
    var json: String {
        // Encoding plain strings, numbers and dates cannot fail.
        let data = try! ChangeRequestCoding.encoder.encode(self)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The arguments of ``StateStore/setState(id:to:actor:note:evidence:requestID:)``.
struct SetStateBody: Encodable, Sendable {
    var id: String
    var state: OccurrenceState
    var note: String?
    var evidence: String?
}

/// The arguments of ``StateStore/addProgress(occurrenceID:amount:on:note:actor:requestID:)``.
struct ProgressBody: Encodable, Sendable {
    var occurrenceID: String
    var amount: Double
    var day: CivilDate
    var note: String?
}

/// The arguments of ``StateStore/addReading(taskKey:value:on:note:actor:requestID:)``.
struct ReadingBody: Encodable, Sendable {
    var plan: String
    var task: String
    var org: String
    var value: Double
    var day: CivilDate
    var note: String?
}

/// The JSON settings shared by request fingerprints and stored results: sorted keys, dates as integer
/// milliseconds (the same precision as the database), nulls written out so that `note: nil` and a missing key
/// cannot differ.
enum ChangeRequestCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(SQLiteStateStore.millis(date))
        }
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            return SQLiteStateStore.date(millis: try container.decode(Int64.self))
        }
        return decoder
    }()
}

extension SQLiteStateStore {
    /// The result of an earlier call with the same request id, or nil when the id is new.
    /// - Throws: ``StoreError/Code/conflict`` when the id was used for a different request.
    static func replay<Body, Result: Decodable>(_ request: ChangeRequest<Body>, db: Database) throws -> Result? {
        let statement = try db.cachedStatement(sql: "SELECT action, body, result FROM request WHERE request_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [request.requestID]) else { return nil }
        let action: String = row[0]
        let body: String = row[1]
        guard action == request.action, body == request.json else { throw StoreError.requestReused(request.requestID) }
        let result: String = row[2]
        return try ChangeRequestCoding.decoder.decode(Result.self, from: Data(result.utf8))
    }

    /// Records the request id with its result, and the audit row, in the caller's transaction.
    static func remember<Body, Result: Encodable>(
        _ request: ChangeRequest<Body>, result: Result, at: Date, db: Database
    ) throws {
        let json = request.json
        let resultJSON = String(decoding: try ChangeRequestCoding.encoder.encode(result), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO request (request_id, action, body, result, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [request.requestID, request.action, json, resultJSON, millis(at)])
        try insertAudit(
            AuditEntry(
                at: at, uid: request.actor.uid, user: request.actor.user, action: request.action,
                target: request.target, request: json, requestID: request.requestID),
            db: db)
    }
}
