/// A stable error code of the control API, with the HTTP status it goes with.
///
/// Codes are strings on the wire and never change meaning; new codes may be added. Clients switch on the code,
/// not on the message (which is "中文 / English" text for people).
public struct APIErrorCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The code as sent, e.g. `not-found`.
    public let rawValue: String
    /// The HTTP status the server answers with.
    public let status: Int

    public init(rawValue: String, status: Int) {
        self.rawValue = rawValue
        self.status = status
    }

    public var description: String { rawValue }

    /// Malformed JSON, a wrong type, a bad query parameter or path segment.
    public static let badRequest = APIErrorCode(rawValue: "bad-request", status: 400)
    /// The peer may read but not change (not root, not in the admin group).
    public static let forbidden = APIErrorCode(rawValue: "forbidden", status: 403)
    /// No such route, or an unknown plan, task, org unit or occurrence id.
    public static let notFound = APIErrorCode(rawValue: "not-found", status: 404)
    /// The route exists but not with this method.
    public static let methodNotAllowed = APIErrorCode(rawValue: "method-not-allowed", status: 405)
    /// The client sent its request too slowly (read timeout).
    public static let timeout = APIErrorCode(rawValue: "timeout", status: 408)
    /// A reused request id with a different request, an archived occurrence, an existing backup file.
    public static let conflict = APIErrorCode(rawValue: "conflict", status: 409)
    /// A step of the supervision loop (or done, waive, reopen) on an occurrence that is not in the state it
    /// applies to, or not in the `expected_state` sent: someone acted first. Nothing changed.
    public static let stageChanged = APIErrorCode(rawValue: "stage-changed", status: 409)
    /// The body is larger than ``ControlAPI/maximumBodyBytes``.
    public static let payloadTooLarge = APIErrorCode(rawValue: "payload-too-large", status: 413)
    /// A body that is not `application/json`.
    public static let unsupportedMediaType = APIErrorCode(rawValue: "unsupported-media-type", status: 415)
    /// The request is well formed but not acceptable: progress ≤ 0 or absurd, a missing reason, an extension
    /// beyond the allowed one, a task of the wrong kind, a reload with broken plans.
    public static let unprocessable = APIErrorCode(rawValue: "unprocessable", status: 422)
    /// A fault inside the daemon (the store failed); the request may be retried with the same request id.
    public static let internalError = APIErrorCode(rawValue: "internal", status: 500)
    /// The daemon is still starting (the scheduler is not running yet).
    public static let unavailable = APIErrorCode(rawValue: "unavailable", status: 503)

    /// Every code this version defines.
    public static let all: [APIErrorCode] = [
        .badRequest, .forbidden, .notFound, .methodNotAllowed, .timeout, .conflict, .stageChanged, .payloadTooLarge,
        .unsupportedMediaType, .unprocessable, .internalError, .unavailable,
    ]

    /// The code for `rawValue` (the status of an unknown code is taken as 400).
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        self = APIErrorCode.all.first { $0.rawValue == raw } ?? APIErrorCode(rawValue: raw, status: 400)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
