public import DubanCalendar
public import Foundation

/// What `GET /v1/status` returns and `STATUS=` summarizes.
public struct DaemonStatus: Hashable, Sendable, Codable {
    public var plans: Int
    public var tasks: Int
    public var occurrences: Int
    public var open: Int
    public var overdue: Int
    public var next: Date?
    public var now: Date
    /// The clock in use: "system clock" or the scaled clock's description.
    public var clock: String
    public var scaledClock: Bool
    /// Years the schedule touches that have no holiday data (dates there are provisional).
    public var missingCalendarYears: [Int]
    /// The last reload: ok, or the errors that kept the previous plans in force.
    public var lastReload: ReloadResult?
    /// False until the store's first sync has been counted: then occurrences, open and overdue are not known yet.
    public var counted = true

    enum CodingKeys: String, CodingKey {
        case plans, tasks, occurrences, open, overdue, next, now, clock
        case scaledClock = "scaled_clock"
        case missingCalendarYears = "missing_calendar_years"
        case lastReload = "last_reload"
    }

    /// The one-line `STATUS=`: "3 个计划 · 412 项未办结 · 7 项逾期 · 下次 2026-12-01 08:30".
    public func line(_ language: Language, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let nextText = next.map { formatter.string(from: $0) }
        var parts: [String]
        if language == .en {
            parts =
                counted
                ? ["\(plans) plans", "\(open) open", "\(overdue) overdue", "next " + (nextText ?? "none")]
                : ["\(plans) plans", "\(tasks) tasks", "syncing state", "next " + (nextText ?? "none")]
            if !missingCalendarYears.isEmpty {
                parts.append("no holiday data for \(missingCalendarYears.map(String.init).joined(separator: ", "))")
            }
            if scaledClock { parts.insert("REHEARSAL \(clock)", at: 0) }
        } else {
            parts =
                counted
                ? ["\(plans) 个计划", "\(open) 项未办结", "\(overdue) 项逾期", "下次 " + (nextText ?? "无")]
                : ["\(plans) 个计划", "\(tasks) 项任务", "正在同步状态库", "下次 " + (nextText ?? "无")]
            if !missingCalendarYears.isEmpty {
                parts.append("缺\(missingCalendarYears.map(String.init).joined(separator: "、"))年节假日数据")
            }
            if scaledClock { parts.insert("演练时钟 \(clock)", at: 0) }
        }
        return parts.joined(separator: " · ")
    }
}

/// The outcome of a reload.
public struct ReloadResult: Hashable, Sendable, Codable {
    public var ok: Bool
    public var at: Date
    /// `file:line:column: message` lines when the reload was refused.
    public var errors: [String]
}
