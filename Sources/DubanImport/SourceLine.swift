import Foundation

/// One line of a document, folded for reading and kept as written for quotes.
///
/// Folding maps one character to one character (full-width ASCII to ASCII, the ideographic space to a space), so an
/// offset into `folded` is the same offset into `original`: every quote is a verbatim piece of the source line.
struct SourceLine {
    /// 1-based line number.
    let number: Int
    let original: [Character]
    let folded: [Character]

    init(number: Int, text: String) {
        self.number = number
        self.original = Array(text)
        self.folded = original.map(SourceLine.fold)
    }

    /// The folded text.
    var text: String { String(folded) }

    /// Full-width ASCII (０-９, ，：（）…) to ASCII; the ideographic space to a space.
    static func fold(_ character: Character) -> Character {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return character }
        if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
            return Character(ascii)
        }
        if scalar.value == 0x3000 { return " " }
        return character
    }

    /// A verbatim quote of `range` (offsets into the line), trimmed of separators and cut to `limit` characters.
    func quote(_ range: Range<Int>, limit: Int = 60) -> String {
        var lower = max(0, range.lowerBound)
        var upper = min(original.count, range.upperBound)
        let trim: Set<Character> = [" ", ",", "，", "。", ";", "；", "、", ":", "："]
        while lower < upper, trim.contains(original[lower]) { lower += 1 }
        while upper > lower, trim.contains(original[upper - 1]) { upper -= 1 }
        if upper - lower > limit { upper = lower + limit }
        return String(original[lower..<upper])
    }
}
