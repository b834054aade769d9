import Foundation

/// A reader for the messages the tests build, written independently of the builder: unfolds header lines,
/// decodes RFC 2047 "B" words and base64 bodies, splits `multipart/alternative`.
struct ParsedMessage {
    /// Raw (unfolded, undecoded) header values by lower-cased name, in order.
    var headers: [(name: String, value: String)]
    /// Raw header lines as written (folded), for the length checks.
    var headerLines: [String]
    /// Body parts: their headers and decoded text.
    var parts: [(headers: [String: String], text: String)]

    init(_ message: String) throws {
        guard let split = message.range(of: "\r\n\r\n") else { throw Failure("no blank line after the headers") }
        headerLines = message[..<split.lowerBound].components(separatedBy: "\r\n")
        headers = Self.unfold(headerLines)
        let body = String(message[split.upperBound...])
        let contentType = headers.first { $0.name == "content-type" }?.value ?? ""
        if contentType.hasPrefix("multipart/alternative") {
            guard let start = contentType.range(of: "boundary=\"") else { throw Failure("no boundary") }
            let boundary = contentType[start.upperBound...].prefix { $0 != "\"" }
            let sections = body.components(separatedBy: "--" + boundary)
            guard sections.count >= 3, sections.last?.hasPrefix("--") == true else { throw Failure("bad multipart") }
            parts = try sections.dropFirst().dropLast().map { section in
                let trimmed = section.hasPrefix("\r\n") ? String(section.dropFirst(2)) : section
                return try Self.part(trimmed)
            }
        } else {
            let partHeaders = Dictionary(headers.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            parts = [(partHeaders, try Self.decodeBase64(body))]
        }
    }

    /// The decoded value of header `name` (encoded words decoded, whitespace between adjacent words dropped).
    func header(_ name: String) -> String? {
        headers.first { $0.name == name.lowercased() }.map { Self.decodeWords($0.value) }
    }

    /// The text of the part in `language`.
    func text(language: String) -> String? {
        parts.first { $0.headers["content-language"] == language }?.text
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func unfold(_ lines: [String]) -> [(name: String, value: String)] {
        var fields: [(String, String)] = []
        for line in lines {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !fields.isEmpty {
                fields[fields.count - 1].1 += line
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((line[..<colon].lowercased(), String(line[line.index(after: colon)...])))
            }
        }
        return fields.map { ($0.0, $0.1.trimmingCharacters(in: .whitespaces)) }
    }

    static func part(_ text: String) throws -> (headers: [String: String], text: String) {
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure("part without headers") }
        let fields = unfold(text[..<split.lowerBound].components(separatedBy: "\r\n"))
        let headers = Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard headers["content-transfer-encoding"] == "base64" else { throw Failure("not base64") }
        return (headers, try decodeBase64(String(text[split.upperBound...])))
    }

    static func decodeBase64(_ text: String) throws -> String {
        let joined = text.components(separatedBy: "\r\n").joined()
        guard let data = Data(base64Encoded: joined), let string = String(data: data, encoding: .utf8) else {
            throw Failure("bad base64 body")
        }
        return string
    }

    /// Decodes every `=?UTF-8?B?…?=`; linear white space between two encoded words is removed (RFC 2047 §6.2).
    static func decodeWords(_ value: String) -> String {
        var output = ""
        var rest = Substring(value)
        var lastWasWord = false
        while let start = rest.range(of: "=?UTF-8?B?") {
            let between = rest[..<start.lowerBound]
            if !(lastWasWord && between.allSatisfy(\.isWhitespace)) { output += between }
            guard let end = rest[start.upperBound...].range(of: "?=") else { break }
            let payload = String(rest[start.upperBound..<end.lowerBound])
            output += Data(base64Encoded: payload).flatMap { String(data: $0, encoding: .utf8) } ?? "\u{FFFD}"
            rest = rest[end.upperBound...]
            lastWasWord = true
        }
        return output + rest
    }

    /// The encoded words in a raw value.
    static func words(in value: String) -> [String] {
        var words: [String] = []
        var rest = Substring(value)
        while let start = rest.range(of: "=?UTF-8?B?"), let end = rest[start.upperBound...].range(of: "?=") {
            words.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return words
    }
}
