/// One event of a `text/event-stream` (`watch`): its `event:` name, `data:` lines joined by newlines, and `id:`.
public struct ServerSentEvent: Hashable, Sendable {
    public var event: String
    public var data: String
    public var id: String?

    public init(event: String = "message", data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }
}

/// Turns the lines of an event stream into events (the WHATWG parsing rules, minus `retry:`).
struct ServerSentEventParser {
    private var event = ""
    private var data: [String] = []
    private var id: String?

    /// Feeds one line (without its line break); returns an event when a blank line completes one.
    mutating func feed(_ line: String) -> ServerSentEvent? {
        if line.isEmpty {
            defer {
                event = ""
                data = []
            }
            guard !data.isEmpty else { return nil }
            return ServerSentEvent(event: event.isEmpty ? "message" : event, data: data.joined(separator: "\n"), id: id)
        }
        if line.hasPrefix(":") { return nil }
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = Substring(line)
            value = ""
        }
        switch field {
        case "event": event = String(value)
        case "data": data.append(String(value))
        case "id": id = String(value)
        default: break
        }
        return nil
    }
}
