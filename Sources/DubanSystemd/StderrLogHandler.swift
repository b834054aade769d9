import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A swift-log handler that writes plain lines to standard error, for when there is no journal (duband run by
/// hand or in a container).
///
/// One line per entry, written with a single `write(2)` so lines from concurrent tasks never interleave:
/// ```
/// 2026-11-30T08:30:00.000+0800 NOTICE 提醒：填报学籍数据 duban.org=d01 duban.task=xueji
/// ```
/// The timestamp is local time with its offset (`TZ` applies); metadata follows in key order as `key=value`,
/// with values that are empty or contain spaces, `=`, quotes or line breaks quoted and escaped.
public struct StderrLogHandler: LogHandler {
    /// The logger's label (not printed; kept for symmetry with ``JournalLogHandler``).
    public var label: String
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    private let output: @Sendable (String) -> Void

    /// Creates a handler.
    /// - Parameters:
    ///   - label: the logger's label.
    ///   - metadataProvider: adds metadata to every entry.
    ///   - output: receives each finished line (with its newline); standard error unless given.
    public init(
        label: String,
        metadataProvider: Logger.MetadataProvider? = nil,
        output: @escaping @Sendable (String) -> Void = StderrLogHandler.writeToStandardError
    ) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let call = event.metadata { merged.merge(call) { $1 } }
        if let error = event.error { merged["error"] = .string(String(describing: error)) }
        output(
            Self.formatLine(level: event.level, message: "\(event.message)", metadata: merged, timestamp: Self.now())
        )
    }

    /// One finished line: `TIMESTAMP LEVEL message key=value…\n`.
    static func formatLine(level: Logger.Level, message: String, metadata: Logger.Metadata, timestamp: String)
        -> String
    {
        var line = timestamp + " " + level.rawValue.uppercased() + " " + message
        for key in metadata.keys.sorted() {
            line += " " + key + "=" + quoted("\(metadata[key]!)")
        }
        return line + "\n"
    }

    /// `value` as is, or in double quotes with `\`, `"`, and line breaks escaped when it needs them.
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "=" || $0 == "\"" || $0.isNewline }
        guard needsQuotes else { return value }
        var out = "\""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\r\n": out += "\\r\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// The current local time as `2026-11-30T08:30:00.000+0800`.
    static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        localtime_r(&seconds, &parts)
        var date = [CChar](repeating: 0, count: 32)
        var zone = [CChar](repeating: 0, count: 8)
        strftime(&date, date.count, "%Y-%m-%dT%H:%M:%S", &parts)
        strftime(&zone, zone.count, "%z", &parts)
        let millis = Int(spec.tv_nsec / 1_000_000)
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return text(date) + "." + fraction + text(zone)
    }

    /// The NUL-terminated C string in `buffer`.
    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `line` to fd 2 with one `write(2)` (retrying the rest after a short write).
    public static func writeToStandardError(_ line: String) {
        var bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
