import ArgumentParser
import DubanCalendar
import DubanCore
import Foundation

/// `dubanctl due`: how duban reads a time expression.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "解释时间表述,给出截止日期。 Interpret a time expression as a due date.",
        discussion: """
            例如 / e.g.  dubanctl due "2022年春季学期末前"    dubanctl due "2022—2025年年底" --json
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "截止日遇非工作日时的顺延规则:next、previous 或 none(默认 next)。 Roll rule.")
    var roll: RollRule = .next

    @Option(name: .long, help: "事件日期(程序时限从此日起算),如收到申请之日。 Event date a limit counts from.")
    var from: String?

    @Flag(name: .long, help: "逐日说明工作日的计算。 Explain the working-day count day by day.")
    var explain = false

    @Argument(help: "时间表述,如 2022年8月底。 The expression as written.")
    var expression: String

    struct Result: Encodable {
        var text: String
        var due: CivilDate?
        var dueWeekday: String?
        var rolledDue: CivilDate?
        var rollNote: String?
        var windowStart: CivilDate?
        var recurrence: Recurrence?
        var cycle: QuotaCycle?
        var limit: ProceduralLimit?
        var ongoing: Bool
        var milestones: [CivilDate]
        var convention: String?
        var conventions: [String]
        var provisional: Bool
        var event: CivilDate?
        var limitDue: CivilDate?
        var extendedDue: CivilDate?
        var explanation: [DayExplanation]?

        enum CodingKeys: String, CodingKey {
            case text, due, recurrence, cycle, limit, ongoing, milestones, convention, conventions, provisional, event, explanation
            case limitDue = "limit_due"
            case extendedDue = "extended_due"
            case dueWeekday = "due_weekday"
            case rolledDue = "rolled_due"
            case rollNote = "roll_note"
            case windowStart = "window_start"
        }

        /// Every key is written, with null for what does not apply, so scripts can rely on the shape.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(due, forKey: .due)
            try c.encode(dueWeekday, forKey: .dueWeekday)
            try c.encode(rolledDue, forKey: .rolledDue)
            try c.encode(rollNote, forKey: .rollNote)
            try c.encode(windowStart, forKey: .windowStart)
            try c.encode(recurrence, forKey: .recurrence)
            try c.encode(cycle, forKey: .cycle)
            try c.encode(limit, forKey: .limit)
            try c.encode(ongoing, forKey: .ongoing)
            try c.encode(milestones, forKey: .milestones)
            try c.encode(convention, forKey: .convention)
            try c.encode(conventions, forKey: .conventions)
            try c.encode(provisional, forKey: .provisional)
            try c.encodeIfPresent(event, forKey: .event)
            try c.encodeIfPresent(limitDue, forKey: .limitDue)
            try c.encodeIfPresent(extendedDue, forKey: .extendedDue)
            try c.encodeIfPresent(explanation, forKey: .explanation)
        }
    }

    func run() throws {
        let language = common.language
        let calendar = try common.calendar()
        let interpretation: TimeInterpretation
        let conventions = try common.settings().conventions
        do {
            interpretation = try TimeExpression.interpret(expression, conventions: conventions)
        } catch {
            Output.error(common.t("错误:", "error: ") + error.message.text(language))
            throw ExitCode(DubanctlExit.failed)
        }
        var result = Result(
            text: interpretation.text, due: interpretation.due, windowStart: interpretation.windowStart,
            recurrence: interpretation.recurrence, cycle: interpretation.cycle, limit: interpretation.limit,
            ongoing: interpretation.ongoing, milestones: interpretation.milestones,
            convention: interpretation.conventions.isEmpty ? nil : interpretation.conventions.joined(separator: "; "),
            conventions: interpretation.conventions, provisional: false)
        if let due = interpretation.due {
            let rolled = calendar.rollExplained(due, roll)
            result.dueWeekday = due.weekdayName(language)
            result.rolledDue = rolled.date
            result.rollNote = rolled.note?.text(language)
            result.provisional = calendar.isProvisional(due) || calendar.isProvisional(rolled.date)
        }
        if let from {
            let event = try parseDate(from)
            result.event = event
            if let limit = interpretation.limit {
                let due = DueCommand.apply(limit.count, limit.unit, to: event, calendar: calendar)
                result.limitDue = due
                result.extendedDue = limit.extensionCount.map { DueCommand.apply($0, limit.unit, to: due, calendar: calendar) }
                result.provisional = result.provisional || calendar.isProvisional(due)
                if explain { result.explanation = (1...max(1, event.days(to: due))).map { calendar.explain(event.adding(days: $0)) } }
            }
        }
        if explain, result.explanation == nil, let due = result.rolledDue ?? result.due {
            result.explanation = [calendar.explain(due)]
        }
        if common.json {
            try Output.json(result)
            return
        }
        var lines: [(String, String)] = [(common.t("表述", "Expression"), interpretation.text)]
        if let due = interpretation.due {
            var text = due.withWeekday(language)
            if result.provisional { text += common.t("(暂定:该年节假日数据缺失)", " (provisional: no holiday data for that year)") }
            lines.append((common.t("截止日期", "Due"), text))
            if let note = result.rollNote, let rolled = result.rolledDue {
                lines.append((common.t("顺延", "Rolled"), "\(rolled.withWeekday(language)):\(note)"))
            }
        }
        if let start = interpretation.windowStart { lines.append((common.t("起始日期", "Window start"), start.withWeekday(language))) }
        if interpretation.milestones.count > 1 {
            lines.append((common.t("每年到期日", "Yearly milestones"), interpretation.milestones.map(\.description).joined(separator: ", ")))
        }
        if let r = interpretation.recurrence {
            let zh = "每\(r.interval > 1 ? "\(r.interval)" : "")\(r.every.chinese)\(r.atLeast ? "不少于" : "")\(r.times)次"
            let en = "every \(r.interval > 1 ? "\(r.interval) " : "")\(r.every.rawValue)\(r.interval > 1 ? "s" : ""), \(r.atLeast ? "at least " : "")\(r.times) time(s)"
            lines.append((common.t("周期", "Recurrence"), common.t(zh, en)))
        }
        if let c = interpretation.cycle {
            lines.append((common.t("周期目标", "Cycle"), common.t("\(c.years)年完成\(c.rounds)轮", "\(c.rounds) round(s) in \(c.years) years")))
        }
        if let l = interpretation.limit {
            let unitZh = ["working_days": "个工作日", "calendar_days": "日", "months": "个月"][l.unit.rawValue] ?? ""
            var text = common.t("\(l.count)\(unitZh)", "\(l.count) \(l.unit.rawValue.replacingOccurrences(of: "_", with: " "))")
            if let e = l.extensionCount { text += common.t(",可延长不超过\(e)\(unitZh)", ", extendable by at most \(e)") }
            lines.append((common.t("时限", "Limit"), text))
        }
        if let event = result.event, let due = result.limitDue {
            lines.append((common.t("起算日", "Event"), event.withWeekday(language)))
            lines.append((common.t("期限届满", "Limit ends"), due.withWeekday(language)))
            if let extended = result.extendedDue {
                lines.append((common.t("延期后最迟", "If extended"), extended.withWeekday(language)))
            }
        }
        if interpretation.ongoing { lines.append((common.t("性质", "Nature"), common.t("长期坚持,无截止日期", "ongoing, no end date"))) }
        if !interpretation.conventions.isEmpty {
            lines.append((common.t("采用约定", "Convention"), interpretation.conventions.joined(separator: "; ")))
        }
        let width = lines.map { Terminal.displayWidth($0.0) }.max() ?? 0
        for (label, value) in lines { Output.line(Terminal.pad(label, to: width) + "  " + value) }
        if let explanation = result.explanation {
            Output.line("")
            var counted = 0
            for day in explanation {
                var prefix = "   "
                if day.working && result.limitDue != nil {
                    counted += 1
                    prefix = (counted < 10 ? " " : "") + "\(counted) "
                }
                Output.line(prefix + day.message(language))
            }
        }
    }

    /// The end of a limit of `count` `unit`s counted from `event` (the event day itself not counted).
    static func apply(_ count: Int, _ unit: LimitUnit, to event: CivilDate, calendar: WorkingDayCalendar) -> CivilDate {
        switch unit {
        case .workingDays: return calendar.adding(workingDays: count, to: event)
        case .calendarDays: return event.adding(days: count)
        case .months: return event.adding(months: count)
        }
    }
}

extension RollRule: ExpressibleByArgument {}
