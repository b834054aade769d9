import Foundation

/// Finds `ValueToken`s in a clause.
///
/// Numbers that are not amounts are skipped: years and durations (2025年, 3年), ages (6岁), ordinals (第3),
/// per-capita denominators (每10万人), clock times (8:30-12:00), codes and names inside quotes (“3+1+2”, 2.0).
enum ValueScanner {
    /// Measure words an amount may carry, longest first.
    static let units: [String] = [
        "个百分点", "百分点", "万平方米", "平方米", "万人次", "人次", "万人", "亿元", "万元", "元", "课时", "学时", "小时",
        "万种", "种", "所", "名", "人", "个", "项", "场", "套", "间", "堂", "门", "支", "台", "家", "座", "幢", "本", "篇",
        "次", "轮", "节", "册", "亩", "%", "M",
    ]
    /// Measure words a Chinese numeral may carry (一所, 百场, 两间).
    static let numeralUnits: Set<String> = ["所", "名", "个", "项", "场", "套", "间", "堂", "门", "次", "轮", "种"]
    /// Units that make a number a time, an age or an ordinal rather than an amount.
    static let nonAmountFollowers: [String] = [
        "年", "月", "日", "号", "岁", "周岁", "届", "级", "期", "版", "号", "点", "时", "天", "周", "季度", "学期", "个工作日",
        "个月", "个学期", "个年", "工作日",
    ]

    static func scan(_ text: String) -> [ValueToken] {
        let chars = Array(text)
        var tokens: [ValueToken] = []
        var index = 0
        var quoteDepth = 0
        while index < chars.count {
            let character = chars[index]
            if character == "“" || character == "《" || character == "\"" && quoteDepth == 0 {
                quoteDepth += 1
                index += 1
                continue
            }
            if character == "”" || character == "》" || character == "\"" {
                quoteDepth = max(0, quoteDepth - 1)
                index += 1
                continue
            }
            if quoteDepth > 0 {
                index += 1
                continue
            }
            if let token = coverage(chars, at: index) {
                tokens.append(token)
                index = token.range.upperBound
                continue
            }
            if character.isASCIIDigit {
                let (token, next) = number(chars, at: index)
                if let token { tokens.append(token) }
                index = max(next, index + 1)
                continue
            }
            if let token = numeral(chars, at: index) {
                tokens.append(token)
                index = token.range.upperBound
                continue
            }
            index += 1
        }
        return tokens
    }

    /// 全覆盖, 覆盖全体…, 全面接入 …: 100%.
    static func coverage(_ chars: [Character], at index: Int) -> ValueToken? {
        for word in ["全覆盖", "覆盖全体", "全面覆盖", "全面接入"] where chars.matches(word, at: index) {
            return ValueToken(range: index..<index + word.count, value: 100, unit: "%", fullCoverage: true)
        }
        return nil
    }

