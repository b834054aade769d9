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

/// A sentence of a line: split on 。;！？ (and their ASCII forms), with its clauses split on commas.
struct Sentence {
    let line: Int
    /// Offsets into the line.
    let range: Range<Int>
    /// Folded text of the sentence.
    let text: String
    let clauses: [Clause]
    /// The character that ended it (。 or ;), nil at the end of the line.
    var terminator: Character? = nil

    /// Splits a line's folded characters into sentences and clauses. Brackets are respected: a comma inside
    /// (…) or 《…》 does not end a clause.
    static func split(_ line: SourceLine) -> [Sentence] {
        var sentences: [Sentence] = []
        var clauses: [Clause] = []
        var sentenceStart = 0
        var clauseStart = 0
        var depth = 0
        let chars = line.folded
        func closeClause(_ end: Int) {
            if end > clauseStart {
                clauses.append(Clause(range: clauseStart..<end, text: String(chars[clauseStart..<end])))
            }
            clauseStart = end + 1
        }
        func closeSentence(_ end: Int) {
            closeClause(end)
            let text = String(chars[sentenceStart..<end]).trimmingCharacters(in: .whitespaces)
            if !text.isEmpty {
                sentences.append(
                    Sentence(
                        line: line.number, range: sentenceStart..<end, text: text, clauses: clauses,
                        terminator: end < chars.count ? chars[end] : nil))
            }
            clauses = []
            sentenceStart = end + 1
            clauseStart = end + 1
        }
        for (index, character) in chars.enumerated() {
            switch character {
            case "(", "《", "[", "【", "〔": depth += 1
            case ")", "》", "]", "】", "〕": depth = max(0, depth - 1)
            case "。", ";", "!", "?", "；":
                closeSentence(index)
                depth = 0
            case ",", "，":
                if depth == 0 { closeClause(index) }
            default: break
            }
        }
        closeSentence(chars.count)
        return sentences
    }
}

/// A comma-separated piece of a sentence.
struct Clause {
    /// Offsets into the line.
    let range: Range<Int>
    /// Folded text.
    let text: String
}

extension String {
    /// Trims the characters in `set`.
    func trimmingCharacters(in set: CharacterSetLite) -> String {
        var characters = Substring(self)
        while let first = characters.first, set.contains(first) { characters = characters.dropFirst() }
        while let last = characters.last, set.contains(last) { characters = characters.dropLast() }
        return String(characters)
    }
}

/// A tiny character set (Foundation's CharacterSet works on scalars, not Characters).
struct CharacterSetLite {
    let characters: Set<Character>

    func contains(_ character: Character) -> Bool { characters.contains(character) }

    static let whitespaces = CharacterSetLite(characters: [" ", "\t", "\u{3000}"])
    static let separators = CharacterSetLite(characters: [" ", "\t", ",", "。", ";", "、", ":", "!", "?"])
}
