/// The metadata keys duban logs with, and the journald fields they become (see ``JournalFieldName``).
///
/// Use these instead of string literals so the journal fields, the catalog's `@FIELD@` substitutions
/// (`deploy/catalog/duban.catalog`) and `journalctl DUBAN_TASK=…` queries stay in step.
public enum LogMetadataKey {
    /// `MESSAGE_ID`: the event type, a ``JournalMessageID``.
    public static let messageID = "message_id"
    /// `DUBAN_EVENT`: the event kind in words (`reminder`, `due`, `overdue`, …).
    public static let event = "duban.event"
    /// `DUBAN_PLAN`: the plan id.
    public static let plan = "duban.plan"
    /// `DUBAN_TASK`: the task id within its plan.
    public static let task = "duban.task"
    /// `DUBAN_TITLE`: the task's title as the plan writes it.
    public static let title = "duban.title"
    /// `DUBAN_OCCURRENCE`: the stable occurrence id.
    public static let occurrence = "duban.occurrence"
    /// `DUBAN_ORG`: the org unit id the occurrence is assigned to.
    public static let org = "duban.org"
    /// `DUBAN_ORG_NAME`: the org unit's name.
    public static let orgName = "duban.org_name"
    /// `DUBAN_DUE`: the due instant, ISO 8601 with offset.
    public static let due = "duban.due"
    /// `DUBAN_DAYS`: days before (reminder) or after (overdue) the due date.
    public static let days = "duban.days"
    /// `DUBAN_BY`: who recorded a completion.
    public static let by = "duban.by"
    /// `DUBAN_FILE`: a file path (plan file, calendar file).
    public static let file = "duban.file"
    /// `DUBAN_ERRORS`: diagnostics, one `file:line:column: message` per line.
    public static let errors = "duban.errors"
    /// `DUBAN_PLAN_COUNT`: how many plans are in force.
    public static let planCount = "duban.plan_count"
    /// `DUBAN_OPEN_COUNT`: how many occurrences are open.
    public static let openCount = "duban.open_count"
    /// `DUBAN_PLUGIN`: a plugin's name.
    public static let plugin = "duban.plugin"
    /// `DUBAN_PLUGIN_ERROR`: the kind of a plugin failure (`timed-out`, `exited`, `protocol` …).
    public static let pluginError = "duban.plugin_error"
    /// `DUBAN_PLUGIN_PID`: a plugin's process id.
    public static let pluginPID = "duban.plugin_pid"
    /// `DUBAN_PLUGIN_VERSION`: the version a plugin reported in `initialize`.
    public static let pluginVersion = "duban.plugin_version"
    /// `DUBAN_YEAR`: a calendar year.
    public static let year = "duban.year"
    /// `DUBAN_CLOCK_START`: where a scaled clock started.
    public static let clockStart = "duban.clock_start"
    /// `DUBAN_CLOCK_SPEED`: a scaled clock's speed factor.
    public static let clockSpeed = "duban.clock_speed"
    /// `DUBAN_VERSION`: duband's version.
    public static let version = "duban.version"

    /// `DUBAN_STEP`: a step of the supervision loop (acknowledge, feedback, approve …).
    public static let step = "duban.step"
    /// `DUBAN_STAGE`: where the occurrence stands after it (in_progress, submitted …).
    public static let stage = "duban.stage"
    /// `DUBAN_EVIDENCE`: the evidence a step carried.
    public static let evidence = "duban.evidence"
    /// `DUBAN_NOTICE_NUMBER`: a 督办单's number (临教督〔2026〕12号).
    public static let noticeNumber = "duban.notice_number"

    /// Every key above.
    public static let all: [String] = [
        messageID, event, plan, task, title, occurrence, org, orgName, due, days, by, file, errors, planCount,
        openCount, plugin, year, clockStart, clockSpeed, version, pluginError, pluginPID, pluginVersion, step, stage,
        evidence, noticeNumber,
    ]
}
