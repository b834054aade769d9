/// Chinese numerals as plans write them: 十五, 二十, 一百零五, 两, and year digits 二〇二五 / 二零二五.
///
/// Financial forms (壹贰叁…拾佰仟) are read too. Used by `ExpressionNormalizer` to fold numerals to ASCII digits.
enum ChineseNumerals {
    /// The value of a digit character (〇零 = 0 … 九 = 9, 两 = 2), or nil.
    static func digit(_ character: Character) -> Int? {
        switch character {
        case "〇", "零": return 0
        case "一", "壹": return 1
        case "二", "两", "贰", "貳": return 2
        case "三", "叁", "參", "叄": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆", "陸": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    /// The value of a unit character (十 = 10, 百 = 100, 千 = 1000), or nil.
    static func unit(_ character: Character) -> Int? {
        switch character {
        case "十", "拾": return 10
        case "百", "佰": return 100
        case "千", "仟": return 1000
        default: return nil
        }
    }

    /// True for any character a Chinese numeral is made of.
    static func isNumeral(_ character: Character) -> Bool {
        digit(character) != nil || unit(character) != nil
    }

    /// True when `run` has no unit characters (a digit-by-digit number such as 二〇二五).
    static func isDigitSequence(_ run: some Collection<Character>) -> Bool {
        !run.isEmpty && run.allSatisfy { digit($0) != nil }
    }

    /// The longest digit-by-digit run `value(_:)` adds up (二〇二五 has 4); longer runs have no value.
    static let maximumSequenceDigits = 9

    /// The ASCII digits of a digit-by-digit run (二〇二五 → "2025", leading zeros kept), of any length.
    static func asciiDigits(_ run: some Collection<Character>) -> String {
        String(run.compactMap { digit($0).map { Character(String($0)) } })
    }

    /// The value of a numeral run, or nil when it is not a well-formed number.
    ///
    /// Digit sequences longer than `maximumSequenceDigits` return nil (never a value that overflows); runs with
    /// units are at most 九千九百九十九 (千 is the largest unit), so they cannot overflow.
    ///
    /// Digit sequences read digit by digit (二〇二五 → 2025); runs with units read positionally
    /// (十五 → 15, 二十 → 20, 一百零五 → 105, 百 → 100). Malformed runs such as 十四五 (a plan's name, not a
    /// number) return nil.
    static func value(_ run: some Collection<Character>) -> Int? {
        guard !run.isEmpty else { return nil }
        if isDigitSequence(run) {
            guard run.count <= maximumSequenceDigits else { return nil }
            return run.reduce(0) { $0 * 10 + digit($1)! }
        }
        var total = 0
        var pending: Int?
        var lastUnit = Int.max
        var afterZero = false
        for character in run {
            if let d = digit(character) {
                if d == 0 {
                    // 零 is a placeholder between units (一百零五); it may not follow a pending digit.
                    guard pending == nil, lastUnit != Int.max else { return nil }
                    afterZero = true
                    continue
                }
                guard pending == nil else { return nil }
                pending = d
            } else if let u = unit(character) {
                guard u < lastUnit, !afterZero || pending != nil else { return nil }
                let multiplier: Int
                if let pending {
                    multiplier = pending
                } else if total == 0 {
                    multiplier = 1  // 十五, 百所: a leading unit means one of it.
                } else {
                    return nil
                }
                total += multiplier * u
                pending = nil
                lastUnit = u
                afterZero = false
            } else {
                return nil
            }
        }
        if let pending {
            // A trailing digit right after a unit greater than ten (一百五) is ambiguous shorthand; refuse it.
            guard lastUnit == 10 || afterZero || lastUnit == Int.max else { return nil }
            total += pending
        }
        return total
    }
}
