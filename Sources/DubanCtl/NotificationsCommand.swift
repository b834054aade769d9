import ArgumentParser
import DubanControlAPI
import DubanControlClient
import DubanCore
import Foundation

/// `dubanctl notifications`: what duband handed to each channel (the journal, notifier plugins), newest first,
/// with the state of each delivery: delivered, pending, or failed with its last error and next attempt.
struct NotificationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifications",
        abstract: "已发送、待发送和发送失败的通知(最新在前)。 Notifications sent, pending and failed, newest first."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    @Option(
        name: .long,
        help:
            "all、pending、failed、delivered 或 waiting(等待汇总,默认 all)。 all, pending, failed, delivered or waiting (for a digest; default all)."
    )
    var state: String = "all"

    @Option(name: .long, help: "只列此通道:journal 或 plugin:名称。 Only this channel: journal or plugin:NAME.")
    var channel: String?

    @OptionGroup var paging: PagingOptions

    func validate() throws {
        guard NotificationQuery.states.contains(state) else {
            throw ValidationError(
                common.t(
                    "--state 应为 \(NotificationQuery.states.joined(separator: "、")) 之一",
                    "--state must be one of \(NotificationQuery.states.joined(separator: ", "))"
                )
            )
        }
        try paging.check(common)
    }

    func run() throws {
        let query = NotificationQuery(state: state, channel: channel, limit: paging.limit, before: paging.before)
        let page = try daemon.call(common) { try $0.notifications(query) }
        if common.json { return try Output.json(page) }
        if page.notifications.isEmpty {
            Output.line(common.t("没有符合条件的通知。", "no notifications match."))
            return
        }
        let zone = (try? common.settings().timeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let rows = page.notifications.map { n -> [String] in
            let status: String
            switch n.state {
            case "delivered":
                status =
                    common.t("已送达", "delivered") + " "
                    + DisplayText.instant(n.deliveredAt ?? n.createdAt, timeZone: zone)
            case "failed":
                // A failure the plugin called final is kept with no next attempt (distantFuture).
                if let next = n.nextAttemptAt, next < Date(timeIntervalSince1970: 32_503_680_000) {
                    status =
                        common.t("失败\(n.attempts)次,下次", "failed ×\(n.attempts), next ")
                        + DisplayText.instant(next, timeZone: zone)
                } else {
                    status = common.t("失败\(n.attempts)次,不再重试", "failed ×\(n.attempts), given up")
                }
            case "waiting":
                status = common.t("等待汇总 → ", "waiting for digest → ") + (n.receiver ?? "")
            default:
                status = common.t("待发送", "pending")
            }
            return [
                String(n.id), DisplayText.instant(n.scheduledAt, timeZone: zone), n.channel,
                Self.kindName(n.kind, common),
                n.occurrence ?? "-", status, n.lastError.map { String($0.prefix(60)) } ?? "",
            ]
        }
        Output.line(
            Terminal.table(
                header: [
                    common.t("编号", "Id"), common.t("事件时间", "Due at"), common.t("通道", "Channel"),
                    common.t("类型", "Kind"), common.t("事项", "Occurrence"), common.t("状态", "State"),
                    common.t("最近错误", "Last error"),
                ],
                rows: rows
            )
        )
        if let next = page.nextBefore {
            Output.line(
                common.t(
                    "更早的通知:dubanctl notifications --before \(next)",
                    "older notifications: dubanctl notifications --before \(next)"
                )
            )
        }
    }

    static func kindName(_ kind: String, _ common: CommonOptions) -> String {
        switch kind {
        case "reminder": return common.t("提醒", "reminder")
        case "due": return common.t("到期", "due")
        case "overdue": return common.t("逾期催办", "overdue")
        case "digest": return common.t("汇总通知", "digest")
        case "procedure": return common.t("程序时限", "procedural limit")
        case "completed": return common.t("已办结", "completed")
        case "behind_pace": return common.t("进度滞后", "behind pace")
        case "target_at_risk": return common.t("目标风险", "target at risk")
        case "plugin_failure": return common.t("插件故障", "plugin failure")
        case "calendar_missing": return common.t("日历待补", "calendar missing")
        default: return kind
        }
    }
}
