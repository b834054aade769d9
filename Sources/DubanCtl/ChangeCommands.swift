import ArgumentParser
import DubanCalendar
import DubanControlAPI
import DubanControlClient
import Foundation

// The commands that change state. Each sends one request with an idempotency key (`--request-id`, or a new
// one) and prints what the daemon recorded; `--json` prints the daemon's answer.

/// `今天`/`today` means the daemon's today (it may run a rehearsal clock): send no date at all.
func dayArgument(_ text: String?, common: CommonOptions) throws -> String? {
    guard let text, text != "today", text != "今天" else { return nil }
    guard CivilDate(iso: text) != nil else {
        throw ValidationError(common.t("日期应为 YYYY-MM-DD:\(text)", "date must be YYYY-MM-DD: \(text)"))
    }
    return text
}

/// Prints the outcome of a change on one occurrence.
func reportChange(_ change: OccurrenceChange, verb: (zh: String, en: String), common: CommonOptions) throws {
    if common.json { return try Output.json(change) }
    let m = change.occurrence
    let language = common.language
    var line = common.t(
        "\(verb.zh):\(m.title) · \(m.orgName),到期 \(DisplayText.date(m.due, language))",
        "\(verb.en): \(m.title) · \(m.orgName), due \(DisplayText.date(m.due, language))"
    )
    if m.state == "open" { line += " · " + DisplayText.workingDaysLeft(m.workingDaysLeft, language) }
    Output.line(line)
    Output.line(common.t("编号 \(m.id) · 请求编号 \(change.requestID)", "id \(m.id) · request id \(change.requestID)"))
}

/// `dubanctl done ID`: 办结.
struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "办结一个事项。 Mark an occurrence done (办结)."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "事项编号。 Occurrence id.")
    var id: String

    @Option(name: .long, help: "说明。 A note.")
    var note: String?

    @Option(name: .long, help: "佐证(文号、链接)。 Evidence (a document number, a link).")
    var evidence: String?

    func run() throws {
        let result = try daemon.call(common) {
            try $0.done(id, DoneRequest(note: note, evidence: evidence), requestID: change.requestID)
        }
        try reportChange(result, verb: ("已办结", "done"), common: common)
    }
}

/// `dubanctl reopen ID`: open again.
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "重新打开一个已办结或已免办的事项。 Open an occurrence again."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "事项编号。 Occurrence id.")
    var id: String

    @Option(name: .long, help: "说明。 A note.")
    var note: String?

    func run() throws {
        let result = try daemon.call(common) {
            try $0.reopen(id, ReopenRequest(note: note), requestID: change.requestID)
        }
        try reportChange(result, verb: ("已重新打开", "reopened"), common: common)
    }
}

/// `dubanctl waive ID --reason TEXT`: not required this time.
struct WaiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waive",
        abstract: "免办一个事项(须写明理由)。 Waive an occurrence (a reason is required)."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "事项编号。 Occurrence id.")
    var id: String

    @Option(name: .long, help: "理由(必填)。 Reason (required).")
    var reason: String

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(common.t("--reason 不能为空", "--reason must not be empty"))
        }
    }

    func run() throws {
        let result = try daemon.call(common) {
            try $0.waive(id, WaiveRequest(reason: reason), requestID: change.requestID)
        }
        try reportChange(result, verb: ("已免办", "waived"), common: common)
    }
}

/// `dubanctl progress ID +N`: adds to a quota.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "记录定量任务的完成量,如 +30。 Record progress on a quota, e.g. +30."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "事项编号。 Occurrence id.")
    var id: String

    @Argument(help: "增加的数量,如 +30。 Amount to add, e.g. +30.")
    var amount: String

    @Option(name: .long, help: "完成日期 YYYY-MM-DD(默认今天)。 Day of the work (default today).")
    var on: String?

    @Option(name: .long, help: "说明。 A note.")
    var note: String?

    func validate() throws {
        guard ArgumentValues.progressAmount(amount) != nil else {
            throw ValidationError(
                common.t("数量应为大于 0 的数,如 +30:\(amount)", "amount must be a number above 0, like +30: \(amount)")
            )
        }
        _ = try dayArgument(on, common: common)
    }

    func run() throws {
        let request = ProgressRequest(
            amount: ArgumentValues.progressAmount(amount) ?? 0,
            date: try dayArgument(on, common: common),
            note: note
        )
        let result = try daemon.call(common) { try $0.addProgress(id, request, requestID: change.requestID) }
        if common.json { return try Output.json(result) }
        let language = common.language
        Output.line(
            common.t(
                "已记录 +\(DisplayText.amount(result.entry.amount)),\(DisplayText.date(result.entry.date, language))",
                "recorded +\(DisplayText.amount(result.entry.amount)) on \(DisplayText.date(result.entry.date, language))"
            )
        )
        Output.line(common.t("累计 ", "total ") + ShowCommand.progressText(result.progress, common: common))
        Output.line(common.t("请求编号 \(result.requestID)", "request id \(result.requestID)"))
    }
}

