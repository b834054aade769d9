import DubanCalendar
import DubanCore
import Foundation

extension ImportRun {
    /// The plan period: it ends with the year most 到X年 / X—Y年 / 十四五 expressions end in (ties to the later
    /// year) and opens on the earliest start of a range ending by then (at most ten years before), else two years
    /// before the end.
    mutating func estimateHorizon() {
        var ends: [Int: Int] = [:]
        var spans: [(start: Int, end: Int)] = []
        for line in lines {
            for sentence in Sentence.split(line) {
                for phrase in DatePhrase.find(in: sentence.text, conventions: conventions)
                where phrase.role == .deadline || phrase.role == .scope {
                    guard let reading = phrase.interpretation, let due = reading.due else { continue }
                    let explicitTarget = phrase.text.hasPrefix("到") || phrase.text.hasPrefix("力争到") || reading.windowStart != nil
                    guard explicitTarget else { continue }
                    ends[due.year, default: 0] += 1
                    if let start = reading.windowStart { spans.append((start.year, due.year)) }
                }
            }
        }
        guard let best = ends.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { return }
        let endYear = best.key
        let startYear = spans.filter { $0.end <= endYear && $0.start >= endYear - 10 }.map(\.start).min()
        horizon = DateSpan(start: .startOfYear(startYear ?? endYear - 2), end: .endOfYear(endYear))
        horizonNote = startYear != nil
            ? "止于文中最常见的“到\(endYear)年”,起于最早的时段起点\(startYear!)年 / ends with the most common year, starts with the earliest period"
            : "按文中最常见的“到\(endYear)年”推定,起始年份为估计 / from the most common 到\(endYear)年; start guessed"
    }

    /// Title, issuer, document number and publication date, when the document states them.
    func readMetadata(into plan: inout DraftPlan) {
        for line in lines.prefix(60) {
            let text = line.text.trimmingCharacters(in: .whitespaces)
            if plan.documentNumber == nil, let number = Self.documentNumber(in: text) { plan.documentNumber = number }
            if plan.issuer == nil, text.contains("发布机构") {
                let cells = TableState.cells(text)
                if let at = cells.firstIndex(where: { $0.contains("发布机构") }), at + 1 < cells.count, !cells[at + 1].isEmpty {
                    plan.issuer = cells[at + 1]
                }
            }
            if plan.published == nil {
                let cells = TableState.cells(text)
                if let at = cells.firstIndex(where: { $0.contains("发布日期") || $0.contains("成文日期") }), at + 1 < cells.count,
                    let date = CivilDate(iso: cells[at + 1])
                {
                    plan.published = date
                } else if text.count <= 12, text.hasSuffix("日"),
                    let reading = try? TimeExpression.interpret(text, conventions: conventions), let due = reading.due,
                    reading.windowStart == nil
                {
                    plan.published = due
                }
            }
            if plan.titleGuessed, text.count >= 6, text.count <= 40, !text.contains("。"), !text.contains(","),
                ["计划", "方案", "规划", "意见", "办法", "通知", "要点"].contains(where: { text.hasSuffix($0) })
            {
                plan.title = text
                plan.titleGuessed = false
            }
        }
        if plan.titleGuessed {
            // 制定本方案 after 《…》: the document names what it implements; keep the file name but say so.
            plan.title = options.documentName
        }
    }

    /// 临州教发〔2021〕81号.
    static func documentNumber(in text: String) -> String? {
        let chars = Array(text)
        guard let open = chars.firstIndex(where: { "〔[(".contains($0) }), open >= 2,
            let close = chars[open...].firstIndex(where: { "〕])".contains($0) }), close - open == 5,
            let hao = chars[close...].firstIndex(of: "号"), hao - close <= 5, hao - close >= 2,
            chars[(close + 1)..<hao].allSatisfy(\.isASCIIDigit)
        else { return nil }
        var start = open
        while start > 0, chars[start - 1].isHan { start -= 1 }
        guard open - start >= 2, hao + 1 - start <= 20 else { return nil }
        return String(chars[start...hao])
    }
}
