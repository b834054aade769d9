import Foundation

/// One header field, written and folded so that no line exceeds ``HeaderField/lineLimit`` characters (76, the
/// limit RFC 2047 §2 sets for lines holding encoded words; RFC 5322 recommends 78) unless a single plain word is
/// itself longer.
public struct HeaderField: Hashable, Sendable {
    /// The longest line written, counting the header name and the leading space of a continuation line.
    public static let lineLimit = 76

    public var name: String
    var tokens: [HeaderToken]

    init(name: String, tokens: [HeaderToken]) {
        self.name = name
        self.tokens = tokens
    }

    /// A field whose value is written as it is (ASCII: dates, message ids, MIME parameters), folded at spaces.
    public static func raw(_ name: String, _ value: String) -> HeaderField {
        HeaderField(name: name, tokens: value.split(separator: " ").map { .atom(String($0)) })
    }

    /// An unstructured field (`Subject`): plain when it is printable ASCII, else RFC 2047 encoded words.
    public static func text(_ name: String, _ value: String) -> HeaderField {
        HeaderField(name: name, tokens: [.text(value)])
    }

    /// An address-list field (`From`, `To`, `Reply-To`).
    public static func addresses(_ name: String, _ mailboxes: [MailAddress]) -> HeaderField {
        HeaderField(name: name, tokens: MailAddress.tokens(mailboxes))
    }

    /// The field as lines without their CRLF: `Name: value`, continuation lines starting with a space.
    public func lines() -> [String] {
        var lines: [String] = []
        var line = name + ":"
        var lineHasWord = false
        func fold() {
            lines.append(line)
            line = ""
            lineHasWord = false
        }
        /// Appends `word` after a space, folding first when it would overflow a line that already holds a word.
        func place(_ word: String) {
            if lineHasWord, line.count + 1 + word.count > Self.lineLimit { fold() }
            line += " " + word
            lineHasWord = true
        }
        for token in tokens {
            token.plainWords.forEach(place)
            guard let encoded = token.encodedText else { continue }
            let room = Self.lineLimit - line.count - 1
            let words = EncodedWord.encode(encoded, firstLength: room, otherLength: Self.lineLimit - 1)
            for word in words {
                if word.isEmpty { fold() } else { place(word) }
            }
        }
        lines.append(line)
        return lines
    }
}

/// A piece of a header value.
enum HeaderToken: Hashable, Sendable {
    /// A word written as it is.
    case atom(String)
    /// A display name: atoms when it is plain, a quoted string when it holds specials, else encoded words.
    case phrase(String)
    /// Unstructured text: its words when plain, else encoded words.
    case text(String)

    /// Characters allowed in an RFC 5322 `atom` besides letters and digits.
    static let atomSpecials = Set("!#$%&'*+-/=?^_`{|}~")

    /// The plain words this token writes (empty when it is encoded).
    var plainWords: [String] {
        switch self {
        case .atom(let word):
            return [word]
        case .text(let text):
            return EncodedWord.isPlain(text) ? text.split(separator: " ").map(String.init) : []
        case .phrase(let name):
            guard EncodedWord.isPlain(name) else { return [] }
            let words = name.split(separator: " ").map(String.init)
            let atoms = words.allSatisfy { word in
                word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || Self.atomSpecials.contains($0)) }
            }
            if atoms { return words }
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return ["\"" + escaped + "\""]
        }
    }

    /// The text to write as encoded words, when this token needs them.
    var encodedText: String? {
        switch self {
        case .atom: return nil
        case .text(let text), .phrase(let text): return EncodedWord.isPlain(text) ? nil : text
        }
    }
}
