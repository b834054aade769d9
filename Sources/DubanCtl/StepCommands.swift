import ArgumentParser
import DubanCalendar
import DubanControlAPI
import DubanControlClient
import Foundation

// The steps of the supervision loop (docs/supervision.md): each sends one step as a compare-and-set on the
// stage the occurrence is in (read just before, or `--expect`), with an idempotency key, and prints what the
// daemon recorded; `--json` prints the daemon's answer.

/// What every step command takes.
struct StepOptions: ParsableArguments {
    @Argument(help: "事项编号。 Occurrence id.")
    var id: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "预期的当前状态,如 in_progress;默认先读取。 若状态已变化,不作更改(冲突)。"
                + " The stage expected (e.g. in_progress); read first by default. If it moved, nothing changes (conflict)."
        )
    )
    var expect: String?

    @Option(name: .long, help: "说明(反馈内容、理由、意见)。 A note (what was done, a reason, remarks).")
    var note: String?
}

/// Sends `action` on the occurrence and prints the outcome.
func sendStep(
    _ action: APIRoute.OccurrenceAction, _ options: StepOptions, evidence: String? = nil, workingDays: Int? = nil,
    common: CommonOptions, daemon: DaemonOptions, change: ChangeOptions
) throws {
    let result = try daemon.call(common) { client in
        let expected = try options.expect ?? client.occurrence(options.id).occurrence.stage
        return try client.step(
            options.id, action,
            StepRequest(expectedState: expected, note: options.note, evidence: evidence, workingDays: workingDays),
            requestID: change.requestID)
    }
    if common.json { return try Output.json(result) }
    let m = result.occurrence
    let language = common.language
    Output.line(
        common.t(
            "已\(result.step.actionName):\(m.title) · \(m.orgName) → \(m.stageName),到期 \(DisplayText.date(m.due, language)) · \(m.lightSymbol) \(m.lightName) \(m.lightReasonName)",
            "\(result.step.action): \(m.title) · \(m.orgName) → \(m.stage), due \(DisplayText.date(m.due, language)) · \(m.lightSymbol) \(m.light) (\(m.lightReason))"
        ))
    Output.line(
        common.t("编号 \(m.id) · 请求编号 \(result.requestID)", "id \(m.id) · request id \(result.requestID)"))
}

/// `dubanctl ack ID`: 签收.
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "签收一个交办的事项。 Acknowledge an item.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var step: StepOptions

    func run() throws { try sendStep(.acknowledge, step, common: common, daemon: daemon, change: change) }
}

/// `dubanctl feedback ID --note …`: 进展反馈.
struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "报送进展反馈(须 --note)。 Report progress (needs --note).")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var step: StepOptions
    @Option(name: .long, help: "佐证(文号、链接)。 Evidence (a document number, a link).")
    var evidence: String?

    func run() throws {
        try sendStep(.feedback, step, evidence: evidence, common: common, daemon: daemon, change: change)
    }
}

/// `dubanctl extend-request ID --workdays N --note …`: 延期申请.
struct ExtendRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend-request",
        abstract: "申请延期 N 个工作日(须 --note 说明理由)。 Ask for N more working days (needs --note).")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var step: StepOptions
    @Option(name: .long, help: "延期的工作日数。 Working days asked.")
    var workdays: Int

    func run() throws {
        try sendStep(.extensionRequest, step, workingDays: workdays, common: common, daemon: daemon, change: change)
    }
}

/// `dubanctl approve ID`: 批准延期.
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "批准延期申请。 Approve an extension.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var step: StepOptions

    func run() throws { try sendStep(.approve, step, common: common, daemon: daemon, change: change) }
}

/// `dubanctl reject ID --note …`: 驳回延期.
struct RejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "驳回延期申请(须 --note)。 Reject an extension (needs --note).")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var step: StepOptions

    func run() throws { try sendStep(.reject, step, common: common, daemon: daemon, change: change) }
}

/// `dubanctl submit ID --evidence …`: 办结报告.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "提交办结报告(须 --evidence)。 Submit the completion report (needs --evidence).")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var step: StepOptions
    @Option(name: .long, help: "佐证(文号、文件名、链接)。 Evidence (a document number, a file name, a link).")
    var evidence: String

    func run() throws {
        try sendStep(.submit, step, evidence: evidence, common: common, daemon: daemon, change: change)
    }
}

/// `dubanctl review ID --pass | --return --note …`: 审核.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "审核办结报告:--pass 通过,--return 退回(须 --note)。 Review a report: --pass, or --return (needs --note).")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var step: StepOptions
    @Flag(name: .customLong("pass"), help: "审核通过。 Pass.")
    var pass = false
    @Flag(name: .customLong("return"), help: "退回重办。 Send back.")
    var sendBack = false

    func validate() throws {
        guard pass != sendBack else {
            throw ValidationError(common.t("须指定 --pass 或 --return 之一", "give one of --pass or --return"))
        }
    }

    func run() throws {
        try sendStep(pass ? .pass : .sendBack, step, common: common, daemon: daemon, change: change)
    }
}

/// `dubanctl strike ID`: 销号.
struct StrikeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "strike", abstract: "销号。 Strike a closed item off.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var step: StepOptions

    func run() throws { try sendStep(.strike, step, common: common, daemon: daemon, change: change) }
}

/// `dubanctl pause ID --note …`: 中止计时.
struct PauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause", abstract: "中止计时(程序时限;须 --note)。 Pause a procedural limit (needs --note).")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var step: StepOptions

    func run() throws { try sendStep(.pause, step, common: common, daemon: daemon, change: change) }
}

/// `dubanctl resume ID`: 恢复计时.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "恢复计时,到期日顺延中止的工作日。 Resume; the due date moves by the days paused.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var step: StepOptions

    func run() throws { try sendStep(.resume, step, common: common, daemon: daemon, change: change) }
}

/// `dubanctl board [--org U] [--plan P]`: the lights per unit, red items first.
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "督办看板:各单位红黄绿灯数与红灯事项。 The board: lights per unit, red items.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @Option(name: .long, help: "单位(含下级)。 An org unit (with those below it).")
    var org: String?
    @Option(name: .long, help: "计划。 A plan.")
    var plan: String?
    @Option(name: .long, help: "列出的红灯事项数(默认20)。 Red items listed (default 20).")
    var limit = 20

    func run() throws {
        let board = try daemon.call(common) { try $0.board(BoardQuery(org: org, plan: plan, limit: limit)) }
        if common.json { return try Output.json(board) }
        let language = common.language
        let header =
            common.language == .zhHans
            ? ["单位", "■ 红", "▲ 黄", "● 绿", "待签收", "待审核"] : ["unit", "■ red", "▲ yellow", "● green", "unacked", "in review"]
        let rows = board.units.map { row in
            [row.orgName, String(row.red), String(row.yellow), String(row.green), String(row.unacknowledged), String(row.submitted)]
        }
        Output.line(common.t("督办看板 \(DisplayText.date(board.date, language))", "board for \(DisplayText.date(board.date, language))"))
        Output.line(Terminal.table(header: header, rows: rows))
        guard !board.red.isEmpty else { return }
        Output.line(common.t("红灯事项(共 \(board.redTotal) 项):", "red items (\(board.redTotal) in all):"))
        for m in board.red {
            Output.line(
                "\(m.lightSymbol) \(m.lightName) · \(m.orgName) · \(m.title) · \(common.t("到期", "due")) \(DisplayText.date(m.due, language)) · \(m.lightReasonName) · \(m.id)"
            )
        }
    }
}
