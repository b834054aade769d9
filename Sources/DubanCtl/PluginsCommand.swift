import ArgumentParser
import Foundation

/// `dubanctl plugins`: every plugin the daemon knows, its state, calls, failures and last error.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "插件状态:状态、调用次数、失败次数、最近错误。 Plugins: state, calls, failures, last error.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    /// The fields of `GET /v1/plugins` this command shows.
    struct Listing: Decodable {
        struct Plugin: Decodable {
            var name: String
            var state: String
            var capabilities: [String]
            var calls: Int
            var failures: Int
            var pid: Int?
            var lastError: String?
            var lastErrorAt: String?
            var undeliverable: Int?
            var lastUndeliverable: String?

            enum CodingKeys: String, CodingKey {
                case name, state, capabilities, calls, failures, pid, undeliverable
                case lastError = "last_error"
                case lastErrorAt = "last_error_at"
                case lastUndeliverable = "last_undeliverable"
            }
        }

        var plugins: [Plugin]
    }

    func run() throws {
        let body = try callDaemon(try daemon.client(common), "GET", "/v1/plugins", common: common)
        if common.json {
            print(String(decoding: body, as: UTF8.self))
            return
        }
        guard let listing = try? JSONDecoder().decode(Listing.self, from: body) else {
            print(String(decoding: body, as: UTF8.self))
            return
        }
        if listing.plugins.isEmpty {
            Output.line(common.t("没有配置插件", "no plugins configured"))
            return
        }
        let header = [
            common.t("插件", "PLUGIN"), common.t("状态", "STATE"), common.t("能力", "CAPABILITIES"), common.t("调用", "CALLS"),
            common.t("失败", "FAILURES"), common.t("无法送达", "UNDELIVERABLE"), common.t("最近错误", "LAST ERROR"),
        ]
        let rows = listing.plugins.map { plugin in
            let error = plugin.lastError.map { String($0.split(separator: "\n").first ?? "").prefix(100) }.map(String.init) ?? "-"
            let undeliverable = (plugin.undeliverable ?? 0) == 0
                ? "0" : "\(plugin.undeliverable ?? 0) " + (plugin.lastUndeliverable.map { String($0.prefix(80)) } ?? "")
            return [
                plugin.name, plugin.state, plugin.capabilities.joined(separator: ","), String(plugin.calls),
                String(plugin.failures), undeliverable, plugin.lastErrorAt.map { "\($0) \(error)" } ?? error,
            ]
        }
        Output.line(Terminal.table(header: header, rows: rows))
    }
}
