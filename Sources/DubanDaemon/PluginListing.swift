import DubanPluginHost

/// The body of `GET /v1/plugins`: every plugin with its state, capabilities, calls, failures and last error.
struct PluginListing: Encodable, Sendable {
    var plugins: [PluginStatistics]
}
