import DubanControlServer
import DubanPluginHost

/// `GET /v1/plugins`: every plugin with its state, capabilities, calls, failures and last error.
enum PluginRoutes {
    struct Listing: Encodable {
        var plugins: [PluginStatistics]
    }

    static func handle(_ request: ControlRequest, daemon: Daemon) async -> ControlResponse {
        guard request.method == "GET" else {
            return .error(status: 405, code: "method-not-allowed", message: "方法不允许 / method not allowed: \(request.method)")
        }
        return .json(Listing(plugins: await daemon.plugins.host.statistics()))
    }
}
