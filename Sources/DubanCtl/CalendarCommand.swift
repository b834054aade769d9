import ArgumentParser
import DubanCalendar
import DubanCore
import DubanPlanFiles
import Foundation

/// `dubanctl calendar`: the working-day calendar explained.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "工作日历:解释某天、显示月历、导入国务院节假日通知。 The working-day calendar.",
        subcommands: [Explain.self, Show.self, Years.self, CalendarImportCommand.self, CalendarTermsCommand.self]
    )

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "说明某天是否上班及原因。 Say whether a date is a working day, and why.",
            discussion: "例如 / e.g.  dubanctl calendar explain 2026-10-10 --json")

        @OptionGroup var common: CommonOptions
        @Argument(help: "日期 YYYY-MM-DD。 Date.") var date: String

        func run() throws {
            let calendar = try common.calendar()
            let day = try parseDate(date)
            let explanation = calendar.explain(day)
            if common.json {
                try Output.json(explanation)
            } else {
                Output.line(explanation.message(common.language))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "显示月历,标出节假日与调休上班日。 Show a month grid with holidays and make-up days marked.",
            discussion: "例如 / e.g.  dubanctl calendar show 2026-10")

        @OptionGroup var common: CommonOptions
        @Argument(help: "月份 YYYY-MM。 Month.") var month: String

        func run() throws {
            let calendar = try common.calendar()
            let first = try parseMonth(month, common: common)
            let (y, m) = (first.year, first.month)
            if common.json {
                try Output.json((0..<CivilDate.daysInMonth(year: y, month: m)).map { calendar.explain(first.adding(days: $0)) })
                return
            }
            Output.line(MonthGrid.render(year: y, month: m, calendar: calendar, language: common.language, color: Terminal.colorEnabled))
        }
    }

    struct Years: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "years",
            abstract: "列出已有节假日数据的年份及来源。 List the years with holiday data and their sources.")

        @OptionGroup var common: CommonOptions

        struct Row: Encodable {
            var year: Int
            var source: String?
            var published: CivilDate?
            var holidays: Int
            var workingDays: Int
            enum CodingKeys: String, CodingKey {
                case year, source, published, holidays
                case workingDays = "working_days"
            }
        }

        func run() throws {
            let calendar = try common.calendar()
            let rows = calendar.holidayYears.map {
                Row(
                    year: $0.year, source: $0.source, published: $0.published, holidays: $0.holidays.count,
                    workingDays: calendar.workingDays(from: .startOfYear($0.year), through: .endOfYear($0.year)))
            }
            if common.json {
                try Output.json(rows)
                return
            }
            Output.line(
                Terminal.table(
                    header: [common.t("年份", "Year"), common.t("依据", "Source"), common.t("发布", "Published"), common.t("工作日", "Working days")],
                    rows: rows.map { ["\($0.year)", $0.source ?? "", $0.published?.description ?? "", "\($0.workingDays)"] }))
            let this = Date()
            let year = SiteSettings().civilDate(of: this).year
            let missing = calendar.missingYears(in: year...(year + 1))
            if !missing.isEmpty {
                Output.line(
                    common.t(
                        "缺少 \(missing.map(String.init).joined(separator: "、")) 年的数据:这些年份的日期按周末计算,标为暂定。",
                        "No data for \(missing.map(String.init).joined(separator: ", ")): dates there are computed on weekends only (provisional)."))
            }
        }
    }
}

/// A month grid like `cal`, weeks starting on Monday, with each day marked: 休 (holiday) / 班 (make-up working
/// day) in Chinese, H / W in English; colour on a terminal.
enum MonthGrid {
    static func render(year: Int, month: Int, calendar: WorkingDayCalendar, language: Language, color: Bool) -> String {
        let first = CivilDate(year: year, month: month, day: 1)!
        let days = CivilDate.daysInMonth(year: year, month: month)
        var lines: [String] = []
        lines.append(language == .en ? "      \(monthNameEn(month)) \(year)" : "         \(year)年\(month)月")
        let header = language == .en ? ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] : ["一", "二", "三", "四", "五", "六", "日"]
        lines.append(header.map { Terminal.pad($0, to: 5) }.joined().trimmingTrailingSpaces())
        var cells: [String] = Array(repeating: "     ", count: first.weekday - 1)
        var holidays: [String] = []
        for offset in 0..<days {
            let date = first.adding(days: offset)
            let kind = calendar.kind(of: date)
            let number = (date.day < 10 ? " " : "") + "\(date.day)"
            var mark = " "
            var code: String?
            switch kind {
            case .holiday:
                mark = language == .en ? "H" : "休"
                code = "31"
            case .makeupWorkday:
                mark = language == .en ? "W" : "班"
                code = "33"
            case .weekend:
                code = "2"
            case .workday:
                break
            }
            var cell = number + mark
            if color, let code { cell = "\u{1B}[\(code)m\(cell)\u{1B}[0m" }
            cells.append(cell + String(repeating: " ", count: max(0, 5 - Terminal.displayWidth(number + mark))))
            if let (holiday, _) = calendar.holiday(on: date) {
                let name = language == .en ? (holiday.nameEn ?? holiday.name) : holiday.name
                if !holidays.contains(name) { holidays.append(name) }
            }
        }
        for start in stride(from: 0, to: cells.count, by: 7) {
            lines.append(cells[start..<min(start + 7, cells.count)].joined().trimmingTrailingSpaces())
        }
        let legend = language == .en ? "H holiday · W make-up working day" : "休 法定节假日 · 班 调休上班"
        lines.append("")
        lines.append(legend + (holidays.isEmpty ? "" : (language == .en ? " · " : " · ") + holidays.joined(separator: language == .en ? ", " : "、")))
        if calendar.isProvisional(first) {
            lines.append(
                language == .en
                    ? "provisional: no holiday data for \(year), weekends only" : "暂定:\(year)年尚无节假日数据,仅按周末计算")
        }
        return lines.joined(separator: "\n")
    }

    static func monthNameEn(_ month: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month - 1]
    }
}
