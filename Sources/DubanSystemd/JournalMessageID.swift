import Logging

/// The fixed 128-bit `MESSAGE_ID` of each kind of event duband logs.
///
/// journald indexes `MESSAGE_ID`, so `journalctl MESSAGE_ID=e19374faf8f84e19996557c038bfbe09` lists every overdue
/// event, and `journalctl -x` shows the explanation from `deploy/catalog/duban.catalog` (installed to
/// `/usr/lib/systemd/catalog/`, picked up by `journalctl --update-catalog`). The ids were generated once with
/// `systemd-id128 new` and are frozen: changing one breaks saved queries and the catalog.
///
/// Log an event with ``metadata``:
/// ```swift
/// logger.notice("提醒：…", metadata: JournalMessageID.reminder.metadata.merging(fields) { $1 })
/// ```
public struct JournalMessageID: Hashable, Sendable, CustomStringConvertible {
    /// The id as journald shows it: 32 lowercase hex digits.
    public let id: String
    /// A short English name, also the natural `DUBAN_EVENT` value (`plan-load-failed`).
    public let name: String

    private init(_ name: String, _ id: String) {
        self.name = name
        self.id = id
    }

    /// A reminder lead time was reached (`DUBAN_DAYS` days before due).
    public static let reminder = JournalMessageID("reminder", "6ee7642053ca40d2a82f1faf46e90446")
    /// An occurrence is due now.
    public static let due = JournalMessageID("due", "be4d02f060a248d3a71dc8a8de743a0f")
    /// An occurrence is past due and still open (repeats per the overdue policy).
    public static let overdue = JournalMessageID("overdue", "e19374faf8f84e19996557c038bfbe09")
    /// An occurrence was recorded as done (办结).
    public static let completed = JournalMessageID("completed", "e66cceef68704587827462b9b8a236fe")
    /// A load or reload found errors; the plans in force before it stay in force.
    public static let planLoadFailed = JournalMessageID("plan-load-failed", "b722b049cf7249a7b92e83ae36c2e666")
    /// Plans were loaded (start or reload) and the schedule re-planned.
    public static let plansLoaded = JournalMessageID("plans-loaded", "c64d6455f526402f84ff86c652ec0cd6")
    /// duband started and is ready.
    public static let daemonStarted = JournalMessageID("daemon-started", "7527fc75fb3546668d10b84c6a3ed8f6")
    /// duband is stopping.
    public static let daemonStopping = JournalMessageID("daemon-stopping", "9064374ced2d409fa425093177f788b4")
    /// The graceful shutdown did not end within its deadline and duband exited anyway (the safety net fired).
    public static let forcedExit = JournalMessageID("forced-exit", "59d88d6a41984132b4ad9e936d5a0488")
    /// A plugin failed (exit status, timeout, protocol error); duband keeps running.
    public static let pluginFailure = JournalMessageID("plugin-failure", "d193ad1dcd094acc8cb9a40d774a06ce")
    /// A plugin process started and completed the protocol handshake.
    public static let pluginStarted = JournalMessageID("plugin-started", "678f88b656a3426d897614933ca21bad")
    /// A plugin was refused for good (another major protocol version, a declared capability missing) or its
    /// manifest is invalid; it stays off until the configuration is fixed.
    public static let pluginRefused = JournalMessageID("plugin-refused", "b163b35ea8bf4e15bd5a483e304799bd")
    /// A date falls in a year without holiday data; weekdays are assumed to be working days.
    public static let calendarYearMissing = JournalMessageID(
        "calendar-year-missing",
        "85c57fcb0d3b4d3389890e31e96b3fa7"
    )
    /// The daemon runs on a scaled (rehearsal) clock, not real time.
    public static let scaledClockActive = JournalMessageID("scaled-clock-active", "21049a0e8b1a4252b4bbd4995fc6d1a1")

    /// Every id, in the catalog's order.
    /// A quota behind its pro-rata pace (a daily check, at most monthly per occurrence).
    public static let behindPace = JournalMessageID("behind-pace", "3f1c8a2e5d7b4e0f9a6c2b8d4e1f7a35")
    /// A target its readings' trend will miss (a daily check, at most monthly per unit).
    public static let targetAtRisk = JournalMessageID("target-at-risk", "8b2d6e4f1a3c47e59d0b7c2a6f8e1d94")

