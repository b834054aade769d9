import ArgumentParser
import DubanCalendar
import DubanCore
import DubanPlanFiles
import Foundation

/// `dubanctl calendar terms --org ID`: the school year that applies to a unit.
struct CalendarTermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "显示某机构适用的校历:学期、考试周、寒暑假。 Show the school terms, exams and breaks a unit follows.",
        discussion: """
            校历从 --plans 目录(或其上级)中的 school-calendars/ 读取;机构没有自己的校历时沿用最近上级的,都没有时按默认约定。
            School calendars come from school-calendars/ beside the plans; a unit without one follows its nearest \
            ancestor's, and the documented defaults apply when none exists.
            例如 / e.g.  dubanctl calendar terms --plans examples/ --org kangle
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "计划目录(含 org.yaml、school-calendars/)。 Plan directory.")
    var plans: String = "."

    @Option(name: .customLong("org-file"), help: "组织机构文件。 Org directory file.")
    var orgFile: String?

    @Option(name: .customLong("school-dir"), help: "校历目录。 School calendar directory.")
    var schoolDirectory: String?

    @Option(name: .long, help: "机构编号。 Org unit id.")
    var org: String

    @Option(name: .long, help: "只显示某年开始的学期(默认全部)。 Only terms starting in this year.")
    var year: Int?

    struct Row: Encodable {
        var kind: String
        var name: String
        var start: CivilDate
        var end: CivilDate
        var exams: [String]
    }

    struct Report: Encodable {
        var org: String
        var orgName: String
        var calendarOrg: String?
        var calendarName: String?
        var defaults: Bool
        var quietDuringBreaks: Bool
        var rows: [Row]
        enum CodingKeys: String, CodingKey {
            case org, defaults, rows
            case orgName = "org_name"
            case calendarOrg = "calendar_org"
            case calendarName = "calendar_name"
            case quietDuringBreaks = "quiet_during_breaks"
        }
    }

    func run() throws {
        let language = common.language
        let set: PlanSet
        do {
            set = try PlanSetLoader.load(try PlanSources.resolve(paths: [plans], org: orgFile, schoolDirectory: schoolDirectory))
        } catch {
            Output.diagnostics(error.diagnostics, language: language)
            throw ExitCode(DubanctlExit.failed)
        }
        guard let unit = set.directory.unit(org) else {
            throw ValidationError(common.t("机构 `\(org)` 不在组织机构文件中", "unit `\(org)` is not in the org directory"))
        }
        let schedule = Schedule(
            plans: [], directory: set.directory, calendar: try common.calendar(), schoolCalendars: set.schoolCalendars)
        let school = schedule.schoolCalendar(forUnit: org)
        let conventions = schedule.settings.conventions
        var rows: [Row] = []
        func seasonName(_ term: SchoolTerm) -> String {
            term.name ?? (language == .en ? "\(term.season.rawValue) term \(term.start.year)" : "\(term.start.year)年\(term.season.chinese)")
        }
        if let school {
            var previous: SchoolTerm?
            for term in school.terms {
                if let previous, let gap = school.breaks.first(where: { $0.start == previous.end.adding(days: 1) }),
                    gap.end < term.start, year == nil || term.start.year == year
                {
                    rows.append(Row(kind: "break", name: gap.name.text(language), start: gap.start, end: gap.end, exams: []))
                }
                previous = term
                guard year == nil || term.start.year == year else { continue }
                rows.append(
                    Row(
                        kind: "term", name: seasonName(term), start: term.start, end: term.end,
                        exams: term.exams.map { "\($0.lowerBound)..\($0.upperBound)" }))
            }
        } else {
            let today = schedule.settings.civilDate(of: Date()).year
            for y in (year.map { [$0] } ?? [today - 1, today, today + 1]) {
                for season in TermSeason.allCases {
                    let span = TermReference(year: y, season: season).defaultSpan(conventions)
                    let term = SchoolTerm(season: season, start: span.lowerBound, end: span.upperBound)
                    rows.append(Row(kind: "term", name: seasonName(term), start: term.start, end: term.end, exams: []))
                }
            }
        }
        let report = Report(
            org: org, orgName: unit.name, calendarOrg: school?.org, calendarName: school?.name, defaults: school == nil,
            quietDuringBreaks: school?.quietDuringBreaks ?? false, rows: rows)
        if common.json {
            try Output.json(report)
            return
        }
        if let school {
            let owner = set.directory.displayName(school.org)
            let name = school.name.map { "「\($0)」" } ?? ""
            Output.line(
                school.org == org
                    ? common.t("\(unit.name) 的校历\(name)", "School calendar of \(unit.name) \(school.name ?? "")")
                    : common.t("\(unit.name) 沿用 \(owner) 的校历\(name)", "\(unit.name) follows the school calendar of \(owner) \(school.name ?? "")"))
            if school.quietDuringBreaks {
                Output.line(common.t("寒暑假期间不发提醒:落在假期内的提醒提前到假期前最后一个工作日。", "No reminders during breaks: they move to the last working day before the break."))
            }
        } else {
            let spring = conventions.springTerm
            let autumn = conventions.autumnTerm
            Output.line(
                common.t(
                    "\(unit.name) 及其上级均无校历,按默认约定:春季学期 \(spring.start)—\(spring.end),秋季学期 \(autumn.start)—次年\(autumn.end)。",
                    "Neither \(unit.name) nor its ancestors have a school calendar: the defaults apply (spring \(spring.start)–\(spring.end), autumn \(autumn.start)–\(autumn.end) of the next year)."))
        }
        Output.line(
            Terminal.table(
                header: [common.t("学期/假期", "Term/break"), common.t("开始", "Start"), common.t("结束", "End"), common.t("考试周", "Exams")],
                rows: rows.map { [$0.name, $0.start.withWeekday(language), $0.end.withWeekday(language), $0.exams.joined(separator: ", ")] }))
    }
}
