/// An error reported by a libsystemd call that DubanSystemd makes.
///
/// `Code` wraps a private enum behind `static let` cases, so new codes never break callers.
public struct SystemdError: Error, Sendable, CustomStringConvertible {
    /// What kind of call failed.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable {
            case notify
            case journal
            case listenFDs
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// `sd_notify` could not send a message to `NOTIFY_SOCKET`.
        public static let notify = Code(.notify)
        /// `sd_journal_sendv` could not hand an entry to journald.
        public static let journal = Code(.journal)
        /// `sd_listen_fds` rejected the `LISTEN_*` environment.
        public static let listenFDs = Code(.listenFDs)

        public var description: String {
            switch kind {
            case .notify: "notify"
            case .journal: "journal"
            case .listenFDs: "listenFDs"
            }
        }
    }

    /// What failed.
    public var code: Code
    /// The positive `errno` value libsystemd returned (negated), 0 if none.
    public var errno: Int32
    /// What was being done, for the log.
    public var context: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates an error; `file` and `line` default to the caller's position.
    public init(code: Code, errno: Int32, context: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.errno = errno
        self.context = context
        self.file = file
        self.line = line
    }

    public var description: String {
        "SystemdError(\(code), errno \(errno)): \(context) [\(file):\(line)]"
    }
}
