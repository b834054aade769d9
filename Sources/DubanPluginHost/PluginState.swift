/// Where a plugin is in its life. Shown by `dubanctl plugins` (the raw value) and `GET /v1/plugins`.
public enum PluginState: String, Hashable, Sendable, Codable {
    /// Not running; starts on the next call (lazy start).
    case stopped
    /// Spawned, `initialize` under way.
    case starting
    /// Running and answering calls.
    case ready
    /// Failed; waiting out a restart delay before the next start.
    case backoff
    /// Refused or misconfigured (wrong major version, a declared capability missing, executable missing):
    /// not restarted until the configuration is reloaded.
    case failed
    /// The manifest is invalid; the plugin was never started.
    case invalid
    /// Shutting down with the daemon.
    case stopping
}
