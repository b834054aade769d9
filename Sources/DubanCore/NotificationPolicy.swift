/// How urgent a notice is. Ordered: `info` < `warning` < `critical`.
public enum NoticeSeverity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, critical

    public static func < (a: NoticeSeverity, b: NoticeSeverity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What a notice announces. The raw values are the names used in configuration, templates and the journal.
public enum NoticeKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Due in N working days (a lead time).
    case reminder
    /// Due today.
    case due
    /// Overdue: the k-th repeat.
    case overdue
    /// Marked done.
    case completed
    /// A quota behind its pro-rata pace.
    case behindPace = "behind_pace"
    /// A metric's readings trending short of the target by its date.
    case targetAtRisk = "target_at_risk"
    /// A plugin failed or was refused.
    case pluginFailure = "plugin_failure"
    /// A procedural limit (an occurrence started from an event) approaching.
    case procedure
    /// The holiday arrangement of the coming year is not loaded (from 1 December).
    case calendarMissing = "calendar_missing"
    /// 签收提醒: an item not yet acknowledged on its 签收时限 (the supervision loop).
    case acknowledge
    /// 进展反馈提醒: a progress report falls due today and none was made in its window.
    case feedback
    /// 催办: past its limit without progress (the escalation ladder's second rung).
    case chase
    /// 督办单: a numbered supervision notice, to the unit's leader in charge and copied to the parent unit.
    case supervisionNotice = "supervision_notice"
    /// 通报: the unit will be named in the period's circular.
    case circular
    /// A step of the loop someone has to act on: an extension request or a completion report to decide, or the
    /// decision for the unit.
    case step
}

/// The notification policy (`notifications:` in duban.yaml): routes, the daily digest, escalation and templates.
/// Defaults: every event to the assigned unit's contacts through every notifier plugin, one digest per working
/// day at 08:30, critical events at once, overdue notices escalated to the parent unit after the second.
public struct NotificationPolicy: Hashable, Sendable {
    /// When the day's digest goes out (working days only). Default 08:30.
    public var digestTime: TimeOfDay = TimeOfDay(hour: 8, minute: 30)
    /// Severities sent at once, on any day and at any hour, outside the digest. Default `[critical]`.
    public var immediate: Set<NoticeSeverity> = [.critical]
    /// Overdue notices after this many go to the parent unit as well, as `critical`. 0 never escalates.
    /// Default 2.
    public var escalateAfter: Int = 2
    /// Routes, all evaluated: every route that matches adds its receivers. When none matches, `defaultRoute`.
    public var routes: [NotificationRoute] = []
    /// The route of events no route matches. Default: the unit itself, every notifier.
    public var defaultRoute: NotificationRoute = NotificationRoute(to: [.unit])
    /// A directory of template files overriding the built-in subject and body texts (docs/notifications.md).
    public var templateDirectory: String?
    /// A quota is behind pace when its achieved share is short of the expected share by more than this
    /// fraction of the target. Default 0.1 (ten percentage points).
    public var behindPaceTolerance: Double = 0.1

    public init() {}
}

/// One routing rule: a match (every given field must match; an absent field matches anything) and receivers.
public struct NotificationRoute: Hashable, Sendable {
    /// Plan ids.
    public var plans: Set<String> = []
    /// Org unit ids; a unit matches itself and every unit below it in the org tree.
    public var orgs: Set<String> = []
    /// Event kinds.
    public var kinds: Set<NoticeKind> = []
    /// Task kinds (`deadline`, `quota`, …, by raw value).
    public var taskKinds: Set<String> = []
    /// Task tags: the task must carry at least one.
    public var tags: Set<String> = []
    /// The lowest severity that matches.
    public var minimumSeverity: NoticeSeverity?
    /// Who hears.
    public var to: [NotificationReceiver]
    /// Notifier plugins by name; empty means every notifier (those with a `min_severity` only from it up).
    public var via: [String] = []
    /// Where each name of `via` is written (`file:line:column`), for the check that a manifest provides it.
    public var viaLocations: [String: String] = [:]
    /// Passed to the notifier with each message of this route, in the receiver (`mention: always`,
    /// `format: text`): the channel's options per route (docs/wecom.md, docs/dingtalk.md, docs/sms.md).
    public var settings: [String: String] = [:]
    /// Where in the configuration file the route is (`file:line:column`), for messages.
    public var location: String = ""

    public init(to: [NotificationReceiver], via: [String] = []) {
        self.to = to
        self.via = via
    }
}

/// A receiver of a route.
public enum NotificationReceiver: Hashable, Sendable {
    /// The contacts of the unit the occurrence is assigned to.
    case unit
    /// The contacts of that unit's parent.
    case parent
    /// The contacts of a named unit.
    case org(String)
    /// A fixed address.
    case email(String)
}
