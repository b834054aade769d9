/// Why a message could not be built or handed over: a stable code for programs and a message in both languages.
///
/// ``Code`` wraps a private enum behind `static let` cases, so adding a code later breaks no caller's `switch`.
public struct MailError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of failure a caller can act on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidAddress = "invalid-address"
            case noRecipients = "no-recipients"
            case invalidHeader = "invalid-header"
            case noBody = "no-body"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// An address is not `local@domain` in printable ASCII (no spaces, angle brackets or line breaks).
        public static let invalidAddress = Code(.invalidAddress)
        /// The message has nobody to go to.
        public static let noRecipients = Code(.noRecipients)
        /// A header name or value cannot be written safely (a line break in it, a name outside `A-Za-z0-9-`).
        public static let invalidHeader = Code(.invalidHeader)
        /// The message has no text part.
        public static let noBody = Code(.noBody)

        /// A stable identifier such as `invalid-address`.
        public var description: String { base.rawValue }
    }

    public var code: Code
    /// Chinese first: `中文 / English`.
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
