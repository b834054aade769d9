import DubanCalendar
import Foundation

/// A word that makes a clause a repeated duty: 每年, 每学期, 每三年, 年度, 分年度, 年检, 逐年, 定期, or a bare point of
/// the year cycle (年初…年中…年底).
struct RecurrenceMarker {
    var word: String
    var range: Range<Int>
    /// Nil for 定期 (period not stated).
    var recurrence: Recurrence?
    /// 年初, 年中 or 年底 for a point of the yearly cycle.
    var at: String?

    static let periods: [(String, RecurrencePeriod)] = [
        ("学年", .year), ("学期", .semester), ("季度", .quarter), ("年", .year), ("月", .month), ("周", .week), ("天", .day),
        ("日", .day),
    ]

    static func find(in text: String) -> RecurrenceMarker? {
        let chars = Array(text)
        let numerals: [Character: Int] = ["两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6]
        for index in chars.indices where chars[index] == "每" {
            // 每生每年 (a per-capita rate) and 每个/每所 (each unit) are not recurrences.
            if index > 0, chars.matches("每生", at: index - 2) || chars.matches("生", at: index - 1) { continue }
            var cursor = index + 1
            var interval = 1
            if cursor < chars.count, let n = numerals[chars[cursor]] {
                interval = n
                cursor += 1
            } else if cursor < chars.count, chars[cursor].isASCIIDigit {
                var end = cursor
                while end < chars.count, chars[end].isASCIIDigit { end += 1 }
                interval = Int(String(chars[cursor..<end])) ?? 1
                cursor = end
                if chars.matches("个", at: cursor) { cursor += 1 }
            }
            for (word, period) in periods where chars.matches(word, at: cursor) {
                return RecurrenceMarker(
                    word: String(chars[index..<cursor + word.count]), range: index..<cursor + word.count,
                    recurrence: Recurrence(every: period, interval: interval))
            }
        }
        // 每半年 (every six months, as TimeExpression reads it), 按季度/按月/按学期 (per period without 每).
        if let at = chars.find("每半年") {
            return RecurrenceMarker(word: "每半年", range: at..<at + 3, recurrence: Recurrence(every: .month, interval: 6))
        }
        for (word, period) in [("按季度", RecurrencePeriod.quarter), ("按学期", .semester), ("按月", .month)] {
            if let at = chars.find(word) {
                return RecurrenceMarker(word: "每" + word.dropFirst(), range: at..<at + word.count, recurrence: Recurrence(every: period))
            }
        }
        for word in ["分年度", "年度", "年检", "逐年"] {
            guard let at = chars.find(word) else { continue }
            // 在年度考核中 (a context), 2022年度 (a year), 年度统计 in a title list are handled by the caller's context.
            if at > 0, chars[at - 1] == "在" || chars[at - 1].isASCIIDigit { continue }
            if word == "年度", at > 0, chars[at - 1] == "上" || chars[at - 1] == "本" { continue }
            // 满足学生逐年增长需求: a trend describing a need, not a duty.
            let after = String(chars[(at + word.count)..<min(chars.count, at + word.count + 6)])
            if word == "逐年", ["增长需求", "增加需求", "增长的需求", "增长趋势"].contains(where: { after.hasPrefix($0) }) { continue }
            return RecurrenceMarker(word: word, range: at..<at + word.count, recurrence: Recurrence(every: .year))
        }
        if let at = chars.find("定期") {
            let after = String(chars[(at + 2)..<min(chars.count, at + 6)])
            if !["机制", "制度", "的"].contains(where: { after.hasPrefix($0) || after.dropFirst(2).hasPrefix($0) }) {
                return RecurrenceMarker(word: "定期", range: at..<at + 2, recurrence: nil)
            }
        }
        if let first = yearPoints(in: text).first, let at = chars.find(first) {
            return RecurrenceMarker(word: first, range: at..<at + 2, recurrence: Recurrence(every: .year), at: first)
        }
        return nil
    }

    /// Bare 年初/年中/年底/年末 not attached to a year (2022年底 is a date), in order.
    static func yearPoints(in text: String) -> [String] {
        let chars = Array(text)
        var points: [String] = []
        for index in chars.indices where chars[index] == "年" && index + 1 < chars.count {
            guard "初中底末".contains(chars[index + 1]) else { continue }
            if index > 0, chars[index - 1].isASCIIDigit || chars[index - 1] == "年" || chars[index - 1] == "半" { continue }
            if chars.matches("年中小学", at: index) || chars.matches("年中职", at: index) { continue }
            let word = chars[index + 1] == "末" ? "年底" : String(chars[index...index + 1])
            points.append(word)
        }
        return points
    }

    /// 年培训园长120名, 州级年培训: 年 before a verb means "per year".
    static func yearlyRatePrefix(_ text: String) -> Bool {
        let chars = Array(text)
        for index in chars.indices where chars[index] == "年" {
            if index > 0, chars[index - 1].isASCIIDigit || "一二两三四五六七八九十".contains(chars[index - 1]) { continue }
            for verb in ["培训", "招收", "招聘", "选派", "遴选", "新增", "补充", "完成", "轮训"] where chars.matches(verb, at: index + 1) {
                return true
            }
        }
        return false
    }

    /// `3月底前`, `12月31日前`, `6月` right after 每年: the day of the year a yearly duty falls due, as MM-DD.
    static func dayInYear(after index: Int, in text: String) -> String? {
        let chars = Array(text)
        var cursor = index
        var month = 0
        while cursor < chars.count, chars[cursor].isASCIIDigit, cursor - index < 2 {
            month = month * 10 + (chars[cursor].wholeNumberValue ?? 0)
            cursor += 1
        }
        guard cursor > index, (1...12).contains(month), chars.matches("月", at: cursor) else { return nil }
        cursor += 1
        let lastDay = CivilDate.daysInMonth(year: 2001, month: month)
        var day = lastDay
        let dayStart = cursor
        var written = 0
        while cursor < chars.count, chars[cursor].isASCIIDigit, cursor - dayStart < 2 {
            written = written * 10 + (chars[cursor].wholeNumberValue ?? 0)
            cursor += 1
        }
        if cursor > dayStart {
            guard chars.matches("日", at: cursor) || chars.matches("号", at: cursor), (1...lastDay).contains(written) else {
                return nil
            }
            day = written
        }
        return String(format: "%02d-%02d", month, day)
    }
}
