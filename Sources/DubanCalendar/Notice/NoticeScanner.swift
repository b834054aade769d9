/// A read position in a range of a notice's normalized characters, with the few matchers the parser needs.
///
/// Matchers that fail leave the position where it was.
struct NoticeScanner {
    let characters: [Character]
    let end: Int
    var index: Int

    init(_ characters: [Character], range: Range<Int>) {
        self.characters = characters
        self.index = range.lowerBound
        self.end = range.upperBound
    }

    var isAtEnd: Bool { index >= end }

    /// The character at the position, or nil at the end.
    var current: Character? { index < end ? characters[index] : nil }

    /// The character `offset` places ahead, or nil past the end.
    func peek(_ offset: Int) -> Character? {
        index + offset < end ? characters[index + offset] : nil
    }

    mutating func advance(by count: Int = 1) {
        index = min(index + count, end)
    }

    /// Skips white space, line breaks included.
    mutating func skipWhiteSpace() {
        while let character = current, character.isWhitespace { index += 1 }
    }

    /// True when the text at the position starts with `literal`.
    func hasPrefix(_ literal: String) -> Bool {
        var offset = 0
        for character in literal {
            guard peek(offset) == character else { return false }
            offset += 1
        }
        return true
    }

    /// Consumes `literal` if the text at the position starts with it.
    mutating func consume(_ literal: String) -> Bool {
        guard hasPrefix(literal) else { return false }
        advance(by: literal.count)
        return true
    }

    /// Consumes 1 to `maxCount` ASCII digits (`maxCount` at most 9) and returns their value; nil (consuming
    /// nothing) when there are none or more than `maxCount`. The run is measured before it is added up, so a long
    /// run of digits is refused, never overflows.
    mutating func consumeDigits(maxCount: Int) -> Int? {
        var stop = index
        while stop < end, NoticeScanner.digitValue(characters[stop]) != nil { stop += 1 }
        let count = stop - index
        guard count > 0, count <= min(maxCount, 9) else { return nil }
        var value = 0
        while index < stop {
            value = value * 10 + NoticeScanner.digitValue(characters[index])!
            index += 1
        }
        return value
    }

    /// Consumes a number written in Chinese: 十一, 二十八, 三十一, or digit by digit as in 二〇二五.
    mutating func consumeChineseNumber() -> Int? {
        var digits: [Int?] = []
        while let character = current {
            if character == "十" {
                digits.append(nil)
            } else if let digit = NoticeText.chineseDigit(character) {
                digits.append(digit)
            } else {
                break
            }
            index += 1
        }
        guard !digits.isEmpty else { return nil }
        let tens = digits.firstIndex(where: { $0 == nil })
        guard let tens else {
            // Digit by digit (二〇二五): a year at most; a longer run is no number of a notice.
            guard digits.count <= 4 else {
                index -= digits.count
                return nil
            }
            return digits.reduce(0) { $0 * 10 + ($1 ?? 0) }
        }
        // 十, 十X, X十, X十Y: at most one digit either side of 十.
        let before = digits[..<tens]
        let after = digits[(tens + 1)...]
        guard before.count <= 1, after.count <= 1, !after.contains(where: { $0 == nil }) else {
            index -= digits.count
            return nil
        }
        return ((before.first ?? 1) ?? 1) * 10 + ((after.first ?? 0) ?? 0)
    }

    /// 0–9 for an ASCII digit, nil otherwise.
    static func digitValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }

    /// Runs `body`; if it returns nil, restores the position.
    mutating func attempt<T>(_ body: (inout NoticeScanner) -> T?) -> T? {
        let saved = index
        if let result = body(&self) { return result }
        index = saved
        return nil
    }
}
