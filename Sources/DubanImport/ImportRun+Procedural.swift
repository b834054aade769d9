import DubanCalendar
import DubanCore
import Foundation

extension ImportRun {
    /// Limits counted from an event: N个工作日内 (with 之日起 trigger and 延长 extension), 当场, N个月内, N日内,
    /// N年内不得, 限期.
    @discardableResult
    mutating func readProcedural(_ sentence: Sentence, in line: SourceLine) -> Set<Int> {
        var sawOnTheSpot = false
        var used: Set<Int> = []
        for (clauseIndex, clause) in sentence.clauses.enumerated() {
            let itemsBefore = items.count
            defer { if items.count > itemsBefore { used.insert(clauseIndex) } }
            let text = clause.text
            let chars = Array(text)
            if let at = chars.find("工作日"), let (count, _) = Self.countBefore(chars, at: at) {
                if text.contains("延长") || sentence.text.slice(0..<max(0, clause.range.lowerBound - sentence.range.lowerBound)).hasSuffix("延长")
                    || chars.find("延长") != nil
                {
                    if let index = items.lastIndex(where: { $0.kind == .procedural && $0.limit?.unit == .workingDays && ($0.limit?.count ?? 0) > 0 }),
                        items[index].line >= line.number - 3
                    {
                        items[index].limit?.extensionCount = count
                        items[index].alsoCovers.append(SourceSpan(line: line.number, quote: line.quote(clause.range)))
                        used.insert(clauseIndex)
                        continue
                    }
                }
                var item = DraftItem(
                    kind: .procedural, title: Self.shortTitle(text), line: line.number, quote: line.quote(clause.range),
                    dueText: "\(count)个工作日", limit: ProceduralLimit(count: count, unit: .workingDays))
                item.trigger = Self.trigger(in: text)
                add(item, subject: OwnerFinder.subject(of: text))
                continue
            }
            if !sawOnTheSpot, let at = chars.find("当场"), !text.slice(max(0, at - 2)..<at).contains("不"),
                ["答复", "办理", "受理", "告知"].contains(where: { text.contains($0) })
            {
                sawOnTheSpot = true
                add(
                    DraftItem(
                        kind: .procedural, title: Self.shortTitle(text), line: line.number, quote: line.quote(clause.range),
                        dueText: "当场", limit: ProceduralLimit(count: 0, unit: .workingDays)),
                    subject: OwnerFinder.subject(of: text))
                continue
            }
            for (word, unit, factor) in [("个月内", LimitUnit.months, 1), ("月内", .months, 1), ("日内", .calendarDays, 1), ("天内", .calendarDays, 1), ("年内", .months, 12)] {
                guard let at = chars.find(word), let (count, _) = Self.countBefore(chars, at: at) else { continue }
                if word == "年内", !text.contains("不得") { continue }
                if word == "日内", at > 0, chars[at - 1] == "作" { continue }
                add(
                    DraftItem(
                        kind: .procedural, title: Self.shortTitle(text), line: line.number, quote: line.quote(clause.range),
                        dueText: String(chars[max(0, at - String(count).count - 1)..<at + word.count]),
                        limit: ProceduralLimit(count: count * factor, unit: unit),
                        flags: unit == .months && factor == 12 ? ["“\(count)年内”按\(count * 12)个月计 / read as \(count * 12) months"] : []),
                    subject: OwnerFinder.subject(of: text))
                break
            }
            if text.contains("限期") {
                add(
                    DraftItem(
                        kind: .procedural, title: Self.shortTitle(text), line: line.number, quote: line.quote(clause.range),
                        dueText: "限期", flags: ["原文“限期”未写明时限,请填写 / 限期 states no limit; fill one in"]),
                    subject: OwnerFinder.subject(of: text))
            }
        }
        return used
    }

    /// The count before `at` (15个工作日 → 15; 一个月 → 1), skipping 个.
    static func countBefore(_ chars: [Character], at: Int) -> (Int, Int)? {
        var end = at
        if end > 0, chars[end - 1] == "个" { end -= 1 }
        var start = end
        while start > 0, chars[start - 1].isASCIIDigit { start -= 1 }
        if start < end, let value = Int(String(chars[start..<end])) { return (value, start) }
        let numerals: [Character: Int] = ["一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
        if end > 0, let value = numerals[chars[end - 1]] {
            if end > 1, chars[end - 2] == "十" { return (10 + value, end - 2) }
            return (value, end - 1)
        }
        return nil
    }

    /// The event a limit counts from: 自受理之日起 → 收到申请.
    static func trigger(in text: String) -> String? {
        guard let end = text.offset(of: "之日起") ?? text.offset(of: "后") else { return nil }
        let head = text.slice(0..<end)
        let starts = ["自", "从", "在"].compactMap { word in Array(head).lastIndex(of: Character(word)) }
        let start = (starts.max() ?? -1) + 1
        let trigger = head.slice(start..<head.count).trimmingCharacters(in: .separators)
        return trigger.isEmpty || trigger.count > 20 ? nil : trigger
    }
}
