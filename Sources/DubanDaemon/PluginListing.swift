import DubanPluginHost

/// The body of `GET /v1/plugins`: every plugin with its state, capabilities, calls, failures and last error.
struct PluginListing: Encodable {
    var plugins: [PluginStatistics]
}

extension Daemon {
    /// What `GET /v1/plugins` answers.
    func pluginListing() async -> PluginListing {
        PluginListing(plugins: await plugins.host.statistics())
    }
}
