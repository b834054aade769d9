/// Why a line from a plugin broke the protocol. ``Code`` is a struct over a private enum, so new codes break no
/// caller's `switch`; compare with `==`.
public struct PluginProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notJSON = "not-json"
            case notJSONRPC = "not-json-rpc"
            case wrongID = "wrong-id"
            case schema = "schema"
            case oversized = "oversized"
            case incompatibleVersion = "incompatible-version"
            case missingCapability = "missing-capability"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The line is not a JSON object (garbage, a partial write, text meant for stderr).
        public static let notJSON = Code(.notJSON)
        /// JSON, but not a JSON-RPC 2.0 reply (no `"jsonrpc": "2.0"`, neither `result` nor `error`, or both).
        public static let notJSONRPC = Code(.notJSONRPC)
        /// A reply whose id is not the id of the request waiting for it.
        public static let wrongID = Code(.wrongID)
        /// The `result` does not have the shape the method's schema requires, or names keys or occurrences that
        /// were not in the request.
        public static let schema = Code(.schema)
        /// A line longer than the host's limit.
        public static let oversized = Code(.oversized)
        /// The plugin speaks a major version the host does not.
        public static let incompatibleVersion = Code(.incompatibleVersion)
        /// The plugin does not offer a capability its manifest declares.
        public static let missingCapability = Code(.missingCapability)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// English, for logs; the host adds the Chinese framing.
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
