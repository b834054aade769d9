import DubanCalendar
import DubanControlAPI
import Foundation

/// Pure text for people: dates with their weekday, working days left, states and kinds, amounts. No I/O, so
/// every rule here has a unit test that needs no daemon.
public enum DisplayText {
    /// `2022-12-30 (周五)` / `2022-12-30 (Fri)`; the text unchanged when it is not a `YYYY-MM-DD` date.
    public static func date(_ iso: String, _ language: Language) -> String {
        guard let day = CivilDate(iso: iso) else { return iso }
        return "\(iso) (\(shortWeekday(day.weekday, language)))"
    }

    /// 周一 … 周日 / Mon … Sun for an ISO weekday (1 = Monday).
    public static func shortWeekday(_ isoWeekday: Int, _ language: Language) -> String {
        let index = ((isoWeekday - 1) % 7 + 7) % 7
        return language == .en
            ? ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][index]
            : ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][index]
    }

    /// `剩3个工作日`, `今天到期`, `逾期5个工作日` / `3 working days left`, `due today`, `5 working days overdue`.
    public static func workingDaysLeft(_ days: Int, _ language: Language) -> String {
        switch (days, language) {
        case (0, .en): return "due today"
        case (0, _): return "今天到期"
        case (1, .en): return "1 working day left"
        case (-1, .en): return "1 working day overdue"
        case (let n, .en) where n > 0: return "\(n) working days left"
        case (let n, .en): return "\(-n) working days overdue"
        case (let n, _) where n > 0: return "剩\(n)个工作日"
        case (let n, _): return "逾期\(-n)个工作日"
        }
    }

    /// 未办结 / 已办结 / 已免办 (open, done, waived: ``StateWords``); unknown states as sent.
    public static func state(_ state: String, _ language: Language) -> String {
        language == .en ? StateWords.en(state) : StateWords.zh(state)
    }

    /// The Chinese or English name of a task kind (`deadline` → 限时任务).
    public static func kind(_ kind: String, _ language: Language) -> String {
        let names: [String: (String, String)] = [
            "deadline": ("限时任务", "deadline"), "recurring": ("周期任务", "recurring"), "quota": ("定量任务", "quota"),
            "target": ("指标任务", "target"), "procedural": ("程序时限", "procedural"), "ongoing": ("常态任务", "ongoing"),
        ]
        guard let pair = names[kind] else { return kind }
        return language == .en ? pair.1 : pair.0
    }

    /// A number without a needless `.0`: 30, 12.5, 0.25.
    public static func amount(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A percentage with one decimal: `62.5%`.
    public static func percent(_ ratio: Double) -> String {
        String(format: "%.1f%%", ratio * 100)
    }

    /// An instant in the site's zone: `2022-12-30 08:30`.
    public static func instant(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
