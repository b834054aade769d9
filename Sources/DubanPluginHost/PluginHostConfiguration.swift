public import Foundation
public import Logging

/// Settings shared by every plugin of a host.
public struct PluginHostConfiguration: Sendable {
    /// Sent in `initialize` as `host`.
    public var hostName: String
    public var hostVersion: String
    /// Sent in `initialize` as `locale` (`zh-Hans` or `en`).
    public var locale: String
    /// Seconds between SIGTERM and SIGKILL when a plugin is killed, and the wait for a clean exit after `shutdown`.
    public var terminationGrace: Double
    /// Longest stderr line logged, in bytes (longer lines are cut and marked `…`).
    public var stderrLineLimit: Int
    /// At most this many stderr lines are logged per plugin per minute; the rest are counted and reported.
    public var stderrLinesPerMinute: Int
    /// Environment every plugin gets before the manifest's own `env` (default: `PATH`, `LANG`, and `TZ` when set).
    public var baseEnvironment: [String: String]
    /// The time, for restart delays and statistics. Real time by default, even when the daemon rehearses on a
    /// scaled clock: a plugin's restart delay is about processes, not plans.
    public var now: @Sendable () -> Date
    /// Metadata added to the host's own journal entries (the daemon adds `MESSAGE_ID`s here).
    public var eventMetadata: @Sendable (PluginHostEvent) -> Logger.Metadata

    public init(
        hostName: String = "duband", hostVersion: String = "0.1.0", locale: String = "zh-Hans",
        terminationGrace: Double = 2, stderrLineLimit: Int = 4096, stderrLinesPerMinute: Int = 600,
        baseEnvironment: [String: String]? = nil, now: @escaping @Sendable () -> Date = { Date() },
        eventMetadata: @escaping @Sendable (PluginHostEvent) -> Logger.Metadata = { _ in [:] }
    ) {
        self.hostName = hostName
        self.hostVersion = hostVersion
        self.locale = locale
        self.terminationGrace = terminationGrace
        self.stderrLineLimit = stderrLineLimit
        self.stderrLinesPerMinute = stderrLinesPerMinute
        self.baseEnvironment = baseEnvironment ?? PluginHostConfiguration.defaultEnvironment()
        self.now = now
        self.eventMetadata = eventMetadata
    }

    /// `PATH` (the host's, or a standard one), `LANG=C.UTF-8` unless set, and `TZ` when the host has it. Nothing
    /// else leaks from the daemon (no `NOTIFY_SOCKET`, no `LISTEN_FDS`).
    public static func defaultEnvironment() -> [String: String] {
        let env = ProcessInfo.processInfo.environment
        var result = ["PATH": env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "LANG": env["LANG"] ?? "C.UTF-8"]
        if let tz = env["TZ"] { result["TZ"] = tz }
        // systemd's LoadCredential= directory: where a channel plugin reads its keys (docs/wecom.md).
        if let credentials = env["CREDENTIALS_DIRECTORY"] { result["CREDENTIALS_DIRECTORY"] = credentials }
        return result
    }
}

/// The kinds of journal entry the host writes about plugins.
public enum PluginHostEvent: String, Hashable, Sendable {
    /// A plugin process started and answered `initialize`.
    case started = "plugin-started"
    /// A plugin failed: crash, exit, timeout, garbage, oversized output, wrong id, schema violation, error reply.
    case failed = "plugin-failure"
    /// A plugin was refused for good (wrong major version, missing capability) or its manifest is invalid.
    case refused = "plugin-refused"
    /// A line the plugin wrote on stderr.
    case output = "plugin-output"
}
