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
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(kv[0]).removingPercentEncoding ?? String(kv[0])
                let value =
                    kv.count > 1
                    ? (String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(kv[1]))
                    : ""
                query[key] = value
            }
        }
        self.init(
            method: method, path: String(parts.first ?? ""), query: query, headers: headers, body: body, peer: peer)
    }

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
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
