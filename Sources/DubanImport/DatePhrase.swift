import DubanCalendar
import Foundation

/// A date phrase found in a sentence (`到2025年`, `2024年5月前`, `2024—2026年`, `“十四五”期间`), read with
/// `TimeExpression`.
struct DatePhrase {
    /// What the phrase does in its sentence.
    enum Role {
        /// A deadline or target date: 到2025年, 2022年底前, 2024—2026年.
        case deadline
        /// A start: 自2019年3月1日起, 2023年秋季学期起.
        case start
        /// Scope of a period, not itself a deadline: 在2024—2026年实施期间.
        case scope
        /// A baseline or history: 截至2022年底, 从2018年的…, “十三五”以来, a bare 2021年 in news text.
        case context
    }

    /// Offsets into the sentence text.
    var range: Range<Int>
    /// The phrase as written (folded), lead-in included.
    var text: String
    var role: Role
    /// The reading, when `TimeExpression` could read the phrase.
    var interpretation: TimeInterpretation?

    /// True when the phrase opens its sentence (only a lead-in and punctuation before it).
    var opensSentence: Bool

    static let leadIns = ["力争到", "力争于", "力争在", "争取到", "争取于", "争取在", "计划到", "预计到", "截至", "截止到", "截止", "到", "于", "在", "至", "自", "从"]
    static let tailCharacters: Set<Character> = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "月", "日", "底", "末", "初", "年", "中", "前", "以", "之", "起",
        "上", "下", "半", "春", "秋", "季", "学", "期", "来", "度",
    ]

    /// Every date phrase in `text` (a folded sentence).
    static func find(in text: String, conventions: TimeConventions) -> [DatePhrase] {
        let chars = Array(text)
        var phrases: [DatePhrase] = []
        var index = 0
        var titleDepth = 0
        while index < chars.count {
            // Dates inside a title (《…规划(2024—2028年)》) name another document's period.
            if chars[index] == "《" { titleDepth += 1 }
            if chars[index] == "》" { titleDepth = max(0, titleDepth - 1) }
            if titleDepth > 0 {
                index += 1
                continue
            }
            if let phrase = fiveYearPeriod(chars, at: index, conventions: conventions) {
                phrases.append(phrase)
                index = phrase.range.upperBound
                continue
            }
            guard isYear(chars, at: index), index == 0 || !chars[index - 1].isASCIIDigit else {
                index += 1
                continue
            }
            var end = index + 4
            // A range: 2024—2026年, 2024-2026年年底, 2022年至2025年.
            if end < chars.count, ["—", "-", "–", "~", "至", "到"].contains(chars[end]), isYear(chars, at: end + 1) {
                end += 5
            } else if chars.matches("年至", at: end) || chars.matches("年到", at: end), isYear(chars, at: end + 2) {
                end += 6
            }
            guard end < chars.count, chars[end] == "年" else {
                index = end
                continue
            }
            // Not a year: 2035 in 《某某远景纲要2035》 has no 年; 十五年 is not four digits.
            end += 1
            while end < chars.count, tailCharacters.contains(chars[end]) {
                // Stop before words that only start with tail characters: 年度 (handled as recurrence), 中小学.
                if chars.matches("中小学", at: end) || chars.matches("中职", at: end) || chars.matches("学校", at: end)
                    || chars.matches("学生", at: end) || chars.matches("学前", at: end) || chars.matches("初中", at: end)
                    || chars.matches("上线", at: end) || chars.matches("期间", at: end) || chars.matches("下达", at: end)
                {
                    break
                }
                end += 1
            }
            // A month range: 2024年1月—2024年6月, 2024年3月至6月 (the right side may omit the year).
            if end > index + 5, chars[end - 1] == "月", end < chars.count, ["—", "-", "–", "~", "至"].contains(chars[end]) {
                var right = end + 1
                if isYear(chars, at: right), right + 4 < chars.count, chars[right + 4] == "年" { right += 5 }
                var digits = right
                while digits < chars.count, chars[digits].isASCIIDigit { digits += 1 }
                if digits > right, digits - right <= 2, digits < chars.count, chars[digits] == "月" {
                    end = digits + 1
                    while end < chars.count, "底末前".contains(chars[end]) { end += 1 }
                }
            }
            var start = index
            var leadIn = ""
            for word in leadIns where chars.matches(word, at: index - word.count) {
                start = index - word.count
                leadIn = word
                break
            }
            let written = String(chars[start..<end])
            let tail = String(chars[(index + 4)..<end])
            let after = end < chars.count ? String(chars[end..<min(chars.count, end + 4)]) : ""
            var role: Role
            if ["截至", "截止", "截止到", "从"].contains(leadIn) || tail.hasSuffix("以来") || after.hasPrefix("的")
                || after.hasPrefix("比") || tail.contains("以来")
            {
                role = .context
            } else if leadIn == "自" || tail.hasSuffix("起") {
                role = .start
            } else if leadIn == "在", after.contains("期间") || after.contains("发展") {
                role = .scope
            } else if leadIn.isEmpty, !tail.contains("底"), !tail.contains("末"), !tail.contains("前"),
                let next = after.first, next.isHan, !after.hasPrefix("完成")
            {
                // 2024—2026年全县学校安全工作以…: the period as a subject, not a deadline.
                role = .scope
            } else if !leadIn.isEmpty && leadIn != "在" || tail.contains("底") || tail.contains("末") || tail.contains("前")
                || written.contains("-") || written.contains("—") || written.contains("至")
            {
                role = .deadline
            } else {
                role = .context
            }
            let interpretation = read(written, leadIn: leadIn, conventions: conventions)
            if interpretation == nil, role == .deadline || role == .start { role = .context }
            let opens = chars[..<start].allSatisfy { "(),:。 ".contains($0) }
            phrases.append(
                DatePhrase(
                    range: start..<end, text: written, role: role, interpretation: interpretation,
                    opensSentence: opens || start <= 2))
            index = end
        }
        return phrases
    }

    /// “十四五”期间 / 十四五时期: the 14th five-year plan period (and the 15th).
    static func fiveYearPeriod(_ chars: [Character], at index: Int, conventions: TimeConventions) -> DatePhrase? {
        for name in ["十四五", "十五五"] where chars.matches(name, at: index) {
            var end = index + name.count
            if chars.matches("”", at: end) || chars.matches("\"", at: end) { end += 1 }
            var start = index
            if start > 0, chars[start - 1] == "“" || chars[start - 1] == "\"" { start -= 1 }
            guard chars.matches("期间", at: end) || chars.matches("时期", at: end) else { return nil }
            end += 2
            var lead = start
            if chars.matches("在", at: start - 1) { lead = start - 1 }
            let written = String(chars[start..<end])
            guard let interpretation = try? TimeExpression.interpret(written, conventions: conventions) else { return nil }
            let opens = lead <= 1
            return DatePhrase(range: lead..<end, text: written, role: .deadline, interpretation: interpretation, opensSentence: opens)
        }
        return nil
    }

    /// Reads `written`; without its lead-in when the lead-in alone defeats the reader.
    static func read(_ written: String, leadIn: String, conventions: TimeConventions) -> TimeInterpretation? {
        if let reading = try? TimeExpression.interpret(written, conventions: conventions) { return reading }
        if !leadIn.isEmpty, let reading = try? TimeExpression.interpret(String(written.dropFirst(leadIn.count)), conventions: conventions) {
            return reading
        }
        return nil
    }

    /// Four digits 1990–2099 at `index`.
    static func isYear(_ chars: [Character], at index: Int) -> Bool {
        guard index >= 0, index + 4 <= chars.count else { return false }
        let digits = chars[index..<index + 4]
        guard digits.allSatisfy(\.isASCIIDigit), let year = Int(String(digits)) else { return false }
        if index + 4 < chars.count, chars[index + 4].isASCIIDigit { return false }
        return (1990...2099).contains(year)
    }
}