    /// A run of ASCII digits with its decimal part, 万/亿 multiplier, range and unit.
    static func number(_ chars: [Character], at start: Int) -> (ValueToken?, Int) {
        var index = start
        guard let (first, afterFirst) = decimal(chars, at: index) else { return (nil, start + 1) }
        index = afterFirst
        // Glued to letters, '+', '.', '/' or another number: a code or a name (5G, 3+1+2, 2.0, IPv6, 0871-1234567).
        let before: Character? = start > 0 ? chars[start - 1] : nil
        if let before, before.isASCIILetter || before == "+" || before == "." || before == "第" || before == "每"
            || before == "/" || before == "-" || before == "V"
        {
            return (nil, skipRun(chars, from: index))
        }
        if index < chars.count, chars[index] == "+" || chars[index].isASCIILetter && !chars.matches("M", at: index)
            || chars.matches("M", at: index) && index + 1 < chars.count && chars[index + 1].isASCIILetter
        {
            return (nil, skipRun(chars, from: index))
        }
        // Ratio 1:N or N:1 (clock times such as 8:30 have a two-digit right side starting with 0 or followed by -).
        if index < chars.count, chars[index] == ":", let (second, afterSecond) = decimal(chars, at: index + 1) {
            let clock = afterSecond < chars.count && chars[afterSecond] == "-" || chars[index + 1] == "0"
            if !clock, first == 1 || second == 1 {
                let value = first == 1 ? second : first
                return (ValueToken(range: start..<afterSecond, value: value, unit: first == 1 ? "1:N" : "N:1"), afterSecond)
            }
            return (nil, skipRun(chars, from: afterSecond))
        }
        var valueMax: Double?
        // Range 3—5所, 3-5所, 3至5个, 6~10个百分点.
        if index < chars.count, ["—", "-", "~", "至", "到", "–"].contains(chars[index]),
            let (second, afterSecond) = decimal(chars, at: index + 1), second > first
        {
            valueMax = second
            index = afterSecond
        }
        var scale = 1.0
        if chars.matches("万", at: index), !chars.matches("万元", at: index), !chars.matches("万平方米", at: index),
            !chars.matches("万人", at: index), !chars.matches("万种", at: index)
        {
            scale = 10_000
            index += 1
        } else if chars.matches("亿", at: index), !chars.matches("亿元", at: index) {
            scale = 100_000_000
            index += 1
        }
        for follower in nonAmountFollowers where chars.matches(follower, at: index) {
            return (nil, index + follower.count)
        }
        // 以上 etc. may sit between a bare number and nothing: a bare number with no unit is not an amount, except
        // in 占N (其中本科及以上占60) and table cells, which callers read themselves.
        // A bare number right after a comparator (差异系数不高于0.45) is an amount without a unit.
        let comparators = ["不高于", "不低于", "不超过", "不少于", "低于", "高于", "达到", "控制在", "保持在"]
        let bare = !units.contains { chars.matches($0, at: index) }
            && (index >= chars.count || !(chars[index].isHan || chars[index].isASCIILetter || chars[index] == "."))
            && comparators.contains { chars.matches($0, at: start - $0.count) }
            && !(first >= 1900 && first <= 2100 && first == first.rounded())
        if bare {
            return (ValueToken(range: start..<index, value: first * scale, valueMax: valueMax.map { $0 * scale }, unit: ""), index)
        }
        for unit in units where chars.matches(unit, at: index) {
            var value = first * scale
            var max = valueMax.map { $0 * scale }
            var written = unit
            switch unit {
            case "万人", "万人次", "万种":
                value *= 10_000
                max = max.map { $0 * 10_000 }
                written = String(unit.dropFirst())
            case "万平方米":
                value *= 10_000
                max = max.map { $0 * 10_000 }
                written = "平方米"
            case "个百分点": written = "百分点"
            default: break
            }
            let end = index + unit.count
            return (ValueToken(range: start..<end, value: value, valueMax: max, unit: written), end)
        }
        return (nil, index)
    }

    /// Chinese numerals with a measure word: 一所, 两间, 百场, 十所; not 一批, 一体化, 第一, 十四五.
    static func numeral(_ chars: [Character], at start: Int) -> ValueToken? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let character = chars[start]
        guard digits[character] != nil || character == "十" || character == "百" || character == "千" else { return nil }
        if start > 0, ["第", "每", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "逐", "统", "唯", "之", "万"]
            .contains(chars[start - 1])
        {
            return nil
        }
        var index = start
        var value = 0
        var current = 0
        while index < chars.count {
            let c = chars[index]
            if let d = digits[c] {
                current = d
            } else if c == "十" {
                value += (current == 0 ? 1 : current) * 10
                current = 0
            } else if c == "百" {
                value += (current == 0 ? 1 : current) * 100
                current = 0
            } else if c == "千" {
                value += (current == 0 ? 1 : current) * 1000
                current = 0
            } else {
                break
            }
            index += 1
        }
        value += current
        guard value > 0, index < chars.count else { return nil }
        for unit in numeralUnits where chars.matches(unit, at: index) {
            // 一个 followed by a noun is an amount (一个计算机教室); 个 alone after 一 in 一个体 is not a concern here.
            return ValueToken(range: start..<index + unit.count, value: Double(value), unit: unit)
        }
        return nil
    }

    /// Digits with an optional decimal part.
    static func decimal(_ chars: [Character], at start: Int) -> (Double, Int)? {
        var index = start
        var text = ""
        while index < chars.count, chars[index].isASCIIDigit {
            text.append(chars[index])
            index += 1
        }
        guard !text.isEmpty else { return nil }
        if index + 1 < chars.count, chars[index] == ".", chars[index + 1].isASCIIDigit {
            text.append(".")
            index += 1
            while index < chars.count, chars[index].isASCIIDigit {
                text.append(chars[index])
                index += 1
            }
        }
        guard let value = Double(text) else { return nil }
        return (value, index)
    }

    /// Skips the rest of a code such as 0871-1234567 or 3+1+2.
    static func skipRun(_ chars: [Character], from start: Int) -> Int {
        var index = start
        while index < chars.count, chars[index].isASCIIDigit || chars[index].isASCIILetter || "+-.:/".contains(chars[index]) {
            index += 1
        }
        return index
    }
}
