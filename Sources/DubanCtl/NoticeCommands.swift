import ArgumentParser
import DubanCalendar
import DubanControlAPI
import DubanControlClient
import Foundation

// The 督办单 the escalation ladder issued: listed, and one printed or saved as the document an official files.

/// `dubanctl notices [--org U] [--occurrence ID]`.
struct NoticesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices",
        abstract: "已发出的督办单,最新的在前。 The supervision notices issued, newest first."
    )
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @Option(name: .long, help: "单位(含下级)。 An org unit (with those below it).")
    var org: String?
    @Option(name: .long, help: "事项编号。 An occurrence id.")
    var occurrence: String?
    @Option(name: .long, help: "最多列出几份(默认100)。 At most this many (default 100).")
    var limit: Int = 100

    func run() throws {
        guard (1...ControlAPI.maximumLimit).contains(limit) else {
            throw ValidationError(common.t("--limit 应在1到\(ControlAPI.maximumLimit)之间", "--limit is 1 to \(ControlAPI.maximumLimit)"))
        }
        let list = try daemon.call(common) {
            try $0.notices(NoticeQuery(occurrence: occurrence, org: org, limit: limit))
        }
        if common.json { return try Output.json(list) }
        let header =
            common.language == .en
            ? ["number", "issued", "unit", "item", "overdue", "reply by"]
            : ["编号", "发出日期", "单位", "事项", "超期(工作日)", "反馈时限"]
        let rows = list.notices.map { n in
            [n.number, n.issuedOn, n.orgName, n.title, String(n.workingDaysOverdue), n.replyBy]
        }
        Output.line(Terminal.table(header: header, rows: rows))
        Output.line(common.t("共 \(list.notices.count) 份", "\(list.notices.count) notice(s)"))
    }
}

/// `dubanctl notice NUMBER [--format text|markdown|html] [-o FILE]`.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "一份督办单的全文(文本、Markdown 或可打印的 HTML)。 One supervision notice as a document.",
        discussion: "例如 / e.g.  dubanctl notice '临教督〔2026〕12号' --format html -o notice.html"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, html
    }

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @Argument(help: "督办单编号,如 临教督〔2026〕12号。 The notice's number.")
    var number: String
    @Option(name: .long, help: "text(默认)、markdown 或 html。 text (default), markdown or html.")
    var format: Format = .text
    @Option(name: .shortAndLong, help: "写入文件(默认标准输出)。 Write to this file (default standard output).")
    var output: String?

    func run() throws {
        if common.json {
            return try Output.json(try daemon.call(common) { try $0.notice(number) })
        }
        let wire = NoticeFormat(rawValue: format.rawValue) ?? .text
        let language = common.language == .en ? "en" : "zh"
        let data = try daemon.call(common) { try $0.noticeDocument(number, format: wire, language: language) }
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            Output.error(common.t("已写入 \(data.count) 字节到 \(output)", "wrote \(data.count) bytes to \(output)"))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
