import ArgumentParser
import DubanCalendar
import DubanCore
import Foundation

/// `dubanctl workdays`: working-day arithmetic on the Chinese calendar.
struct WorkdaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workdays",
        abstract: "工作日计算(法定节假日与调休上班日)。 Working-day arithmetic (statutory holidays and make-up days).",
        subcommands: [Add.self, Between.self, List.self]
    )

    struct DayJSON: Encodable {
        var date: CivilDate
        var weekday: String
        var working: Bool
        var kind: DayKind
        var holiday: String?
        var provisional: Bool
    }

    static func dayJSON(_ date: CivilDate, calendar: WorkingDayCalendar, language: Language) -> DayJSON {
        let explanation = calendar.explain(date)
        return DayJSON(
            date: date, weekday: date.weekdayName(language), working: explanation.working, kind: explanation.kind,
            holiday: language == .en ? (explanation.holidayEn ?? explanation.holiday) : explanation.holiday,
            provisional: explanation.provisional)
    }

    static func provisionalNote(_ dates: [CivilDate], calendar: WorkingDayCalendar, common: CommonOptions) -> String? {
        let years = Set(dates.filter(calendar.isProvisional).map(\.year)).sorted()
        guard !years.isEmpty else { return nil }
        let list = years.map(String.init).joined(separator: ", ")
        return common.t(
            "注意:\(list) 年尚无节假日数据,结果按周末计算,为暂定值。",
            "note: no holiday data for \(list); computed on weekends only (provisional).")
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "日期加 N 个工作日(N 可为负)。 The N-th working day after DATE (before, if N < 0).",
            discussion: "例如 / e.g.  dubanctl workdays add 2026-09-28 15")

        @OptionGroup var common: CommonOptions
        @Argument(help: "起始日期 YYYY-MM-DD(不计入)。 Start date (not counted).") var date: String
        @Argument(help: "工作日数。 Number of working days.") var days: Int

        struct Result: Encodable {
            var start: CivilDate
            var workingDays: Int
            var result: DayJSON
            var provisional: Bool
            enum CodingKeys: String, CodingKey {
                case start, result, provisional
                case workingDays = "working_days"
            }
        }

        func run() throws {
            let calendar = try common.calendar()
            let start = try parseDate(date)
            let end = calendar.adding(workingDays: days, to: start)
            let provisional = calendar.isProvisional(start) || calendar.isProvisional(end)
            if common.json {
                try Output.json(
                    Result(start: start, workingDays: days, result: dayJSON(end, calendar: calendar, language: common.language), provisional: provisional))
                return
            }
            let language = common.language
            Output.line(
                common.t(
                    "\(start.withWeekday(language)) 之后第 \(days) 个工作日:\(end.withWeekday(language))",
                    "\(days) working day(s) after \(start.withWeekday(language)): \(end.withWeekday(language))"))
            if let note = provisionalNote([start, end], calendar: calendar, common: common) { Output.line(note) }
        }
    }

    struct Between: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "两日期之间(含首尾)的工作日数。 Working days from A through B, both included.")

        @OptionGroup var common: CommonOptions
        @Argument(help: "开始日期。 From (included).") var from: String
        @Argument(help: "结束日期。 Through (included).") var through: String

        struct Result: Encodable {
            var from: CivilDate
            var through: CivilDate
            var workingDays: Int
            var calendarDays: Int
            var provisional: Bool
            enum CodingKeys: String, CodingKey {
                case from, through, provisional
                case workingDays = "working_days"
                case calendarDays = "calendar_days"
            }
        }

        func run() throws {
            let calendar = try common.calendar()
            let a = try parseDate(from)
            let b = try parseDate(through)
            guard a <= b else {
                throw ValidationError(common.t("开始日期晚于结束日期", "the start date is after the end date"))
            }
            let count = calendar.workingDays(from: a, through: b)
            let provisional = calendar.isProvisional(a) || calendar.isProvisional(b)
            if common.json {
                try Output.json(Result(from: a, through: b, workingDays: count, calendarDays: a.days(to: b) + 1, provisional: provisional))
                return
            }
            Output.line(
                common.t(
                    "\(a) 至 \(b)(含首尾,共 \(a.days(to: b) + 1) 天)有 \(count) 个工作日",
                    "\(count) working day(s) from \(a) through \(b) (\(a.days(to: b) + 1) calendar days, both included)"))
            if let note = provisionalNote([a, b], calendar: calendar, common: common) { Output.line(note) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "列出某月每一天是否上班及原因。 List a month's days: working or not, and why.",
            discussion: "例如 / e.g.  dubanctl workdays list 2026-10")

        @OptionGroup var common: CommonOptions
        @Argument(help: "月份 YYYY-MM。 Month.") var month: String

        func run() throws {
            let calendar = try common.calendar()
            let first = try parseMonth(month, common: common)
            let (y, m) = (first.year, first.month)
            let days = (0..<CivilDate.daysInMonth(year: y, month: m)).map { first.adding(days: $0) }
            let language = common.language
            if common.json {
                try Output.json(days.map { dayJSON($0, calendar: calendar, language: language) })
                return
            }
            let rows = days.map { day -> [String] in
                let e = calendar.explain(day)
                let status = e.working ? common.t("上班", "work") : common.t("休息", "off")
                let reason: String
                switch e.kind {
                case .workday: reason = ""
                case .weekend: reason = common.t("周末", "weekend")
                case .holiday: reason = (language == .en ? (e.holidayEn ?? e.holiday) : e.holiday) ?? ""
                case .makeupWorkday:
                    reason = common.t("调休上班(\(e.holiday ?? ""))", "make-up working day (\(e.holidayEn ?? e.holiday ?? ""))")
                }
                return [day.description, day.weekdayName(language), status, reason]
            }
            Output.line(
                Terminal.table(
                    header: [common.t("日期", "Date"), common.t("星期", "Weekday"), common.t("状态", "Status"), common.t("说明", "Reason")],
                    rows: rows))
            let count = days.filter(calendar.isWorkingDay).count
            Output.line(common.t("本月共 \(count) 个工作日。", "\(count) working days this month."))
            if let note = provisionalNote([first], calendar: calendar, common: common) { Output.line(note) }
        }
    }
}
