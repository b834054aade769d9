public import DubanPluginProtocol
public import Foundation

/// What `dubanctl plugins` and `GET /v1/plugins` show about one plugin.
public struct PluginStatistics: Hashable, Sendable, Codable {
    public var name: String
    public var state: PluginState
    /// As the manifest declares them.
    public var capabilities: [PluginCapability]
    public var executable: String
    /// The manifest file.
    public var file: String
    /// The running process, when there is one.
    public var pid: Int32?
    /// What the plugin said in `initialize`.
    public var pluginVersion: String?
    public var protocolVersion: String?
    /// Calls made (notify, check, import), and how many failed (any fault or error reply, idle crashes and
    /// failed starts included).
    public var calls: Int
    public var failures: Int
    /// Processes started.
    public var starts: Int
    public var lastError: String?
    public var lastErrorAt: Date?
    public var lastSuccessAt: Date?
    /// During a backoff: when the next start is allowed.
    public var retryAt: Date?
    /// Notifiers: messages the plugin reported as never deliverable (a revoked robot key), and the last such
    /// error with the service's code; the messages stay failed in `dubanctl notifications`.
    public var undeliverable: Int = 0
    public var lastUndeliverable: String?
    public var lastUndeliverableAt: Date?

    /// snake_case, like the rest of the control API.
    enum CodingKeys: String, CodingKey {
        case name, state, capabilities, executable, file, pid, calls, failures, starts
        case pluginVersion = "plugin_version"
        case protocolVersion = "protocol_version"
        case lastError = "last_error"
        case lastErrorAt = "last_error_at"
        case lastSuccessAt = "last_success_at"
        case retryAt = "retry_at"
        case undeliverable
        case lastUndeliverable = "last_undeliverable"
        case lastUndeliverableAt = "last_undeliverable_at"
    }

    public init(
        name: String, state: PluginState, capabilities: [PluginCapability], executable: String, file: String,
        pid: Int32? = nil, pluginVersion: String? = nil, protocolVersion: String? = nil, calls: Int = 0,
        failures: Int = 0, starts: Int = 0, lastError: String? = nil, lastErrorAt: Date? = nil,
        lastSuccessAt: Date? = nil, retryAt: Date? = nil
    ) {
        self.name = name
        self.state = state
        self.capabilities = capabilities
        self.executable = executable
        self.file = file
        self.pid = pid
        self.pluginVersion = pluginVersion
        self.protocolVersion = protocolVersion
        self.calls = calls
        self.failures = failures
        self.starts = starts
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.lastSuccessAt = lastSuccessAt
        self.retryAt = retryAt
    }
}
