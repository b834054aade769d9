public import DubanControlAPI

/// Why a control request failed: the daemon could not be reached, refused the request, or answered with an
/// error. A struct with an extensible ``Code`` so new cases never break callers.
public struct ControlClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case unreachable, permissionDenied, connectionLost, timedOut, badResponse, rejected, serverError
        }
        private let kind: Kind

        /// Nothing listens on the socket (missing file, connection refused, path too long).
        public static let unreachable = Code(kind: .unreachable)
        /// The socket exists but this user may not connect to it (EACCES).
        public static let permissionDenied = Code(kind: .permissionDenied)
        /// The connection dropped before a whole answer arrived, also on the one automatic retry.
        public static let connectionLost = Code(kind: .connectionLost)
        /// The daemon accepted the connection but did not answer in time.
        public static let timedOut = Code(kind: .timedOut)
        /// The answer was not HTTP, or its body did not decode as the expected type.
        public static let badResponse = Code(kind: .badResponse)
        /// The daemon refused the request with a 4xx status and an error code (`not-found`, `forbidden`, …).
        public static let rejected = Code(kind: .rejected)
        /// The daemon failed with a 5xx status.
        public static let serverError = Code(kind: .serverError)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// The HTTP status when the daemon answered, else nil.
    public var status: Int?
    /// The daemon's error code (`{"error": {"code": …}}`), e.g. ``APIErrorCode/notFound``, ``APIErrorCode/forbidden``.
    public var serverCode: APIErrorCode?
    /// A human-readable message: the daemon's own, or what went wrong on the way.
    public var message: String
    /// The socket path the request went to.
    public var socketPath: String

    public init(code: Code, status: Int? = nil, serverCode: APIErrorCode? = nil, message: String, socketPath: String) {
        self.code = code
        self.status = status
        self.serverCode = serverCode
        self.message = message
        self.socketPath = socketPath
    }

    /// True when the daemon was never reached (or not in time): the caller may fall back or exit 69.
    public var isUnavailable: Bool {
        code == .unreachable || code == .connectionLost || code == .timedOut
    }

    public var description: String {
        switch code {
        case .rejected, .serverError:
            return "\(status.map(String.init) ?? "?") \(serverCode?.rawValue ?? ""): \(message)"
        default:
            return "\(socketPath): \(message)"
        }
    }
}
