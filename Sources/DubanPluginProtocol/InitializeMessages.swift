/// Who is calling: the host program and its version.
public struct HostInfo: Hashable, Sendable, Codable {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

/// `initialize` params: the first call on every plugin process.
public struct InitializeParams: Hashable, Sendable, Codable {
    /// The version the host speaks, e.g. `1.0`.
    public var protocolVersion: ProtocolVersion
    public var host: HostInfo
    /// The language for people-facing text: `zh-Hans` or `en`.
    public var locale: String
    /// The manifest's free-form `settings` mapping (an object; `{}` when absent).
    public var settings: JSONValue

    public init(protocolVersion: ProtocolVersion = .current, host: HostInfo, locale: String, settings: JSONValue) {
        self.protocolVersion = protocolVersion
        self.host = host
        self.locale = locale
        self.settings = settings
    }
}

/// `initialize` result: what the plugin is and what it offers.
public struct InitializeResult: Hashable, Sendable, Codable {
    /// The version the plugin speaks; the host refuses a different major version.
    public var protocolVersion: ProtocolVersion
    /// The plugin's own name (informational; the manifest's name is what duban uses).
    public var name: String
    /// The plugin's own version.
    public var version: String
    /// What it offers; unknown capabilities are ignored.
    public var capabilities: [PluginCapability]

    public init(protocolVersion: ProtocolVersion = .current, name: String, version: String, capabilities: [PluginCapability]) {
        self.protocolVersion = protocolVersion
        self.name = name
        self.version = version
        self.capabilities = capabilities
    }
}
