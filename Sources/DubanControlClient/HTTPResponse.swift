public import Foundation

/// An HTTP response as read from the control socket: status, headers (names lower-cased) and the whole body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name == lower }?.value
    }
}

/// A response head: the status line and headers, before the body.
struct HTTPResponseHead: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]

    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// How the body is delimited (RFC 9112 §6.3).
    var framing: Framing {
        if status / 100 == 1 || status == 204 || status == 304 { return .length(0) }
        if let te = header("transfer-encoding"), te.lowercased().contains("chunked") { return .chunked }
        if let length = header("content-length").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), length >= 0
        {
            return .length(length)
        }
        return .untilClose
    }

    enum Framing: Equatable {
        case length(Int)
        case chunked
        case untilClose
    }

    /// Parses `HTTP/1.1 200 OK\r\nName: value\r\n…` (without the blank line).
    static func parse(_ text: String) -> HTTPResponseHead? {
        var lines = text.components(separatedBy: "\r\n")
        guard !lines.isEmpty else { return nil }
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...599).contains(status)
        else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name, value))
        }
        return HTTPResponseHead(status: status, headers: headers)
    }
}
