import DubanControlServer
import DubanStore
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
        case ("POST", "/v1/backup"):
            struct Body: Decodable { var path: String }
            guard let body = try? JSONDecoder().decode(Body.self, from: request.body), body.path.hasPrefix("/") else {
                return .error(status: 400, code: "bad-request", message: "需要 JSON {\"path\": 绝对路径} / expected JSON {\"path\": absolute path}")
            }
            guard !FileManager.default.fileExists(atPath: body.path) else {
                return .error(status: 409, code: "exists", message: "文件已存在 / file exists: \(body.path)")
            }
            do {
                try await daemon.store.backup(to: body.path)
                struct Done: Encodable { var path: String }
                return .json(Done(path: body.path))
            } catch {
                return .error(status: 500, code: "backup-failed", message: "\(error)")
            }
        case (_, "/v1/plugins"): return await PluginRoutes.handle(request, daemon: daemon)
        case (_, "/v1/health"), (_, "/v1/status"), (_, "/v1/reload"), (_, "/v1/backup"):
            return .error(status: 405, code: "method-not-allowed", message: "方法不允许 / method not allowed: \(request.method)")
        default:
            return .error(status: 404, code: "not-found", message: "没有这个接口 / no such route: \(request.path)")
        }
    }
}
