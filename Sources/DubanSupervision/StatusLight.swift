public import DubanCalendar
import DubanCore

/// The status light of an occurrence (亮灯), with published meanings (docs/supervision.md):
/// - 红 red: overdue while the unit is to act, or not acknowledged past the 签收时限;
/// - 黄 yellow: due within ``SupervisionRules/yellowWithin`` working days, behind its pro-rata pace (序时进度),
///   or a progress report (进展反馈) missing;
/// - 绿 green: on track, and every closed, struck-off or waived occurrence.
/// An occurrence that was red keeps the mark 曾超期 (``Reading/wasRed``) after it recovers.
public enum StatusLight: String, Sendable, Hashable, Codable, CaseIterable {
    case green, yellow, red

    /// Why a light is what it is.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        case overdue
        case notAcknowledged = "not_acknowledged"
        case dueSoon = "due_soon"
        case behindPace = "behind_pace"
        case feedbackMissing = "feedback_missing"
        case onTrack = "on_track"
        case awaitingReview = "awaiting_review"
        case paused
        case finished

        public var zh: String {
            switch self {
            case .overdue: "已逾期"
            case .notAcknowledged: "超过签收时限未签收"
            case .dueSoon: "临近到期"
            case .behindPace: "落后于序时进度"
            case .feedbackMissing: "未按期反馈进展"
            case .onTrack: "正常推进"
            case .awaitingReview: "待审核"
            case .paused: "已中止计时"
            case .finished: "已办结或免办"
            }
        }
    }

    /// A light with its reasons (the first is the one shown) and the 曾超期 mark.
    public struct Reading: Sendable, Hashable, Codable {
        public var light: StatusLight
        public var reasons: [Reason]
        public var wasRed: Bool
    }

    public var zh: String {
        switch self {
        case .green: "绿"
        case .yellow: "黄"
        case .red: "红"
        }
    }

    /// A symbol that reads without colour (a terminal without colours, a printout).
    public var symbol: String {
        switch self {
        case .green: "●"
        case .yellow: "▲"
        case .red: "■"
        }
    }

    /// The light of `record` on `today`. `behindPace` comes from the quota or target's pace (``QuotaPace`` in
    /// DubanNotify); the feedback cadence from the rules.
    public static func reading(
        _ record: SupervisionRecord,
        on today: CivilDate,
        rules: SupervisionRules,
        calendar: WorkingDayCalendar,
        behindPace: Bool = false
    ) -> Reading {
        var reasons: [Reason] = []
        switch record.state {
        case .closed, .struckOff, .waived:
            return Reading(light: .green, reasons: [.finished], wasRed: record.wasRed)
        case .paused:
            return Reading(light: .green, reasons: [.paused], wasRed: record.wasRed)
        case .submitted:
            // Handed in: the unit waits for the review, which is not its delay.
            return Reading(light: .green, reasons: [.awaitingReview], wasRed: record.wasRed)
        case .assigned, .inProgress, .extensionRequested:
            break
        }
        if today > record.due { reasons.append(.overdue) }
        if record.state == .assigned, today > rules.acknowledgeBy(record.assignedOn, calendar: calendar) {
            reasons.append(.notAcknowledged)
        }
        if !reasons.isEmpty { return Reading(light: .red, reasons: reasons, wasRed: true) }
        let left = calendar.signedWorkingDays(from: today, to: record.due)
        if left <= rules.yellowWithin { reasons.append(.dueSoon) }
        if behindPace { reasons.append(.behindPace) }
        if let cadence = rules.feedback, record.state != .assigned {
            let since = record.lastFeedbackOn ?? record.acknowledgedOn ?? record.assignedOn
            if today > cadence.next(after: since, calendar: calendar) { reasons.append(.feedbackMissing) }
        }
        if !reasons.isEmpty { return Reading(light: .yellow, reasons: reasons, wasRed: record.wasRed) }
        return Reading(light: .green, reasons: [.onTrack], wasRed: record.wasRed)
    }

    /// Whether `record` is red on `day`.
    public static func isRed(
        _ record: SupervisionRecord, on day: CivilDate, rules: SupervisionRules, calendar: WorkingDayCalendar
    ) -> Bool {
        reading(record, on: day, rules: rules, calendar: calendar).light == .red
    }
}
