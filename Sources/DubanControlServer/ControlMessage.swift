public import Foundation

/// One request on the control socket, fully read.
public struct ControlRequest: Sendable {
    public var method: String
    /// The path without the query, e.g. `/v1/status`.
    public var path: String
    /// Query parameters (last one wins for a repeated name).
    public var query: [String: String]
    public var headers: [(String, String)]
    public var body: Data

    public init(method: String, path: String, query: [String: String] = [:], headers: [(String, String)] = [], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// The answer to a control request.
public struct ControlResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: Data

    public init(status: Int, contentType: String = "application/json; charset=utf-8", body: Data) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// A JSON body from an encodable value (sorted keys, so output is stable).
    public static func json(_ value: some Encodable, status: Int = 200) -> ControlResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return ControlResponse(status: status, body: try encoder.encode(value))
        } catch {
            return .error(status: 500, code: "encoding-failed", message: "\(error)")
        }
    }

    /// The error shape every failure uses: `{"error": {"code": …, "message": …}}`.
    public static func error(status: Int, code: String, message: String) -> ControlResponse {
        struct Body: Encodable {
            struct Detail: Encodable {
                var code: String
                var message: String
            }
            var error: Detail
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(Body(error: .init(code: code, message: message)))) ?? Data()
        return ControlResponse(status: status, body: data)
    }
}

/// What answers control requests; the daemon provides it.
public protocol ControlHandler: Sendable {
    func handle(_ request: ControlRequest) async -> ControlResponse
}
