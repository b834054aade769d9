import DubanCalendar
import DubanControlAPI
public import DubanControlServer
import DubanCore
import DubanStore
import Foundation

/// The daemon's answers on the control socket: routes (``APIRoute``) → reads and changes.
///
/// Every request is routed first (404 for an unknown path, 405 for a method the route does not take); changes are
/// then authorized by the peer's credentials (``AccessPolicy``: 403 `forbidden`), given a request id (the
/// `Idempotency-Key` header, or a generated one) and validated before they reach the store, which applies each in
/// one transaction together with its audit line. Errors are ``APIErrorBody``s; none crashes or hangs the context.
public struct ControlRoutes: ControlHandler {
    let context: any ControlContext
    /// Encoded answers of reads, until the store, the plans or the day change (``ResponseCache``).
    let cache = ResponseCache()

    public init(context: any ControlContext) {
        self.context = context
    }

    public func handle(_ request: ControlRequest) async -> ControlResponse {
        guard let route = APIRoute(path: request.path) else {
            return .error(.notFound, message: "没有这个接口 / no such route: \(String(request.path.prefix(200)))")
        }
        guard route.methods.contains(request.method) else {
            var response = ControlResponse.error(
                .methodNotAllowed,
                message:
                    "该接口不接受 \(request.method) / \(request.method) not allowed here (allowed: \(route.methods.joined(separator: ", ")))"
            )
            response.headers.append(("Allow", route.methods.joined(separator: ", ")))
            return response
        }
        do {
            // Until the first store sync after READY has finished, the store may lack new occurrences' rows:
            // everything but health, the contract, the plugin list and the event stream waits for it (seconds, once).
            switch route {
            case .health, .openAPI, .events, .plugins: break
            default: try await context.waitUntilStoreSynced()
            }
            if APIRoute.isChange(method: request.method) {
                if case .occurrenceAction(let id, let action) = route, action.isStep {
                    let (peer, requestID) = try identify(request)
                    return try await step(id, action, request, peer: peer, requestID: requestID)
                }
                switch route {
                case .progress, .readings:
                    // Quota progress and target readings are 进展反馈: the supervision policy decides.
                    let (peer, requestID) = try identify(request)
                    try await authorizeReport(route, request, peer: peer)
                    return try await change(
                        route, request, principal: Principal(uid: peer.uid, user: peer.user), requestID: requestID)
                default:
                    let (principal, requestID) = try authorize(request)
                    return try await change(route, request, principal: principal, requestID: requestID)
                }
            }
            return try await read(route, request)
        } catch let error as APIErrorBody {
            return .error(error)
        } catch let error as StoreError {
            return .error(APIErrorBody(error))
        } catch {
            return .error(.internalError, message: "内部错误 / internal error: \(error)")
        }
    }

    /// The peer as a principal when it may change state, and the change's request id.
    /// - Throws: 403 `forbidden` for a peer without the right, 400 for a bad `Idempotency-Key`.
    func authorize(_ request: ControlRequest) throws(APIErrorBody) -> (Principal, String) {
        let identity = request.peer.map(PeerIdentity.lookup)
        let policy = AccessPolicy(adminGroupID: PeerIdentity.groupID(named: context.configuration.adminGroup))
        let decision = policy.decide(
            isChange: true,
            peerKnown: identity != nil,
            uid: identity?.uid ?? UInt32.max,
            groupIDs: identity?.groupIDs ?? []
        )
        guard decision == .allowed, let identity else {
            let who = identity.map { "\($0.user) (uid \($0.uid))" } ?? "unknown peer"
            throw APIErrorBody(
                code: .forbidden,
                message:
                    "\(who) 无权修改:需要 root 或 \(context.configuration.adminGroup) 组成员 / \(who) may read but not change: root or group \(context.configuration.adminGroup) required"
            )
        }
        return (Principal(uid: identity.uid, user: identity.user), try requestID(request))
    }

    /// The peer as a principal (any known user: the supervision policy decides per step) and the request id.
    /// - Throws: 403 for a peer without credentials, 400 for a bad `Idempotency-Key`.
    func identify(_ request: ControlRequest) throws(APIErrorBody) -> (PeerIdentity, String) {
        guard let identity = request.peer.map(PeerIdentity.lookup) else {
            throw APIErrorBody(code: .forbidden, message: "无法识别请求方,不能修改 / unknown peer: no change allowed")
        }
        return (identity, try requestID(request))
    }

    /// The `Idempotency-Key`, or a new request id.
    func requestID(_ request: ControlRequest) throws(APIErrorBody) -> String {
        let requestID: String
        if let key = request.header(ControlAPI.idempotencyKeyHeader) {
            guard !key.isEmpty, key.utf8.count <= RecordLimits.maximumRequestIDLength,
                key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value < 0x7F })
            else {
                throw APIErrorBody.badRequest(
                    "\(ControlAPI.idempotencyKeyHeader) 应为1到\(RecordLimits.maximumRequestIDLength)个可见 ASCII 字符",
                    "\(ControlAPI.idempotencyKeyHeader) must be 1…\(RecordLimits.maximumRequestIDLength) visible ASCII characters"
                )
            }
            requestID = key
        } else {
            requestID = UUID().uuidString.lowercased()
        }
        return requestID
    }

    /// Decodes a JSON body; an empty body decodes as `{}` when `T` allows it.
    func decode<T: Decodable>(_ type: T.Type, _ request: ControlRequest) throws(APIErrorBody) -> T {
        if !request.body.isEmpty, !ControlRoutes.isJSON(request.header("Content-Type")) {
            throw APIErrorBody(
                code: .unsupportedMediaType,
                message: "请求体应为 application/json / the body must be application/json (Content-Type: "
                    + (request.header("Content-Type") ?? "none") + ")"
            )
        }
        let data = request.body.isEmpty ? Data("{}".utf8) : request.body
        do {
            return try ControlRoutes.decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw APIErrorBody.badRequest(
                "请求体无效:\(ControlRoutes.describe(error))",
                "invalid body: \(ControlRoutes.describe(error))"
            )
        } catch {
            throw APIErrorBody.badRequest("请求体不是有效的 JSON", "the body is not valid JSON")
        }
    }

    static let decoder = ControlAPI.makeDecoder()

    /// `application/json`, with or without parameters (`; charset=utf-8`), in any case.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let type = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "(body)" : keys.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context): return "\(path(context)): wrong type"
        case .valueNotFound(_, let context): return "\(path(context)): missing value"
        case .keyNotFound(let key, _): return "\(key.stringValue): required"
        case .dataCorrupted(let context): return "\(path(context)): malformed"
        @unknown default: return "malformed"
        }
    }

    /// A `YYYY-MM-DD` body field as a date; nil gives `fallback`.
    static func date(_ text: String?, field: String, fallback: CivilDate) throws(APIErrorBody) -> CivilDate {
        guard let text else { return fallback }
        guard ControlAPI.isValidDate(text), let date = CivilDate(iso: text) else {
            throw APIErrorBody.badRequest("\(field) 应为 YYYY-MM-DD 日期", "\(field) must be a YYYY-MM-DD date")
        }
        return date
    }
}
