import Foundation

/// A heading or numbered item at the start of a line: 第一章/第一部分 (level 0), 一、 (1), (一) (2), 1. or 1、 (3),
/// (1) (4). `standalone` is true when the line is only the heading (short, no sentence after it).
struct Heading {
    var level: Int
    /// The heading's words without the number.
    var title: String
    var standalone: Bool

    static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇", "零"]
    /// Words that mark a section about the past or the situation, not about what to do.
    static let retrospectiveWords = [
        "发展基础", "发展现状", "现状", "主要成就", "工作回顾", "回顾", "形势", "挑战", "面临的困难", "存在问题", "主要问题",
        "取得的成绩", "发展成就",
    ]

    var isRetrospective: Bool { Self.retrospectiveWords.contains { title.contains($0) } }

    static func parse(_ text: String) -> Heading? {
        let chars = Array(text)
        var level: Int
        var index = 0
        if chars.first == "第", let end = chars.firstIndex(where: { "章部节篇".contains($0) }), end <= 5,
            chars[1..<end].allSatisfy({ numerals.contains($0) || $0.isASCIIDigit })
        {
            level = 0
            index = end + 1
            if chars.matches("分", at: index) { index += 1 }
        } else if let end = chars.firstIndex(of: "、"), end >= 1, end <= 3, chars[0..<end].allSatisfy({ numerals.contains($0) }) {
            level = 1
            index = end + 1
        } else if chars.first == "(", let close = chars.firstIndex(of: ")"), close >= 2, close <= 4,
            chars[1..<close].allSatisfy({ numerals.contains($0) })
        {
            level = 2
            index = close + 1
        } else if chars.first == "(", let close = chars.firstIndex(of: ")"), close >= 2, close <= 3,
            chars[1..<close].allSatisfy(\.isASCIIDigit)
        {
            level = 4
            index = close + 1
        } else if let first = chars.first, first.isASCIIDigit {
            var end = 0
            while end < chars.count, chars[end].isASCIIDigit { end += 1 }
            guard end <= 2, end < chars.count, ".、".contains(chars[end]),
                end + 1 < chars.count, !chars[end + 1].isASCIIDigit
            else { return nil }
            level = 3
            index = end + 1
        } else {
            return nil
        }
        let rest = String(chars[index...]).trimmingCharacters(in: .separators)
        let sentenceEnd = rest.firstIndex(where: { "。;".contains($0) })
        let title = sentenceEnd.map { String(rest[..<$0]) } ?? rest
        let standalone = rest.count <= 30 && (sentenceEnd == nil || rest.index(after: sentenceEnd!) == rest.endIndex)
            && !rest.contains(",") && !rest.contains(":")
        return Heading(level: level, title: title, standalone: standalone)
    }
}

/// The label before a task's deadline: 完成时限:2024年底。
struct CompletionLabel {
    /// Offset of the label in the line.
    var labelStart: Int
    /// Offsets of the time expression after the label (up to 。 or the end of the line).
    var expression: Range<Int>
    var text: String

    static let labels = ["完成时限", "完成时间", "时间节点", "时限要求", "截止时间", "完成期限", "办结时限"]

    static func find(in text: String) -> CompletionLabel? {
        let chars = Array(text)
        for label in labels {
            guard let at = chars.find(label) else { continue }
            var start = at + label.count
            guard start < chars.count, ":".contains(chars[start]) || chars[start] == " " else { continue }
            start += 1
            var end = start
            while end < chars.count, !"。;".contains(chars[end]) { end += 1 }
            // Another label after it (责任单位:…) ends the expression.
            let expression = String(chars[start..<end])
            var cut = expression.count
            for other in OwnerFinder.labels { if let o = expression.offset(of: other) { cut = min(cut, o) } }
            let trimmed = expression.slice(0..<cut).trimmingCharacters(in: .separators)
            guard !trimmed.isEmpty else { continue }
            return CompletionLabel(labelStart: at, expression: start..<(start + cut), text: trimmed)
        }
        return nil
    }
}
