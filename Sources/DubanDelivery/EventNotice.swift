public import DubanCalendar
public import DubanCore
import DubanNotify
public import Foundation

/// What one fired event says, in both languages, with the structured fields journald and (later) email need.
/// Stored as the outbox payload, so a notice is written exactly as it was decided even after a restart.
public struct EventNotice: Hashable, Sendable, Codable {
    public var key: String
    /// `reminder`, `due` or `overdue`.
    public var kind: String
    public var occurrence: String
    public var plan: String
    public var task: String
    public var title: String
    public var org: String
    public var orgName: String
    public var due: CivilDate
    public var dueAt: Date
    /// Working days before the due date (reminder) or after it (overdue).
    public var days: Int
    public var message: LocalizedText
    /// A 督办单's number, for its notice.
    public var noticeNumber: String?

    /// The journald fields (as swift-log metadata keys) for this notice.
    public var fields: [String: String] {
        // Date.ISO8601FormatStyle (swift-foundation) rather than ISO8601DateFormatter (ICU): a batch of notices
        // formats thousands of these, and the ICU formatter cost more than everything else in a notice.
        var fields = [
            "duban.event": kind, "duban.event_key": key, "duban.occurrence": occurrence, "duban.plan": plan,
            "duban.task": task, "duban.title": title, "duban.org": org, "duban.org_name": orgName,
            "duban.due": Date.ISO8601FormatStyle().format(dueAt), "duban.days": String(days),
        ]
        // Only a 督办单 carries a number: no second dictionary for every other notice of a batch.
        if let noticeNumber { fields["duban.notice_number"] = noticeNumber }
        return fields
    }

    /// Builds the notice for an event of `kind` (`reminder` with its lead, `due`, `overdue` with its repeat) on
    /// `occurrence`, whose stored id is `occurrenceID` (the schedule's for an expanded occurrence; its own,
    /// `…/2024-05-06.ref`, for one started from an event).
    public static func make(
        key: String,
        kind: String,
        lead: Int?,
        repeatIndex: Int?,
        occurrence: Occurrence,
        occurrenceID: String,
        schedule: Schedule,
        now: Date
    ) -> EventNotice {
        let summary = schedule.summary(of: occurrence)
        let task = schedule.task(of: occurrence)
        let due = occurrence.due
        let dueZh = DigestComposer.dateText(due, .zhHans)
        let dueEn = DigestComposer.dateText(due, .en)
        let today = schedule.settings.civilDate(of: now)
        let message: LocalizedText
        let days: Int
        switch kind {
        case "reminder":
            // The working days actually left (a reminder caught up after downtime is later than its lead).
            days = max(0, today <= due ? schedule.workingDays(from: today, to: due) : 0)
            message = LocalizedText(
                zh: "【督办提醒】\(task.title)(\(summary.orgName))将于\(dueZh)到期,剩余\(days)个工作日",
                en: "[duban reminder] \(task.title) (\(summary.orgName)) is due \(dueEn), \(days) working day(s) left"
            )
        case "due":
            days = 0
            message = LocalizedText(
                zh: "【督办提醒】\(task.title)(\(summary.orgName))今日到期(\(dueZh))",
                en: "[duban reminder] \(task.title) (\(summary.orgName)) is due today (\(dueEn))"
            )
        default:
            days = max(1, -schedule.workingDays(from: today, to: due))
            let nth = repeatIndex.map { "第\($0)次" } ?? ""
            message = LocalizedText(
                zh: "【督办催办】\(task.title)(\(summary.orgName))已逾期\(days)个工作日(原定\(dueZh)),\(nth)催办",
                en:
                    "[duban overdue] \(task.title) (\(summary.orgName)) is \(days) working day(s) overdue (due \(dueEn))"
                    + (repeatIndex.map { ", notice \($0)" } ?? "")
            )
        }
        return EventNotice(
            key: key,
            kind: kind,
            occurrence: occurrenceID,
            plan: summary.plan,
            task: summary.task,
            title: task.title,
            org: summary.org,
            orgName: summary.orgName,
            due: due,
            dueAt: summary.dueAt,
            days: days,
            message: message
        )
    }
}
