import CSystemd
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A swift-log handler that writes structured entries to journald with `sd_journal_sendv`.
///
/// Each entry carries `MESSAGE`, `PRIORITY` (syslog 0–7, see ``priority(for:)``), `SYSLOG_IDENTIFIER`,
/// `CODE_FILE`/`CODE_LINE`/`CODE_FUNC`, `LOGGER_LABEL`, `ERROR` when the event has one, and every metadata value
/// (handler metadata, then the metadata provider's, then the call's, later ones winning) under the field name
/// ``JournalFieldName/make(fromMetadataKey:)`` gives it: `duban.task` → `DUBAN_TASK`, `message_id` →
/// `MESSAGE_ID`. Values are sent with their lengths, so Chinese text and newlines arrive intact.
///
/// If journald refuses an entry (its socket is gone, say), the entry is written to standard error in
/// ``StderrLogHandler``'s format instead, so nothing is lost silently.
public struct JournalLogHandler: LogHandler {
    /// The logger's label, sent as `LOGGER_LABEL`.
    public var label: String
    /// `SYSLOG_IDENTIFIER`, what `journalctl -t` matches (default `duband`).
    public var syslogIdentifier: String
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info

    /// Creates a handler.
    /// - Parameters:
    ///   - label: the logger's label.
    ///   - syslogIdentifier: `SYSLOG_IDENTIFIER` for every entry.
    ///   - metadataProvider: adds metadata (task-local context, say) to every entry.
    public init(
        label: String,
        syslogIdentifier: String = "duband",
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.syslogIdentifier = syslogIdentifier
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = mergedMetadata(event.metadata)
        let entry = fields(for: event, metadata: merged)
        let result = Self.send(entry)
        if result < 0 {
            let line = StderrLogHandler.formatLine(
                level: event.level,
                message: "\(event.message)",
                metadata: merged,
                timestamp: StderrLogHandler.now()
            )
            StderrLogHandler.writeToStandardError(line)
        }
    }

    /// Handler, provider and call metadata, later ones winning.
    func mergedMetadata(_ call: Logger.Metadata?) -> Logger.Metadata {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let call { merged.merge(call) { $1 } }
        return merged
    }

    /// The `(name, value)` pairs sent for `event`: fixed fields first, then metadata sorted by field name.
    func fields(for event: LogEvent, metadata: Logger.Metadata) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [
            ("MESSAGE", "\(event.message)"),
            ("PRIORITY", String(Self.priority(for: event.level))),
            ("SYSLOG_IDENTIFIER", syslogIdentifier),
            ("CODE_FILE", event.file),
            ("CODE_LINE", String(event.line)),
            ("CODE_FUNC", event.function),
            ("LOGGER_LABEL", label),
        ]
        if let error = event.error { fields.append(("ERROR", String(describing: error))) }
        let mapped = metadata.map { (name: JournalFieldName.make(fromMetadataKey: $0.key), value: "\($0.value)") }
        fields.append(contentsOf: mapped.sorted { ($0.name, $0.value) < ($1.name, $1.value) })
        return fields
    }

    /// The syslog priority for a swift-log level: trace and debug 7 (debug), info 6, notice 5, warning 4,
    /// error 3, critical 2 (crit). swift-log has nothing for alert (1) and emerg (0).
    public static func priority(for level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Sends `FIELD=value` iovecs, all pointing into one buffer; returns `sd_journal_sendv`'s result.
    static func send(_ fields: [(name: String, value: String)]) -> Int32 {
        var bytes: [UInt8] = []
        var spans: [(offset: Int, count: Int)] = []
        for field in fields {
            let start = bytes.count
            bytes.append(contentsOf: field.name.utf8)
            bytes.append(UInt8(ascii: "="))
            bytes.append(contentsOf: field.value.utf8)
            spans.append((start, bytes.count - start))
        }
        return bytes.withUnsafeMutableBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -EINVAL }
            let vectors = spans.map { iovec(iov_base: base + $0.offset, iov_len: $0.count) }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
    }
}
