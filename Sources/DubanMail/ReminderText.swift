/// The words of a reminder, due-day or overdue email, in zh-Hans and en, built from an event's fields. The
/// daemon sends its own subject and text too; the plugin prefers those and uses these when they are missing.
public struct ReminderText: Hashable, Sendable {
    /// What an event says about its occurrence.
    public struct Facts: Hashable, Sendable {
        /// `reminder`, `due` or `overdue` (anything else is written like a reminder).
        public var kind: String
        public var planTitle: String
        public var taskTitle: String
        public var orgName: String
        /// `YYYY-MM-DD`.
        public var due: String
        /// Working days left before the due day (reminder) or past it (overdue, either sign).
        public var workingDays: Int
        /// The occurrence id, quoted in the body so people can find it with `dubanctl`.
        public var occurrence: String

        public init(
            kind: String,
            planTitle: String,
            taskTitle: String,
            orgName: String,
            due: String,
            workingDays: Int,
            occurrence: String
        ) {
            self.kind = kind
            self.planTitle = planTitle
            self.taskTitle = taskTitle
            self.orgName = orgName
            self.due = due
            self.workingDays = workingDays
            self.occurrence = occurrence
        }
    }

    public var subjectZh: String
    public var subjectEn: String
    public var bodyZh: String
    public var bodyEn: String

    /// Writes the subject and body for `facts`, e.g. `【督办提醒】建立县级资源库(临夏县教育局)将于2022年12月30日(星期五)到期,
    /// 剩余3个工作日`. The body opens with `leadZh`/`leadEn` (the daemon's text) when given, else with the subject,
    /// and lists the plan, task, unit, due day, status and occurrence id under it.
    public init(_ facts: Facts, leadZh: String? = nil, leadEn: String? = nil) {
        let date = Self.parse(facts.due)
        let dueZh = date.map { "\($0.year)年\($0.month)月\($0.day)日(\(Self.weekdayZh[$0.weekday]))" } ?? facts.due
        let dueEn = date.map { "\(facts.due) (\(Self.weekdayEn[$0.weekday]))" } ?? facts.due
        let org = facts.orgName.isEmpty ? "" : "(\(facts.orgName))"
        let orgEn = facts.orgName.isEmpty ? "" : " (\(facts.orgName))"
        let days = abs(facts.workingDays)
        let statusZh: String
        let statusEn: String
        switch facts.kind {
        case "due":
            subjectZh = "【督办提醒】\(facts.taskTitle)\(org)今日到期(\(dueZh))"
            subjectEn = "[duban reminder] \(facts.taskTitle)\(orgEn) is due today (\(dueEn))"
            statusZh = "今日到期"
            statusEn = "due today"
        case "overdue":
            subjectZh = "【督办催办】\(facts.taskTitle)\(org)已逾期\(days)个工作日(原定\(dueZh))"
            subjectEn = "[duban overdue] \(facts.taskTitle)\(orgEn) is \(days) working day(s) overdue (due \(dueEn))"
            statusZh = "已逾期\(days)个工作日"
            statusEn = "\(days) working day(s) overdue"
        default:
            subjectZh = "【督办提醒】\(facts.taskTitle)\(org)将于\(dueZh)到期,剩余\(days)个工作日"
            subjectEn = "[duban reminder] \(facts.taskTitle)\(orgEn) is due \(dueEn), \(days) working day(s) left"
            statusZh = "剩余\(days)个工作日"
            statusEn = "\(days) working day(s) left"
        }
        bodyZh = """
            \(leadZh ?? subjectZh)

            计划:\(facts.planTitle)
            任务:\(facts.taskTitle)
            责任单位:\(facts.orgName)
            截止日期:\(dueZh)
            状态:\(statusZh)
            事项编号:\(facts.occurrence)

            此邮件由督办系统自动发送,请勿直接回复。
            """
        bodyEn = """
            \(leadEn ?? subjectEn)

            Plan: \(facts.planTitle)
            Task: \(facts.taskTitle)
            Responsible unit: \(facts.orgName)
            Due: \(dueEn)
            Status: \(statusEn)
            Occurrence: \(facts.occurrence)

            This message was sent automatically by duban; please do not reply to it.
            """
    }

    static let weekdayZh = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
    static let weekdayEn = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Year, month, day and weekday index (0 = Monday) of a `YYYY-MM-DD` date, or nil when it is not one.
    static func parse(_ text: String) -> (year: Int, month: Int, day: Int, weekday: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        // Days since 1970-01-01 (H. Hinnant's days_from_civil); 1970-01-01 was a Thursday (index 3).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return (year, month, day, ((days + 3) % 7 + 7) % 7)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
