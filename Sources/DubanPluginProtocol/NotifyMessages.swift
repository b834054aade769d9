/// `notify` params: a batch of events to deliver.
public struct NotifyParams: Hashable, Sendable, Codable {
    public var events: [NotifyEvent]

    public init(events: [NotifyEvent]) {
        self.events = events
    }
}

/// One event with everything a message needs.
public struct NotifyEvent: Hashable, Sendable, Codable {
    /// Unique and stable for the event; a plugin may use it to drop a duplicate it already sent.
    public var key: String
    /// `reminder`, `due` or `overdue` for a single event; `digest` (since 1.1) for several notices to one receiver
    /// in one message, listed in `items`. Later versions may add kinds; treat unknown ones like `reminder`.
    public var kind: String
    /// `info`, `warning` or `critical`.
    public var severity: String
    /// The language to write in: `zh-Hans` or `en`.
    public var locale: String
    public var occurrence: NotifyOccurrence
    /// Who should hear about it: the org unit's contacts (may be empty).
    public var recipients: [Recipient]
    /// A short subject line in both languages.
    public var subject: LocalizedString
    /// The message body in both languages.
    public var text: LocalizedString
    /// Since 1.1: what a `digest` carries, most urgent first (its `occurrence` is the first item's, for plugins
    /// written for 1.0). Absent for a single event.
    public var items: [NotifyItem]?
    /// Since 1.2: `digest` for the day's message at the digest time, `immediate` for what goes out at once (the
    /// severities of `notifications.immediate`, `critical` by default).
    public var delivery: String?
    /// Since 1.2: who receives the message: the unit (or the address), the people the route selected, the unit's
    /// group robots and the route's settings for this channel.
    public var receiver: NotifyReceiver?

    public init(
        key: String,
        kind: String,
        severity: String,
        locale: String,
        occurrence: NotifyOccurrence,
        recipients: [Recipient],
        subject: LocalizedString,
        text: LocalizedString,
        items: [NotifyItem]? = nil,
        delivery: String? = nil,
        receiver: NotifyReceiver? = nil
    ) {
        self.delivery = delivery
        self.receiver = receiver
        self.key = key
        self.kind = kind
        self.severity = severity
        self.locale = locale
        self.occurrence = occurrence
        self.recipients = recipients
        self.subject = subject
        self.text = text
        self.items = items
    }
}

/// The receiver of a message (protocol 1.2).
public struct NotifyReceiver: Hashable, Sendable, Codable {
    /// The receiver's key as duband routes it: `org:UNIT` (a unit's contacts), `leader:UNIT` (its 分管领导, for a
    /// 督办单), `email:ADDRESS`.
    public var key: String
    /// `unit`, `leader` or `address`.
    public var kind: String
    /// The unit's id and name, for `unit` and `leader`.
    public var org: String?
    public var orgName: String?
    /// How a message addresses the receiver (`康乐县教育局`, `康乐县教育局分管领导`).
    public var name: String
    /// The people behind the receiver, as `recipients`.
    public var contacts: [Recipient]
    /// The unit's group robots by name (org.yaml `wecom`, `dingtalk`); their keys are the plugin's credentials.
    public var wecom: String?
    public var dingtalk: String?
    /// The settings of the routes that chose this receiver for this channel (`settings:` in a route).
    public var settings: [String: String]

    public init(
        key: String,
        kind: String,
        org: String? = nil,
        orgName: String? = nil,
        name: String,
        contacts: [Recipient],
        wecom: String? = nil,
        dingtalk: String? = nil,
        settings: [String: String] = [:]
    ) {
        self.key = key
        self.kind = kind
        self.org = org
        self.orgName = orgName
        self.name = name
        self.contacts = contacts
        self.wecom = wecom
        self.dingtalk = dingtalk
        self.settings = settings
    }
}

/// One notice inside a digest (protocol 1.1; `status`, `light`, `orgName`, `number`, `escalated` since 1.2).
public struct NotifyItem: Hashable, Sendable, Codable {
    /// The event's key.
    public var key: String
    /// `reminder`, `due`, `overdue`, `completed`, `behind_pace`, `target_at_risk`, `plugin_failure`, `procedure`,
    /// `calendar_missing`.
    public var kind: String
    public var severity: String
    public var title: String
    /// The occurrence's id and its unit, for events of an occurrence.
    public var occurrence: String?
    public var org: String?
    /// `YYYY-MM-DD`.
    public var due: String?
    /// Since 1.2: the unit's name.
    public var orgName: String?
    /// Since 1.2: the item's line as duban's templates write it, without the title (`已逾期3个工作日`).
    public var status: LocalizedString?
    /// Since 1.2: `red`, `yellow` or `green`, as the lights of the supervision loop read (docs/supervision.md).
    public var light: String?
    /// Since 1.2: a 督办单's number (`临教督〔2026〕12号`).
    public var number: String?
    /// Since 1.2: also sent to the parent unit (an escalated notice).
    public var escalated: Bool?

