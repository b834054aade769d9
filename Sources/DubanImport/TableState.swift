import DubanCalendar
import Foundation

/// A table being read: its caption's date and what its rows are.
struct TableState {
    enum Kind {
        /// Indicator rows (指标, 目标): each row a target.
        case indicators
        /// Project rows (项目): each row a deadline over the caption's period.
        case projects
        /// Task rows with a deadline column (序号 | 工作任务 | 责任单位 | 完成时限): each row a deadline of its own.
        case tasks
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

    /// Header words of a deadline column.
    static let deadlineHeaders = ["完成时限", "完成时间", "时间节点", "时限要求", "截止时间", "完成期限", "时限", "时间安排"]
    /// Header words of an owner column.
    static let ownerHeaders = ["牵头单位", "责任单位", "责任部门", "主责单位", "承办单位", "实施单位", "负责单位"]
    /// Header words of a task column.
    static let taskHeaders = ["工作任务", "重点任务", "主要任务", "任务", "工作内容", "内容", "事项", "措施"]

    /// The column of the deadline, when the header has one.
    var deadlineColumn: Int? { column(Self.deadlineHeaders) }
    /// The column of the owners, when the header has one.
    var ownerColumn: Int? { column(Self.ownerHeaders) }
    /// The column of the task, when the header has one.
    var taskColumn: Int? { column(Self.taskHeaders) }

    func column(_ words: [String]) -> Int? {
        guard let header else { return nil }
        for word in words {
            if let index = header.firstIndex(where: { $0.contains(word) }) { return index }
        }
        return nil
    }

    /// A table with no caption, started by its header row.
    static func uncaptioned(line: Int) -> TableState {
        TableState(captionLine: line, caption: "")
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
        if deadlineColumn != nil {
            kind = .tasks
        } else if date == nil {
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
