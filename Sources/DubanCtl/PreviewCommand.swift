import ArgumentParser
import DubanCalendar
import DubanControlAPI
import DubanControlClient
import DubanCore
import Foundation

/// `dubanctl preview --date D`: the messages that day's digests (and immediate notices) would carry, with their
/// receivers, subjects and items, computed by duband without sending anything.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "预览某日将发送的通知(不发送)。 Preview the notifications of a day, without sending."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions

    @Option(name: .long, help: "日期 YYYY-MM-DD(默认今天)。 The day, YYYY-MM-DD (default today).")
    var date: String?

    @Flag(name: .long, help: "同时显示正文。 Show each message's text too.")
    var body = false

    func validate() throws {
        if let date, CivilDate(iso: date) == nil {
            throw ValidationError(common.t("--date 应为 YYYY-MM-DD:\(date)", "--date must be YYYY-MM-DD: \(date)"))
        }
    }

    func run() throws {
        let zone = (try? common.settings().timeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let day = date ?? SiteSettings(timeZone: zone).civilDate(of: Date()).description
        let preview = try daemon.call(common) { try $0.preview(PreviewQuery(date: day)) }
        if common.json { return try Output.json(preview) }
        let language = common.language
        let dayText = DisplayText.date(preview.date, language)
        if preview.messages.isEmpty {
            Output.line(
                common.t(
                    "\(dayText)没有要发送的通知" + (preview.workingDay ? "。" : "(非工作日,只发送紧急通知)。"),
                    "nothing to send on \(dayText)"
                        + (preview.workingDay ? "." : " (not a working day: only immediate notices go out).")
                )
            )
            return
        }
        Output.line(
            common.t(
                "\(dayText)将发送 \(preview.messages.count) 份通知,共 \(preview.messages.reduce(0) { $0 + $1.items.count }) 项:",
                "\(preview.messages.count) message(s) with \(preview.messages.reduce(0) { $0 + $1.items.count }) item(s) on \(dayText):"
            )
        )
        for message in preview.messages {
            Output.line("")
            let when = DisplayText.instant(message.sendAt, timeZone: zone)
            let kind = message.immediate ? common.t("立即", "immediate") : common.t("汇总", "digest")
            Output.line(
                "\(when)  [\(kind)] \(message.channel) → \(message.receiverName) <\(message.recipients.joined(separator: ", "))>"
            )
            Output.line("  " + message.subject)
            if body {
                for line in message.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    Output.line("    " + line)
                }
            } else {
                for item in message.items {
                    Output.line("    · \(NotificationsCommand.kindName(item.kind, common))  \(item.key)")
                }
            }
        }
    }
}
