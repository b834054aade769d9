/// A cursor over a normalized time expression, for the recursive-descent reader in `ExpressionParser`.
///
/// A value type: a parser copies it to try an alternative and assigns the copy back only when it matches.
struct ExpressionScanner {
    let characters: [Character]
    var index: Int

    init(_ text: String) {
        self.characters = Array(text)
        self.index = 0
    }

    init(_ characters: ArraySlice<Character>) {
        self.characters = Array(characters)
        self.index = 0
    }

    /// True when everything has been consumed.
    var atEnd: Bool { index >= characters.count }

    /// What is left, as a string.
    var rest: String { String(characters[min(index, characters.count)...]) }

    /// The characters left.
    var remaining: ArraySlice<Character> { characters[min(index, characters.count)...] }

    /// The next character, if any.
    var next: Character? { index < characters.count ? characters[index] : nil }

    /// True when the text at the cursor starts with `literal`.
    func sees(_ literal: String) -> Bool {
        var position = index
        for character in literal {
            guard position < characters.count, characters[position] == character else { return false }
            position += 1
        }
        return true
    }

    /// Consumes `literal` when the text at the cursor starts with it.
    mutating func take(_ literal: String) -> Bool {
        guard sees(literal) else { return false }
        index += literal.count
        return true
    }

    /// Consumes the first of `literals` the text starts with (list longer words first) and returns it.
    mutating func take(anyOf literals: [String]) -> String? {
        for literal in literals where take(literal) {
            return literal
        }
        return nil
    }

    /// Consumes a run of ASCII digits and returns its value and length; nil (consuming nothing) when there is no
    /// digit here or the run is longer than `maxDigits` (at most 9, so the value never overflows). The run is
    /// measured before any arithmetic: a 20-digit typo is refused, not added up.
    mutating func number(maxDigits: Int = 9) -> (value: Int, digits: Int)? {
        let limit = min(maxDigits, ExpressionScanner.maximumNumberDigits)
        var end = index
        while end < characters.count, characters[end].isASCIIDigitCharacter { end += 1 }
        let digits = end - index
        guard digits > 0, digits <= limit else { return nil }
        var value = 0
        for character in characters[index..<end] {
            value = value * 10 + Int(character.asciiValue! - 48)
        }
        index = end
        return (value, digits)
    }

    /// The longest digit run `number(maxDigits:)` ever adds up.
    static let maximumNumberDigits = 9

    /// The digit runs of `characters`: where each starts and how long it is.
    static func digitRuns(_ characters: [Character]) -> [(start: Int, length: Int)] {
        var runs: [(Int, Int)] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCIIDigitCharacter else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isASCIIDigitCharacter { end += 1 }
            runs.append((index, end - index))
            index = end
        }
        return runs
    }

    /// The index of the first occurrence of `literal` at or after the cursor, if any.
    func find(_ literal: String) -> Int? {
        let target = Array(literal)
        guard !target.isEmpty, characters.count >= target.count else { return nil }
        var position = index
        while position + target.count <= characters.count {
            if characters[position..<position + target.count].elementsEqual(target) { return position }
            position += 1
        }
        return nil
    }

    /// True when the rest contains an ASCII digit.
    var restHasDigit: Bool { remaining.contains { $0.isASCIIDigitCharacter } }
}

extension Character {
    /// True for the ASCII digits 0–9 (and not for other scripts' digits or ０-９ before folding).
    var isASCIIDigitCharacter: Bool { isASCII && isWholeNumber }
}
