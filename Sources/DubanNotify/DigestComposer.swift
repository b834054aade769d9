public import DubanCalendar
import DubanCore
import Foundation

/// A message composed from notices: subject and text in both languages.
public struct ComposedMessage: Hashable, Sendable, Codable {
    public var subject: LocalizedText
    public var text: LocalizedText

    public init(subject: LocalizedText, text: LocalizedText) {
        self.subject = subject
        self.text = text
    }
}

/// Writes the message for one receiver (pure): a single notice reads as itself
/// (【督办提醒】建立县级资源库 将于2022年12月30日(星期五)到期,剩余3个工作日); several are a digest ordered by
/// urgency under a summary line (【督办提醒】3项即将到期、1项已逾期). Working days left are counted from the
/// day the message goes out.
public struct DigestComposer: Sendable {
    public let templates: NotificationTemplates
    public let calendar: WorkingDayCalendar

    public init(templates: NotificationTemplates = NotificationTemplates(), calendar: WorkingDayCalendar) {
        self.templates = templates
        self.calendar = calendar
    }

    /// A date as messages write it: `2022年12月30日(星期五)` / `2022-12-30 (Friday)`.
    public static func dateText(_ date: CivilDate, _ language: Language) -> String {
        switch language {
        case .zhHans: return "\(date.year)年\(date.month)月\(date.day)日(\(date.weekdayName(.zhHans)))"
        case .en: return "\(date) (\(date.weekdayName(.en)))"
        }
    }

    /// The summary of `items`: counts by category, e.g. `3项即将到期、1项已逾期` / `3 due soon, 1 overdue`.
    public static func summary(_ items: [NoticeItem], _ language: Language) -> String {
        let categories: [(Set<NoticeKind>, String, String)] = [
            ([.supervisionNotice], "督办单", "supervision notice(s)"),
            ([.circular], "拟通报", "to be named in the circular"),
            ([.chase], "催办", "chased"),
            ([.acknowledge], "待签收", "to acknowledge"),
            ([.feedback], "应报进展", "progress report(s) due"),
            ([.step], "待处理环节", "step(s) to act on"),
            ([.reminder, .procedure], "即将到期", "due soon"),
            ([.due], "今日到期", "due today"),
            ([.overdue], "已逾期", "overdue"),
            ([.behindPace], "进度滞后", "behind pace"),
            ([.targetAtRisk], "目标存在风险", "at risk"),
            ([.pluginFailure], "插件故障", "plugin failure(s)"),
            ([.calendarMissing], "日历数据待补", "calendar data missing"),
            ([.completed], "已办结", "completed"),
        ]
        var parts: [String] = []
        for (kinds, zh, en) in categories {
            let n = items.filter { kinds.contains($0.kind) }.count
            if n > 0 { parts.append(language == .zhHans ? "\(n)项\(zh)" : "\(n) \(en)") }
        }
        return parts.joined(separator: language == .zhHans ? "、" : ", ")
    }

    /// The fields of one notice as the templates see them, on `day`.
    public func context(of item: NoticeItem, index: Int, day: CivilDate, _ language: Language) -> [String: Any] {
        var c: [String: Any] = [
            "key": item.key, "kind": item.kind.rawValue, "severity": item.severity.rawValue, "title": item.title,
            "index": index, "escalated": item.escalated,
            "marker": item.kind == .overdue
                ? (language == .zhHans ? "【督办催办】" : "[duban overdue] ")
                : (language == .zhHans ? "【督办提醒】" : "[duban] "),
        ]
        if let v = item.org { c["org"] = v }
        if let v = item.orgName { c["org_name"] = v }
        if let v = item.plan { c["plan"] = v }
        if let v = item.planTitle { c["plan_title"] = v }
        if let v = item.task { c["task"] = v }
        if let v = item.taskKind { c["task_kind"] = v }
        if let v = item.period { c["period"] = v }
        if let v = item.occurrence { c["occurrence"] = v }
        if let v = item.repeatIndex { c["repeat"] = v }
        if let v = item.detail { c["detail"] = v.text(language) }
        if let due = item.due {
            c["due"] = due.description
            c["due_text"] = Self.dateText(due, language)
            let left = calendar.signedWorkingDays(from: day, to: due)
            c["days_left"] = max(0, left)
            c["days_overdue"] = max(1, -left)
        }
        c["status"] = templates.render("status." + item.kind.rawValue, language, c)
        return c
    }

    /// One notice's status line as the templates write it on `day` (`已逾期3个工作日`), in both languages.
    public func status(of item: NoticeItem, day: CivilDate) -> LocalizedText {
        LocalizedText(
            zh: context(of: item, index: 1, day: day, .zhHans)["status"] as? String ?? "",
            en: context(of: item, index: 1, day: day, .en)["status"] as? String ?? ""
        )
    }

    /// The message for `receiverName` about `items` (any order), sent on `day`.
    public func compose(_ items: [NoticeItem], receiverName: String, day: CivilDate) -> ComposedMessage {
        let sorted = items.sorted(by: NoticeItem.urgencyOrder)
        func render(_ language: Language) -> (String, String) {
            let contexts = sorted.enumerated().map { context(of: $1, index: $0 + 1, day: day, language) }
            let message: [String: Any] = [
                "receiver": receiverName, "date": day.description, "date_text": Self.dateText(day, language),
                "count": sorted.count, "summary": Self.summary(sorted, language), "items": contexts,
                "single": sorted.count == 1,
                "marker": language == .zhHans ? "【督办提醒】" : "[duban] ",
            ]
            let subject =
                sorted.count == 1
                ? templates.render("subject", language, contexts[0])
                : templates.render("digest-subject", language, message)
            return (Self.oneLine(subject), templates.render("body", language, message))
        }
        let zh = render(.zhHans)
        let en = render(.en)
        return ComposedMessage(subject: LocalizedText(zh: zh.0, en: en.0), text: LocalizedText(zh: zh.1, en: en.1))
    }

    /// A subject is one line: newlines and runs of spaces collapse.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}
