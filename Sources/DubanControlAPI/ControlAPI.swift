import DubanJSON
public import Foundation

/// The control socket's wire contract, shared by duband (server) and dubanctl (client): version, header names,
/// JSON settings and the encoding of ids in paths. Routes are ``APIRoute``; query names ``QueryName``; bodies are
/// the Codable types of this module; errors ``APIErrorBody`` with an ``APIErrorCode``. docs/openapi.yaml is the
/// same contract written for tools.
///
/// Conventions:
/// - Calendar dates are `YYYY-MM-DD` strings (China's civil date); instants are ISO 8601 with a zone.
/// - JSON keys are snake_case (each type spells its keys out, so no key strategy is needed).
/// - Every change (a `POST`) carries an idempotency key in ``idempotencyKeyHeader``; the server generates one when
///   it is absent and returns it in the body (`request_id`) and the same header. A retry with the same key and the
///   same body returns the first answer and changes nothing.
public enum ControlAPI {
    /// The API version: the first path segment after the root (`/v1/...`).
    public static let version = "v1"
    /// Where duband listens unless configured otherwise.
    public static let defaultSocketPath = "/run/duban/control.sock"
    /// The request id header of changes.
    public static let idempotencyKeyHeader = "Idempotency-Key"
    /// Largest accepted request body (bytes); larger gets 413 `payload-too-large`.
    public static let maximumBodyBytes = 1 << 20
    /// Largest page (`limit`) of list routes; larger values are refused with 400.
    public static let maximumLimit = 10_000
    /// Default page size of list routes.
    public static let defaultLimit = 100

    /// The encoder both sides use: ``DubanJSON`` (sorted keys, `/` unescaped, instants as ISO 8601).
    public static func makeEncoder() -> JSONEncoder { DubanJSON.encoder() }

    /// The decoder both sides use: ``DubanJSON`` (instants as ISO 8601).
    public static func makeDecoder() -> JSONDecoder { DubanJSON.decoder() }

    // MARK: Ids in paths

    /// Characters left as they are in one path segment: RFC 3986 unreserved. Everything else (`/`, `%`, CJK …)
    /// is percent-encoded, so an occurrence id `plan/task/unit/2024` is one segment `plan%2Ftask%2Funit%2F2024`.
    static let segmentAllowed: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return set
    }()

    /// One path segment for `id` (percent-encoded, `/` → `%2F`).
    public static func encodeSegment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? id
    }

    /// The id a raw path segment stands for (percent-decoded after the path was split at `/`); nil when the
    /// segment's escapes are malformed or the result is empty.
    public static func decodeSegment<S: StringProtocol>(_ segment: S) -> String? {
        guard let decoded = String(segment).removingPercentEncoding, !decoded.isEmpty else { return nil }
        return decoded
    }

    /// A percent-encoded query value (for building URLs).
    public static func encodeQueryValue(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? value
    }

    // MARK: Dates

    /// Years a date may have: outside them a date is a typing mistake, not a record.
    public static let yearRange = 2000...2100

    /// True when `text` is a real calendar date written `YYYY-MM-DD` (years ``yearRange``).
    public static func isValidDate(_ text: String) -> Bool {
        parseDate(text) != nil
    }

    /// The year, month and day of a `YYYY-MM-DD` date, or nil when it is not a real date (2026-02-30 is not).
    public static func parseDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        guard yearRange.contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return (year, month, day)
    }
}
