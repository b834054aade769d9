import ArgumentParser
import DubanCore
import Foundation

/// Options of commands that talk to the running daemon.
struct DaemonOptions: ParsableArguments {
    @Option(name: .long, help: "控制套接字(默认取自 --config,否则 /run/duban/control.sock)。 Control socket.")
    var socket: String?

    func client(_ common: CommonOptions) throws -> SocketClient {
        if let socket { return SocketClient(path: socket) }
        if common.config != nil { return SocketClient(path: try common.configuration().socket) }
        return SocketClient(path: "/run/duban/control.sock")
    }
}

/// Sends one request; maps an unreachable daemon to exit 69 and an error answer to exit 1.
func callDaemon(
    _ client: SocketClient, _ method: String, _ target: String, body: Data? = nil, common: CommonOptions
) throws -> Data {
    do {
        let response = try client.request(method, target, body: body)
        guard (200..<300).contains(response.status) else {
            Output.error(common.t("守护进程返回错误 \(response.status):", "the daemon answered \(response.status): ") + String(decoding: response.body, as: UTF8.self))
            throw ExitCode(DubanctlExit.failed)
        }
        return response.body
    } catch let error as SocketClient.Unreachable {
        Output.error(common.t("无法连接守护进程:\(error)", "cannot reach the daemon: \(error)"))
        throw ExitCode(DubanctlExit.unavailable)
    }
}

/// `dubanctl status`: what the daemon is doing.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "守护进程状态。 The daemon's status.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    func run() throws {
        let body = try callDaemon(try daemon.client(common), "GET", "/v1/status", common: common)
        if common.json {
            print(String(decoding: body, as: UTF8.self))
            return
        }
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            print(String(decoding: body, as: UTF8.self))
            return
        }
        func value(_ key: String) -> String { object[key].map { "\($0)" } ?? "" }
        let rows: [(String, String)] = [
            (common.t("计划", "Plans"), value("plans")), (common.t("任务", "Tasks"), value("tasks")),
            (common.t("未办结", "Open"), value("open")), (common.t("已逾期", "Overdue"), value("overdue")),
            (common.t("下次提醒", "Next event"), value("next")), (common.t("时钟", "Clock"), value("clock")),
            (common.t("缺少节假日数据的年份", "Years without holiday data"), (object["missing_calendar_years"] as? [Int] ?? []).map(String.init).joined(separator: ", ")),
        ]
        let width = rows.map { Terminal.displayWidth($0.0) }.max() ?? 0
        for (label, text) in rows { Output.line(Terminal.pad(label, to: width) + "  " + text) }
        if let reload = object["last_reload"] as? [String: Any], reload["ok"] as? Bool == false {
            Output.line(common.t("上次重新加载失败,仍用原计划:", "last reload failed, previous plans in force:"))
            for line in reload["errors"] as? [String] ?? [] { Output.line("  " + line) }
        }
    }
}

/// `dubanctl reload`: re-read plans, org directory and calendars.
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "重新加载计划(有错误时保留原计划)。 Reload plans (the old set stays on errors).")

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    func run() throws {
        let client = try daemon.client(common)
        do {
            let response = try client.request("POST", "/v1/reload")
            if common.json { print(String(decoding: response.body, as: UTF8.self)) }
            let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
            if response.status == 200 {
                if !common.json { Output.line(common.t("已重新加载。", "reloaded.")) }
                return
            }
            if !common.json {
                Output.error(common.t("重新加载失败,仍用原计划:", "reload failed; the previous plans stay in force:"))
                for line in object?["errors"] as? [String] ?? [] { Output.error("  " + line) }
            }
            throw ExitCode(DubanctlExit.failed)
        } catch let error as SocketClient.Unreachable {
            Output.error(common.t("无法连接守护进程:\(error)", "cannot reach the daemon: \(error)"))
            throw ExitCode(DubanctlExit.unavailable)
        }
    }
}

/// `dubanctl backup PATH`: a consistent copy of the state database, taken while the daemon runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "在线备份状态数据库。 Make a consistent online copy of the state database.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    @Argument(help: "备份文件路径(不得已存在)。 Where to write the copy (must not exist).")
    var path: String

    func run() throws {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let body = try JSONSerialization.data(withJSONObject: ["path": absolute])
        _ = try callDaemon(try daemon.client(common), "POST", "/v1/backup", body: body, common: common)
        Output.line(common.t("已备份到 \(absolute)", "backed up to \(absolute)"))
    }
}
