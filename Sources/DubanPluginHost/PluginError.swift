public import DubanPluginProtocol
public import Foundation

/// Why a call to a plugin did not return a result. ``Code`` is a struct over a private enum, so new codes break
/// no caller's `switch`; compare with `==`.
public struct PluginError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unavailable, refused, spawnFailed = "spawn-failed", exited, timedOut = "timed-out"
            case protocolViolation = "protocol", outputTooLarge = "output-too-large", remote, notOffered = "not-offered"
            case shuttingDown = "shutting-down"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// Waiting out a restart delay after a failure; try again at ``PluginError/retryAt``.
        public static let unavailable = Code(.unavailable)
        /// Refused for good until a reload: another major protocol version, a declared capability missing, an
        /// invalid manifest.
        public static let refused = Code(.refused)
        /// The executable could not be started (missing, not executable).
        public static let spawnFailed = Code(.spawnFailed)
        /// The process ended during the call (or while idle).
        public static let exited = Code(.exited)
        /// No reply within the manifest's timeout; the plugin was killed.
        public static let timedOut = Code(.timedOut)
        /// A reply broke the protocol: garbage, not JSON-RPC, a wrong id, a result that breaks the schema,
        /// output nobody asked for.
        public static let protocolViolation = Code(.protocolViolation)
        /// A line longer than the manifest's `max_output`; the plugin was killed.
        public static let outputTooLarge = Code(.outputTooLarge)
        /// The plugin answered with a JSON-RPC error object (see ``PluginError/remote``).
        public static let remote = Code(.remote)
        /// The plugin does not offer the capability the call needs.
        public static let notOffered = Code(.notOffered)
        /// The host is stopping.
        public static let shuttingDown = Code(.shuttingDown)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// English, for logs and `dubanctl plugins`.
    public var message: String
    /// For ``Code/remote``: the plugin's error object.
    public var remote: RPCErrorObject?
    /// For ``Code/unavailable``: when the plugin may be started again.
    public var retryAt: Date?

    public init(code: Code, message: String, remote: RPCErrorObject? = nil, retryAt: Date? = nil) {
        self.code = code
        self.message = message
        self.remote = remote
        self.retryAt = retryAt
    }

    /// True when the same call may succeed later (everything but a refusal or a non-retryable remote error).
    public var isRetryable: Bool {
        switch code {
        case .refused, .notOffered: false
        case .remote: remote?.isRetryable ?? false
        default: true
        }
    }

    public var description: String { "\(code): \(message)" }
}