/// `dubanctl reading ID VALUE`: a measured value of a target's indicator.
struct ReadingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reading",
        abstract: "记录指标任务的读数。 Record a reading of a target's indicator.",
        discussion: """
            ID 可为事项编号 plan/task/unit/period 或 plan/task/unit。负值写在 -- 之后:dubanctl reading ID -- -3
            ID is an occurrence id plan/task/unit/period or plan/task/unit. Put a negative value after --.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "事项编号或 plan/task/unit。 Occurrence id or plan/task/unit.")
    var id: String

    @Argument(help: "读数,如 87.5。 The value, e.g. 87.5.")
    var value: String

    @Option(name: .long, help: "测量日期 YYYY-MM-DD(默认今天)。 Day measured (default today).")
    var on: String?

    @Option(name: .long, help: "说明。 A note.")
    var note: String?

    func validate() throws {
        guard ArgumentValues.unitKey(id) != nil else {
            throw ValidationError(
                common.t("ID 应为 plan/task/unit[/period]:\(id)", "id must be plan/task/unit[/period]: \(id)")
            )
        }
        guard ArgumentValues.readingValue(value) != nil else {
            throw ValidationError(common.t("读数应为数字:\(value)", "the value must be a number: \(value)"))
        }
        _ = try dayArgument(on, common: common)
    }

    func run() throws {
        guard let key = ArgumentValues.unitKey(id), let number = ArgumentValues.readingValue(value) else { return }
        let request = ReadingRequest(
            plan: key.plan,
            task: key.task,
            org: key.org,
            value: number,
            date: try dayArgument(on, common: common),
            note: note
        )
        let result = try daemon.call(common) { try $0.addReading(request, requestID: change.requestID) }
        if common.json { return try Output.json(result) }
        Output.line(
            common.t(
                "已记录读数 \(DisplayText.amount(result.reading.value)),\(DisplayText.date(result.reading.date, common.language))",
                "recorded \(DisplayText.amount(result.reading.value)) on \(DisplayText.date(result.reading.date, common.language))"
            )
        )
        Output.line(common.t("最新 ", "latest ") + ShowCommand.readingsText(result.readings, common: common))
        Output.line(common.t("请求编号 \(result.requestID)", "request id \(result.requestID)"))
    }
}

/// `dubanctl extend ID`: 延期 of a procedural deadline, within what its task allows.
struct ExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "程序时限延期(不超过任务允许的工作日数)。 Extend a procedural deadline (within what the task allows).",
        discussion: """
            不给 --workdays 时,延长任务允许的剩余全部工作日。
            Without --workdays the whole extension the task still allows is used.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "事项编号。 Occurrence id.")
    var id: String

    @Option(name: .long, help: "延长的工作日数。 Working days to add.")
    var workdays: Int?

    @Option(name: [.long, .customLong("note")], help: "延期理由(必填)。 Reason (required).")
    var reason: String

    func validate() throws {
        if let workdays, workdays < 1 {
            throw ValidationError(common.t("--workdays 至少为 1", "--workdays must be at least 1"))
        }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(common.t("--reason 不能为空", "--reason must not be empty"))
        }
    }

    func run() throws {
        let result = try daemon.call(common) { client -> OccurrenceChange in
            let days: Int
            if let workdays {
                days = workdays
            } else {
                let occurrence = try client.occurrence(id).occurrence
                let task = try client.plan(occurrence.plan).tasks.first { $0.id == occurrence.task }
                days = (task?.extensionWorkingDays ?? 0) - occurrence.extendedWorkingDays
                guard days > 0 else {
                    Output.error(common.t("该任务不允许(再)延期。", "the task allows no (further) extension."))
                    throw ExitCode(DubanctlExit.failed)
                }
            }
            return try client.extend(id, ExtendRequest(workingDays: days, reason: reason), requestID: change.requestID)
        }
        try reportChange(result, verb: ("已延期", "extended"), common: common)
    }
}

/// `dubanctl start PLAN/TASK --on DATE`: starts a procedural occurrence from an event (e.g. a disclosure
/// request received).
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "由事件启动程序时限任务(如收到依申请公开)。 Start a procedural task from an event (e.g. a request received).",
        discussion: """
            到期日 = 事件日期 + 任务规定的工作日数。任务只有一个承办单位时可省略 --org。
            Due = the event's date + the task's limit in working days. --org may be left out when the task has one unit.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "任务,如 linxia-disclosure/request。 The task, plan/task.")
    var task: String

    @Option(name: .long, help: "事件日期 YYYY-MM-DD(如收到申请之日)。 The event's date.")
    var on: String

    @Option(name: .long, help: "承办单位。 The unit.")
    var org: String?

    @Option(name: .long, help: "案号或申请编号(用于事项编号)。 A case or request number (makes the occurrence id).")
    var reference: String?

    @Option(name: .long, help: "说明。 A note.")
    var note: String?

    func validate() throws {
        guard ArgumentValues.taskReference(task) != nil else {
            throw ValidationError(common.t("任务应写作 plan/task:\(task)", "the task must be written plan/task: \(task)"))
        }
        guard CivilDate(iso: on) != nil || on == "today" || on == "今天" else {
            throw ValidationError(common.t("--on 应为 YYYY-MM-DD:\(on)", "--on must be YYYY-MM-DD: \(on)"))
        }
    }

    func run() throws {
        guard let ref = ArgumentValues.taskReference(task) else { return }
        let result = try daemon.call(common) { client -> OccurrenceChange in
            var unit = org
            if unit == nil {
                let units = try client.plan(ref.plan).tasks.first { $0.id == ref.task }?.units ?? []
                guard units.count == 1 else {
                    Output.error(
                        common.t(
                            "请用 --org 指定承办单位:\(units.joined(separator: ", "))",
                            "name the unit with --org: \(units.joined(separator: ", "))"
                        )
                    )
                    throw ExitCode(DubanctlExit.usage)
                }
                unit = units[0]
            }
            let date =
                try dayArgument(on, common: common) ?? parseDate("today", settings: common.settings()).description
            let request = StartRequest(
                plan: ref.plan,
                task: ref.task,
                org: unit ?? "",
                date: date,
                reference: reference,
                note: note
            )
            return try client.start(request, requestID: change.requestID)
        }
        try reportChange(result, verb: ("已启动", "started"), common: common)
    }
}
