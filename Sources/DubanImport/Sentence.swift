import Foundation

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
