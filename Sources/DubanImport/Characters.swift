import Foundation

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
    /// A CJK ideograph (the basic block and extension A).
    var isHan: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}

extension Array where Element == Character {
    /// True when `word` occurs at `index`.
    func matches(_ word: String, at index: Int) -> Bool {
        var position = index
        for character in word {
            guard position >= 0, position < count, self[position] == character else { return false }
            position += 1
        }
        return true
    }

    /// The first index at or after `from` where `word` occurs.
    func find(_ word: String, from: Int = 0) -> Int? {
        guard !word.isEmpty else { return nil }
        var index = Swift.max(0, from)
        while index < count {
            if matches(word, at: index) { return index }
            index += 1
        }
        return nil
    }
}

extension String {
    /// The character offset of the first occurrence of `word`, if any.
    func offset(of word: String, from: Int = 0) -> Int? {
        Array(self).find(word, from: from)
    }

    /// Characters `range` (offsets), clamped.
    func slice(_ range: Range<Int>) -> String {
        let chars = Array(self)
        let lower = Swift.max(0, Swift.min(range.lowerBound, chars.count))
        let upper = Swift.max(lower, Swift.min(range.upperBound, chars.count))
        return String(chars[lower..<upper])
    }

    /// True when any of `words` occurs.
    func containsAny(_ words: [String]) -> Bool {
        words.contains { contains($0) }
    }
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
