import Foundation

/// RFC 2047 "B" encoded words in UTF-8: `=?UTF-8?B?…?=`.
///
/// Text is cut between characters (extended grapheme clusters, or Unicode scalars when one cluster alone is too
/// long), never inside a UTF-8 sequence, so every word decodes to valid UTF-8 on its own as RFC 2047 §5 asks.
public enum EncodedWord {
    /// The longest encoded word RFC 2047 §2 allows.
    public static let maximumLength = 75
    static let prefix = "=?UTF-8?B?"
    static let suffix = "?="
    /// `=?UTF-8?B?` and `?=`.
    static let overhead = prefix.count + suffix.count

    /// Whether `text` can go into a header as it is: printable ASCII and spaces only, no `=?` that a reader would
    /// take for an encoded word, and no word longer than `longestWord`.
    public static func isPlain(_ text: String, longestWord: Int = 70) -> Bool {
        guard text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }), !text.contains("=?") else {
            return false
        }
        return text.split(separator: " ").allSatisfy { $0.count <= longestWord }
    }

    /// How many UTF-8 bytes fit in an encoded word of at most `length` characters (0 when not even one byte fits).
    public static func payloadBytes(fittingIn length: Int) -> Int {
        let usable = min(length, maximumLength) - overhead
        return usable < 4 ? 0 : (usable / 4) * 3
    }

    /// Encodes `bytes` (a whole number of characters) as one word.
    public static func word(for bytes: some Collection<UInt8>) -> String {
        prefix + Data(bytes).base64EncodedString() + suffix
    }

    /// Splits `text` into words, the first at most `firstLength` characters long and the others at most
    /// `otherLength` (both capped at ``maximumLength``). A first length too small for one character yields an
    /// empty first word slot: the result's first element is then the empty string, meaning "start on the next
    /// line".
    public static func encode(_ text: String, firstLength: Int = maximumLength, otherLength: Int = maximumLength)
        -> [String]
    {
        var words: [String] = []
        var budget = payloadBytes(fittingIn: firstLength)
        let otherBudget = max(payloadBytes(fittingIn: otherLength), 3)
        var chunk: [UInt8] = []
        func flush() {
            if chunk.isEmpty {
                // Not even the next piece fitted the first slot: signal a line break.
                if words.isEmpty { words.append("") }
            } else {
                words.append(word(for: chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            budget = otherBudget
        }
        for piece in pieces(of: text, maximumBytes: otherBudget) {
            if chunk.count + piece.count > budget { flush() }
            chunk.append(contentsOf: piece)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(for: chunk)) }
        return words
    }

    /// The UTF-8 bytes of each character of `text`; a character longer than `maximumBytes` (a long emoji
    /// sequence, say) is cut into its Unicode scalars instead.
    static func pieces(of text: String, maximumBytes: Int) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if bytes.count <= maximumBytes {
                pieces.append(bytes)
            } else {
                for scalar in character.unicodeScalars { pieces.append(Array(String(scalar).utf8)) }
            }
        }
        return pieces
    }
}
