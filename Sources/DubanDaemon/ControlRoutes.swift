import DubanControlServer
import Foundation

/// The daemon's answers on the control socket (issue 4 grows this into the full API).
struct ControlRoutes: ControlHandler {
    let daemon: Daemon

    func handle(_ request: ControlRequest) async -> ControlResponse {
        switch (request.method, request.path) {
        case ("GET", "/v1/health"):
            struct Health: Encodable { var ok = true }
            return .json(Health())
        case ("GET", "/v1/status"):
            return .json(daemon.status())
        case ("POST", "/v1/reload"):
            let result = await daemon.reload(reason: "control socket")
            return .json(result, status: result.ok ? 200 : 422)
        case (_, "/v1/health"), (_, "/v1/status"), (_, "/v1/reload"):
            return .error(status: 405, code: "method-not-allowed", message: "方法不允许 / method not allowed: \(request.method)")
        default:
            return .error(status: 404, code: "not-found", message: "没有这个接口 / no such route: \(request.path)")
        }
    }
}
