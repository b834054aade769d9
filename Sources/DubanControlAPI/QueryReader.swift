/// Reads typed query parameters, failing with a 400 ``APIErrorBody`` that names the parameter.
public struct QueryReader: Sendable {
    public let query: [String: String]

    public init(_ query: [String: String]) {
        self.query = query
    }

    /// A non-empty string, or nil when absent.
    public func string(_ name: String) throws(APIErrorBody) -> String? {
        guard let value = query[name] else { return nil }
        guard !value.isEmpty, value.utf8.count <= 500 else { throw QueryReader.bad(name, value) }
        return value
    }

    /// A `YYYY-MM-DD` date.
    public func date(_ name: String) throws(APIErrorBody) -> String? {
        guard let value = query[name] else { return nil }
        guard ControlAPI.isValidDate(value) else { throw QueryReader.bad(name, value, expected: "YYYY-MM-DD") }
        return value
    }

    /// An integer in `range`.
    public func int(_ name: String, in range: ClosedRange<Int>) throws(APIErrorBody) -> Int? {
        guard let value = query[name] else { return nil }
        guard let n = Int(value), range.contains(n) else {
            throw QueryReader.bad(name, value, expected: "\(range.lowerBound)…\(range.upperBound)")
        }
        return n
    }

    /// `true`/`false` (also `1`/`0`).
    public func bool(_ name: String) throws(APIErrorBody) -> Bool? {
        guard let value = query[name] else { return nil }
        switch value {
        case "true", "1": return true
        case "false", "0": return false
        default: throw QueryReader.bad(name, value, expected: "true|false")
        }
    }

    /// One of `allowed`.
    public func choice(_ name: String, _ allowed: [String]) throws(APIErrorBody) -> String? {
        guard let value = query[name] else { return nil }
        guard allowed.contains(value) else {
            throw QueryReader.bad(name, value, expected: allowed.joined(separator: "|"))
        }
        return value
    }

    static func bad(_ name: String, _ value: String, expected: String? = nil) -> APIErrorBody {
        let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
        let hint = expected.map { "(应为 \($0))" } ?? ""
        let hintEn = expected.map { " (expected \($0))" } ?? ""
        return APIErrorBody(
            code: .badRequest,
            message: "查询参数 \(name) 无效:\(shown)\(hint) / invalid query parameter \(name): \(shown)\(hintEn)")
    }
}

/// Something sent as query parameters.
public protocol QueryEncodable {
    /// The parameters as name/value pairs (absent ones left out).
    var queryItems: [(name: String, value: String)] { get }
}

extension QueryEncodable {
    /// `?a=1&b=2`, or "" when there is nothing to send.
    public var queryString: String {
        let items = queryItems
        if items.isEmpty { return "" }
        return "?" + items.map { $0.name + "=" + ControlAPI.encodeQueryValue($0.value) }.joined(separator: "&")
    }
}
