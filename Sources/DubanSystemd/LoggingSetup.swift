import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Chooses where duband's logs go, once, in `main`:
/// ```swift
/// LoggingSystem.bootstrap(LoggingSetup.makeHandler)
/// ```
public enum LoggingSetup {
    /// Where log entries go.
    public enum Destination: Sendable, Equatable {
        /// journald's native socket, with structured fields (``JournalLogHandler``).
        case journal
        /// Plain lines on standard error (``StderrLogHandler``).
        case standardError
    }

    /// journald's native protocol socket.
    public static let journalSocketPath = "/run/systemd/journal/socket"

    /// `DUBAN_LOG=stderr` or `DUBAN_LOG=journal` when set (a rehearsal in a terminal, a test that reads the log);
    /// else `.journal` when journald's socket exists or `JOURNAL_STREAM` is set (systemd connected our stderr to the
    /// journal), `.standardError` otherwise.
    /// - Parameters:
    ///   - journalStream: the value of `JOURNAL_STREAM`, if any.
    ///   - socketPath: journald's socket to look for.
    ///   - forced: the value of `DUBAN_LOG`, if any.
    public static func destination(
        journalStream: String? = getenv("JOURNAL_STREAM").map { String(cString: $0) },
        socketPath: String = journalSocketPath,
        forced: String? = getenv("DUBAN_LOG").map { String(cString: $0) }
    ) -> Destination {
        if forced == "stderr" { return .standardError }
        if forced == "journal" { return .journal }
        if access(socketPath, F_OK) == 0 { return .journal }
        if let journalStream, !journalStream.isEmpty { return .journal }
        return .standardError
    }

    /// A handler for `label` that writes to the current ``destination(journalStream:socketPath:)``.
    /// - Parameters:
    ///   - label: the logger's label.
    ///   - syslogIdentifier: `SYSLOG_IDENTIFIER` when logging to journald.
    public static func makeHandler(label: String, syslogIdentifier: String = "duband") -> any LogHandler {
        makeHandler(label: label, metadataProvider: nil, syslogIdentifier: syslogIdentifier)
    }

    /// A handler for `label` with a metadata provider (the form `LoggingSystem.bootstrap(_:metadataProvider:)`
    /// passes).
    /// - Parameters:
    ///   - label: the logger's label.
    ///   - metadataProvider: adds metadata to every entry.
    ///   - syslogIdentifier: `SYSLOG_IDENTIFIER` when logging to journald.
    public static func makeHandler(
        label: String,
        metadataProvider: Logger.MetadataProvider?,
        syslogIdentifier: String = "duband"
    ) -> any LogHandler {
        switch destination() {
        case .journal:
            JournalLogHandler(label: label, syslogIdentifier: syslogIdentifier, metadataProvider: metadataProvider)
        case .standardError:
            StderrLogHandler(label: label, metadataProvider: metadataProvider)
        }
    }
}
