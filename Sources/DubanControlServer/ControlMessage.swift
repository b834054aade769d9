public import DubanControlAPI
public import Foundation

/// One request on the control socket, fully read.
public struct ControlRequest: Sendable {
    public var method: String
    /// The path without the query, e.g. `/v1/status` (still percent-encoded: split it at `/` first, then decode
    /// each segment, as ``APIRoute/init(path:)`` does).
    public var path: String
    /// Query parameters (last one wins for a repeated name).
    public var query: [String: String]
    public var headers: [(String, String)]
    public var body: Data
    /// Who is on the other end of the socket (SO_PEERCRED); nil when the kernel did not say.
    public var peer: PeerCredentials?

    public init(
        method: String, path: String, query: [String: String] = [:], headers: [(String, String)] = [],
        body: Data = Data(), peer: PeerCredentials? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.peer = peer
    }

    /// A request as it arrives: `uri` is the request target (`/v1/tasks?plan=a&org=b`), split into the path and
    /// its query parameters (percent-decoded, `+` as a space in values; a parameter without `=` is empty; an
    /// undecodable one is kept as written; the last of a repeated name wins).
    public init(
        method: String, uri: String, headers: [(String, String)] = [], body: Data = Data(),
        peer: PeerCredentials? = nil
    ) {
        let parts = uri.utf8.split(separator: UInt8(ascii: "?"), maxSplits: 1, omittingEmptySubsequences: false)
        var query: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: UInt8(ascii: "&")) {
                let kv = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
                let key = Self.decode(kv[0], plusIsSpace: false)
                query[key] = kv.count > 1 ? Self.decode(kv[1], plusIsSpace: true) : ""
            }
        }
        self.init(
            method: method, path: parts.first.map { String(decoding: $0, as: UTF8.self) } ?? "", query: query,
            headers: headers, body: body, peer: peer)
    }

    /// A query name or value percent-decoded (and `+` as a space in values); kept as written when a `%` escape is
    /// malformed or the decoded bytes are not UTF-8. On the bytes, without Foundation: this runs for every request.
    static func decode(_ text: Substring.UTF8View, plusIsSpace: Bool) -> String {
        let bytes = Array(text)
        let percent = UInt8(ascii: "%"), plus = UInt8(ascii: "+")
        guard bytes.contains(where: { $0 == percent || (plusIsSpace && $0 == plus) }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == percent {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { return String(decoding: bytes, as: UTF8.self) }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(plusIsSpace && byte == plus ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(validating: out, as: UTF8.self) ?? String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { Self.equalIgnoringASCIICase($0.0, name) }?.1
    }

    /// Header names are ASCII: compared byte by byte, `A`–`Z` folded (no Foundation, no locale).
    static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        for (x, y) in zip(a.utf8, b.utf8) where x != y {
            guard x | 0x20 == y | 0x20, (x | 0x20) >= UInt8(ascii: "a"), (x | 0x20) <= UInt8(ascii: "z") else {
                return false
            }
        }
        return true
    }
}

/// Writes the body of a streamed response (Server-Sent Events) piece by piece.
public struct ControlStreamWriter: Sendable {
    let send: @Sendable (Data) async throws -> Void

    public init(send: @escaping @Sendable (Data) async throws -> Void) {
        self.send = send
    }

    /// Writes and flushes `data`; throws once the client has gone away.
    public func write(_ data: Data) async throws {
        try await send(data)
    }
}

/// The answer to a control request: a whole body, or a stream that runs until it returns or the client leaves.
public struct ControlResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: Data
    /// Extra headers (e.g. `Idempotency-Key`).
    public var headers: [(String, String)]
    /// When set, the body is produced by this closure instead of `body` (chunked, no read timeout).
    public var stream: (@Sendable (ControlStreamWriter) async throws -> Void)?

    public init(
        status: Int, contentType: String = "application/json; charset=utf-8", body: Data,
        headers: [(String, String)] = []
    ) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
        self.stream = nil
    }

    /// A streamed response (`text/event-stream` for SSE).
    public static func streaming(
        contentType: String, headers: [(String, String)] = [],
        _ body: @escaping @Sendable (ControlStreamWriter) async throws -> Void
    ) -> ControlResponse {
        var response = ControlResponse(status: 200, contentType: contentType, body: Data(), headers: headers)
        response.stream = body
        return response
    }

    static let encoder = ControlAPI.makeEncoder()

    /// A JSON body from an encodable value (sorted keys, so output is stable).
    public static func json(_ value: some Encodable, status: Int = 200, headers: [(String, String)] = []) -> ControlResponse {
        do {
            return ControlResponse(status: status, body: try encoder.encode(value), headers: headers)
        } catch {
            return .error(.internalError, message: "编码失败 / encoding failed: \(error)")
        }
    }

    /// The error shape every failure uses: `{"error": {"code": …, "message": …}}`.
    public static func error(_ code: APIErrorCode, message: String) -> ControlResponse {
        .error(APIErrorBody(code: code, message: message))
    }

    /// The response for an error body.
    public static func error(_ body: APIErrorBody) -> ControlResponse {
        let data = (try? encoder.encode(body)) ?? Data()
        return ControlResponse(status: body.status, body: data)
    }

    /// The error shape with a status and code given apart (kept for callers that predate ``APIErrorCode``).
    public static func error(status: Int, code: String, message: String) -> ControlResponse {
        .error(APIErrorBody(code: APIErrorCode(rawValue: code, status: status), message: message))
    }
}

/// What answers control requests; the daemon provides it.
public protocol ControlHandler: Sendable {
    func handle(_ request: ControlRequest) async -> ControlResponse
}
