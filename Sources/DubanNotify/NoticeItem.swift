public import DubanCalendar
public import DubanCore
import DubanJSON
public import Foundation

/// One thing an office should hear about: an event of an occurrence (reminder, due, overdue, completed, behind
/// pace, target at risk, procedural limit) or of the system (plugin failure, calendar data missing), with every
/// field the templates may use. Stored as JSON with each delivery, so a digest says what was decided even after
/// a restart.
public struct NoticeItem: Hashable, Sendable, Codable {
    /// The event's stable key (`plan/task/unit/period#reminder-10`, `plugin/email/failure/2024-05-06`).
    public var key: String
    public var kind: NoticeKind
    public var severity: NoticeSeverity
    /// When the event fell (its scheduled instant).
    public var at: Date
    /// The occurrence's id, for events of an occurrence.
    public var occurrence: String?
    public var plan: String?
    public var planTitle: String?
    public var task: String?
    /// The task's title, or what the system event is about (`插件 email`).
    public var title: String
    /// The task's kind (`deadline`, `quota`, …).
    public var taskKind: String?
    public var tags: [String]
    /// The unit the occurrence is assigned to.
    public var org: String?
    public var orgName: String?
    public var period: String?
    public var due: CivilDate?
    /// The overdue notice's number (1-based).
    public var repeatIndex: Int?
    /// Sent to the parent unit as well: an overdue notice after `escalate_after` repeats.
    public var escalated: Bool
    /// A line of detail in both languages (pace figures, the plugin's error, the missing year).
    public var detail: LocalizedText?
    /// A document's number: the 督办单's (临教督〔2026〕12号).
    public var number: String?
    /// Working days without progress past the limit, for the ladder's notices.
    public var days: Int?

    public init(
        key: String,
        kind: NoticeKind,
        severity: NoticeSeverity,
        at: Date,
        occurrence: String? = nil,
        plan: String? = nil,
        planTitle: String? = nil,
        task: String? = nil,
        title: String,
        taskKind: String? = nil,
        tags: [String] = [],
        org: String? = nil,
        orgName: String? = nil,
        period: String? = nil,
        due: CivilDate? = nil,
        repeatIndex: Int? = nil,
        escalated: Bool = false,
        detail: LocalizedText? = nil,
        number: String? = nil,
        days: Int? = nil
    ) {
        self.number = number
        self.days = days
        self.key = key
        self.kind = kind
        self.severity = severity
        self.at = at
        self.occurrence = occurrence
        self.plan = plan
        self.planTitle = planTitle
        self.task = task
        self.title = title
        self.taskKind = taskKind
        self.tags = tags
        self.org = org
        self.orgName = orgName
        self.period = period
        self.due = due
        self.repeatIndex = repeatIndex
        self.escalated = escalated
        self.detail = detail
    }

    /// The default severity of a kind: reminders and completions are `info`; due, overdue, procedural limits, pace,
    /// targets and missing calendars `warning`; plugin failures and escalated overdue notices `critical`.
    public static func defaultSeverity(_ kind: NoticeKind, escalated: Bool = false) -> NoticeSeverity {
        switch kind {
        case .reminder, .completed, .feedback, .step: return .info
        case .overdue: return escalated ? .critical : .warning
        case .pluginFailure, .supervisionNotice: return .critical
        case .due, .procedure, .behindPace, .targetAtRisk, .calendarMissing, .acknowledge, .chase, .circular:
            return .warning
        }
    }

    /// Rank in a digest, most urgent first: 督办单, 通报 and escalated overdue; overdue and 催办; system failures;
    /// due today and 签收; procedural limits, reminders, progress reports and steps to decide; pace and targets;
    /// missing calendars; completions.
    public var urgencyRank: Int {
        switch kind {
        case .supervisionNotice: return 0
        case .circular: return 0
        case .overdue: return escalated ? 0 : 1
        case .chase: return 1
        case .pluginFailure: return 2
        case .due, .acknowledge: return 3
        case .procedure, .reminder, .feedback, .step: return 4
        case .behindPace, .targetAtRisk: return 5
        case .calendarMissing: return 6
        case .completed: return 7
        }
    }

    /// Digest order: by rank; then the earliest due date first (the longest overdue first); then by key.
    public static func urgencyOrder(_ a: NoticeItem, _ b: NoticeItem) -> Bool {
        if a.urgencyRank != b.urgencyRank { return a.urgencyRank < b.urgencyRank }
        let da = a.due?.dayNumber ?? Int.max
        let db = b.due?.dayNumber ?? Int.max
        if da != db { return da < db }
        return a.key < b.key
    }
}

extension NoticeItem {
    /// The JSON kept with each waiting notice in the store (``DubanJSON``).
    public func storedJSON() throws -> String {
        String(decoding: try NoticeItem.encoder.encode(self), as: UTF8.self)
    }

    /// A notice read back from ``storedJSON()``.
    public init(storedJSON text: String) throws {
        self = try NoticeItem.decoder.decode(NoticeItem.self, from: Data(text.utf8))
    }

    private static let encoder = DubanJSON.encoder()
    private static let decoder = DubanJSON.decoder()
}

extension NoticeItem {
    /// The light a notice shows in a channel that colours it (企业微信, 钉钉): red for what is overdue or pressed by
    /// the ladder (逾期, 催办, 督办单, 通报) and for a failing plugin, green for a completion, yellow for the rest
    /// (due soon or today, to acknowledge or report, behind pace, at risk, a step to act on).
    public var light: String {
        switch kind {
        case .overdue, .chase, .supervisionNotice, .circular, .pluginFailure: return "red"
        case .completed: return "green"
        default: return escalated ? "red" : "yellow"
        }
    }
}