    /// 签收: a unit acknowledged an item assigned to it.
    public static let acknowledged = JournalMessageID("acknowledged", "385983c5fea64675aa61393aeb1ff0dd")
    /// 进展反馈: a unit (the lead or a co-unit) reported progress.
    public static let progressReported = JournalMessageID("progress-reported", "aa3a3e5f843d455394c1792792496635")
    /// 延期申请: a unit asked for more working days.
    public static let extensionRequested = JournalMessageID("extension-requested", "821574ec8aa24e658b036cf282fc15d4")
    /// An extension request was approved (the due date moved) or rejected (`DUBAN_STEP`).
    public static let extensionDecided = JournalMessageID("extension-decided", "a3356ebb8b434273afdc01a9ecdd9507")
    /// 办结报告: a unit handed in its completion report with evidence.
    public static let reportSubmitted = JournalMessageID("report-submitted", "090239c0dfdd49ec930bf4a3c5957ae3")
    /// A completion report was passed (已办结) or sent back (退回, `DUBAN_STEP`).
    public static let reportReviewed = JournalMessageID("report-reviewed", "8c6d42c8e1aa4491a67f35cb2191875b")
    /// 销号: a closed item was struck off the list.
    public static let struckOff = JournalMessageID("struck-off", "0d1f892ef8594dfc8c90042a2830a492")
    /// A procedural limit was paused (中止) or resumed (恢复, the due date moved by the days paused).
    public static let clockPaused = JournalMessageID("clock-paused", "f2b736d0bc7e4f84ab8a26474a8389dc")

    /// 签收提醒: an item is not acknowledged on the last day of its 签收时限.
    public static let acknowledgeDue = JournalMessageID("acknowledge-due", "5ab42b44497044aab7ac635c875a9dba")
    /// 进展反馈提醒: a progress report falls due today and none was made in its window.
    public static let feedbackDue = JournalMessageID("feedback-due", "82399a1f54c548c39694331ae1939d43")
    /// 催办: an item past its limit without progress was chased.
    public static let chased = JournalMessageID("chased", "90047e2ebf574fb69c106f1c9112e498")
    /// 督办单: a numbered supervision notice was issued (`DUBAN_NOTICE_NUMBER`).
    public static let supervisionNoticeIssued = JournalMessageID(
        "supervision-notice-issued", "5c43ab6dcaa94f588b5bac90f1a532b5")
    /// 通报: an item's unit will be named in the period's circular.
    public static let circularListed = JournalMessageID("circular-listed", "d7608e8146b440a5acce990901ccadcd")

    public static let all: [JournalMessageID] = [
        .reminder, .due, .overdue, .completed, .behindPace, .targetAtRisk, .planLoadFailed, .plansLoaded,
        .daemonStarted, .daemonStopping, .forcedExit,
        .pluginFailure, .calendarYearMissing, .scaledClockActive, .pluginStarted, .pluginRefused,
        .acknowledged, .progressReported, .extensionRequested, .extensionDecided, .reportSubmitted, .reportReviewed,
        .struckOff, .clockPaused, .acknowledgeDue, .feedbackDue, .chased, .supervisionNoticeIssued, .circularListed,
    ]

    /// The event of a step of the supervision loop (by its wire name), nil for the direct changes.
    public static func step(_ action: String) -> JournalMessageID? {
        switch action {
        case "acknowledge": .acknowledged
        case "feedback": .progressReported
        case "extension-request": .extensionRequested
        case "approve", "reject": .extensionDecided
        case "submit": .reportSubmitted
        case "pass", "return": .reportReviewed
        case "strike": .struckOff
        case "pause", "resume": .clockPaused
        default: nil
        }
    }

    /// `["message_id": id, "duban.event": name]`, ready to merge into a log call's metadata.
    public var metadata: Logger.Metadata {
        [LogMetadataKey.messageID: .string(id), LogMetadataKey.event: .string(name)]
    }

    public var description: String { id }
}