    public init(
        key: String,
        kind: String,
        severity: String,
        title: String,
        occurrence: String? = nil,
        org: String? = nil,
        due: String? = nil,
        orgName: String? = nil,
        status: LocalizedString? = nil,
        light: String? = nil,
        number: String? = nil,
        escalated: Bool? = nil
    ) {
        self.orgName = orgName
        self.status = status
        self.light = light
        self.number = number
        self.escalated = escalated
        self.key = key
        self.kind = kind
        self.severity = severity
        self.title = title
        self.occurrence = occurrence
        self.org = org
        self.due = due
    }
}

/// The occurrence an event is about.
public struct NotifyOccurrence: Hashable, Sendable, Codable {
    /// The stable occurrence id, e.g. `2024-safety/monthly-check/no1-middle/2024-11`.
    public var id: String
    public var plan: String
    public var planTitle: String
    public var task: String
    public var taskTitle: String
    /// The org unit's id and display name.
    public var org: String
    public var orgName: String
    /// The period label, e.g. `2024-11`, `2024-Q4`, `once`.
    public var period: String
    /// The due day, `YYYY-MM-DD` in the site's zone.
    public var due: String
    /// The due instant, RFC 3339 with offset (`2024-11-29T17:30:00+08:00`).
    public var dueAt: String
    /// Working days from today to the due day (negative once overdue).
    public var workingDaysLeft: Int

    public init(
        id: String,
        plan: String,
        planTitle: String,
        task: String,
        taskTitle: String,
        org: String,
        orgName: String,
        period: String,
        due: String,
        dueAt: String,
        workingDaysLeft: Int
    ) {
        self.id = id
        self.plan = plan
        self.planTitle = planTitle
        self.task = task
        self.taskTitle = taskTitle
        self.org = org
        self.orgName = orgName
        self.period = period
        self.due = due
        self.dueAt = dueAt
        self.workingDaysLeft = workingDaysLeft
    }
}

/// A person to notify.
public struct Recipient: Hashable, Sendable, Codable {
    public var name: String
    /// Absent when the org file gives none.
    public var email: String?
    public var phone: String?
    /// The contact's role in the unit (`负责人`, `联系人` …), when given.
    public var role: String?
    /// Since 1.2: the contact's mobile number (11 digits), for SMS and @mentions.
    public var mobile: String?

    public init(name: String, email: String? = nil, phone: String? = nil, role: String? = nil, mobile: String? = nil) {
        self.mobile = mobile
        self.name = name
        self.email = email
        self.phone = phone
        self.role = role
    }
}

/// `notify` result: for every event, delivered or failed.
///
/// Events the plugin names in neither list count as failed and retryable.
public struct NotifyResult: Hashable, Sendable, Codable {
    public var delivered: [String]
    public var failed: [NotifyFailure]

    public init(delivered: [String], failed: [NotifyFailure] = []) {
        self.delivered = delivered
        self.failed = failed
    }
}

/// One event a plugin could not deliver.
public struct NotifyFailure: Hashable, Sendable, Codable {
    public var key: String
    public var error: String
    /// True: the host tries again later (with backoff); false: it gives up on this event for this plugin.
    public var retryable: Bool
    /// Since 1.2: the seconds to wait before the next try (a service's throttle: 60 for a robot's minute, 600
    /// for 钉钉's ten-minute block); the host waits this long instead of its own backoff. 1–86,400.
    public var retryAfter: Double?
    /// Since 1.2: the service's own error code (`93000`, `isv.BUSINESS_LIMIT_CONTROL`), shown with the error.
    public var code: String?

    public init(key: String, error: String, retryable: Bool, retryAfter: Double? = nil, code: String? = nil) {
        self.key = key
        self.error = error
        self.retryable = retryable
        self.retryAfter = retryAfter
        self.code = code
    }
}
