import DubanCalendar
import Foundation

/// A table being read: its caption's date and what its rows are.
struct TableState {
    enum Kind {
        /// Indicator rows (指标, 目标): each row a target.
        case indicators
        /// Project rows (项目): each row a deadline over the caption's period.
        case projects
        /// Statistics or anything else: skipped.
        case other
    }

    var captionLine: Int
    var caption: String
    var date: TimeInterpretation?
    var dateText: String?
    var header: [String]?
    var kind: Kind = .other

    /// A caption line: 表2:2026年主要指标.
    static func caption(_ text: String, conventions: TimeConventions) -> TableState? {
        let chars = Array(text)
        guard chars.first == "表", chars.count > 2, chars.count <= 60,
            chars[1].isASCIIDigit || Heading.numerals.contains(chars[1])
        else { return nil }
        var state = TableState(captionLine: 0, caption: text)
        if let phrase = DatePhrase.find(in: text, conventions: conventions).first(where: { $0.interpretation?.due != nil }) {
            state.date = phrase.interpretation
            state.dateText = phrase.text
        } else if let range = ["“十四五”", "十四五"].first(where: { text.contains($0) }) {
            state.date = try? TimeExpression.interpret(range + "期间", conventions: conventions)
            state.dateText = range
        }
        return state
    }

    /// Splits a row into trimmed cells (empty trailing cells dropped).
    static func cells(_ text: String) -> [String] {
        var cells = text.split(separator: "|", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        while let last = cells.last, last.isEmpty { cells.removeLast() }
        return cells
    }

    /// Reads the header row and decides what the rows are.
    mutating func readHeader(_ cells: [String]) {
        header = cells
        let joined = cells.joined()
        if date == nil {
            kind = .other
        } else if joined.contains("目标") || joined.contains("指标") {
            kind = .indicators
        } else if joined.contains("项目") {
            kind = .projects
        } else {
            kind = .other
        }
    }
}
