import ArgumentParser
import DubanCalendar
import DubanControlAPI
import DubanControlClient
import DubanCore
import DubanJSON
import Foundation

/// Options of commands that talk to the running daemon.
struct DaemonOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。"
                + " Control socket (default: the config's `socket`, else /run/duban/control.sock)."
        )
    )
    var socket: String?

    /// The socket path: `--socket`, the configuration's `socket` key (with `--config`), or the default.
    func socketPath(_ common: CommonOptions) throws -> String {
        if let socket { return socket }
        if common.config != nil { return try common.configuration().socket }
        return ControlAPI.defaultSocketPath
    }

    func client(_ common: CommonOptions) throws -> ControlClient {
        ControlClient(socketPath: try socketPath(common))
    }

    /// Runs `body` with a client, turning a ``ControlClientError`` into its message on standard error and the
    /// documented exit code.
    func call<T>(_ common: CommonOptions, _ body: (ControlClient) throws -> T) throws -> T {
        let client = try client(common)
        do {
            return try body(client)
        } catch let error as ControlClientError {
            DaemonFailure.report(error, common: common)
            throw ExitCode(DaemonFailure.exitCode(for: error))
        }
    }
}

/// `--request-id` of commands that change something.
struct ChangeOptions: ParsableArguments {
    @Option(
        name: .customLong("request-id"),
        help: ArgumentHelp(
            "请求编号(幂等键);同一编号重试只生效一次。默认自动生成。"
                + " Request id (idempotency key): a retry with the same id counts once. Generated when absent."
        )
    )
    var requestID: String?

    func validate() throws {
        if let requestID {
            guard !requestID.isEmpty, requestID.utf8.count <= RecordLimits.maximumRequestIDLength,
                requestID.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline })
            else {
                let most = RecordLimits.maximumRequestIDLength
                throw ValidationError(
                    "--request-id 应为 1–\(most) 个不含空白的 ASCII 字符 / "
                        + "--request-id must be 1–\(most) ASCII characters without spaces"
                )
            }
        }
    }
}

/// How a failed daemon call is told to the user and to scripts.
enum DaemonFailure {
    /// The documented exit code of an error (docs/dubanctl.md).
    static func exitCode(for error: ControlClientError) -> Int32 {
        switch error.code {
        case .unreachable, .connectionLost, .timedOut: return DubanctlExit.unavailable
        case .permissionDenied: return DubanctlExit.noPermission
        case .badResponse: return DubanctlExit.protocolError
        default: break
        }
        switch error.status ?? 0 {
        case 400: return DubanctlExit.usage
        case 403: return DubanctlExit.noPermission
        case 503: return DubanctlExit.unavailable
        case 500...: return DubanctlExit.software
        default: return DubanctlExit.failed
        }
    }

    /// One or two lines on standard error, in the chosen language.
    static func report(_ error: ControlClientError, common: CommonOptions) {
        let message = localized(error.message, common)
        if common.json {
            reportJSON(error, message: message)
            return
        }
        switch error.code {
        case .unreachable, .connectionLost, .timedOut:
            Output.error(
                common.t("无法连接守护进程 duband(\(error.socketPath)):", "cannot reach duband (\(error.socketPath)): ")
                    + message
            )
        case .permissionDenied:
            Output.error(
                common.t("无权连接控制套接字 \(error.socketPath):", "no permission to use \(error.socketPath): ") + message
            )
        case .badResponse:
            Output.error(common.t("守护进程的回答无法解读:", "the daemon's answer could not be read: ") + message)
        default:
            let code = error.serverCode?.rawValue ?? "\(error.status ?? 0)"
            switch error.status {
            case 403:
                Output.error(common.t("被拒绝(\(code)):", "refused (\(code)): ") + message)
                Output.error(
                    common.t(
                        "修改需要管理员权限(root 或管理组成员);查询不受限制。",
                        "changes need the admin right (root or the admin group); reads are open to all."
                    )
                )
            default:
                Output.error(common.t("守护进程拒绝了请求(\(code)):", "the daemon refused the request (\(code)): ") + message)
            }
        }
    }

    /// The half of a "中文 / English" message that fits the language (the whole text when it has no ` / `).
    static func localized(_ message: String, _ common: CommonOptions) -> String {
        guard let range = message.range(of: " / ") else { return message }
        return common.language == .en ? String(message[range.upperBound...]) : String(message[..<range.lowerBound])
    }

    /// With `--json`, one JSON object on standard error for scripts:
    /// `{"error": {"kind": "rejected", "code": "not-found", "status": 404, "message": "…", "exit": 1}}`.
    static func reportJSON(_ error: ControlClientError, message: String) {
        struct Body: Encodable {
            struct Detail: Encodable {
                var kind: String
                var code: String?
                var status: Int?
                var message: String
                var socket: String
                var exit: Int32
            }
            var error: Detail
        }
        let body = Body(
            error: .init(
                kind: error.code.description,
                code: error.serverCode?.rawValue,
                status: error.status,
                message: message,
                socket: error.socketPath,
                exit: exitCode(for: error)
            )
        )
        let data = (try? DubanJSON.encoder().encode(body)) ?? Data()
        Output.error(String(decoding: data, as: UTF8.self))
    }
}

/// Sends one request and returns the body of a 2xx answer; failures are reported and become the documented exit
/// codes. For commands whose answer has no type in `DubanControlAPI` yet (`plugins`).
func callDaemon(
    _ client: ControlClient,
    _ method: String,
    _ target: String,
    body: Data? = nil,
    common: CommonOptions
) throws -> Data {
    let failure: ControlClientError
    do {
        let response = try client.send(method, target, body: body)
        if (200..<300).contains(response.status) { return response.body }
        failure = client.error(from: response)
    } catch {
        failure = error
    }
    DaemonFailure.report(failure, common: common)
    throw ExitCode(DaemonFailure.exitCode(for: failure))
}

/// `--limit` and `--before` of the newest-first listings (`log`, `notifications`).
struct PagingOptions: ParsableArguments {
    @Option(name: .long, help: "最多列出条数(默认 50)。 Maximum lines (default 50).")
    var limit: Int = 50

    @Option(name: .long, help: "只列编号小于此值的(向前翻页)。 Only entries older than this id (to page back).")
    var before: Int64?

    /// Called from the command's `validate()`, which knows the language.
    func check(_ common: CommonOptions) throws {
        try validateLimit(limit, common)
        if let before, before < 1 { throw ValidationError(common.t("--before 至少为 1", "--before must be at least 1")) }
    }
}
