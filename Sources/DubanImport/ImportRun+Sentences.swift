import DubanCalendar
import DubanCore
import Foundation

/// The date an item inherits from its context.
struct ContextDate {
    var due: CivilDate?
    var text: String?
    var windowStart: CivilDate?
    /// True when the date was not written in the item's own sentence or task.
    var implied: Bool
    /// True when the sentence or task states the date itself (not a horizon fallback).
    var stated: Bool
}

extension ImportRun {
    /// Verbs and comparators that make an amount a goal (建成2所, 达到98%, 不低于30%).
    static let goalWords = [
        "达到", "到达", "达", "保持在", "稳定在", "巩固在", "提高到", "提高至", "提升到", "提升至", "增加到", "增至", "不低于",
        "不少于", "不小于", "不超过", "不高于", "低于", "超过", "至少", "控制在", "创建", "建成", "建设", "新建", "改扩建",
        "培育", "认定", "遴选", "打造", "配备", "实施", "新增", "培树", "建好", "设置", "联系", "举办", "开展", "覆盖", "完成",
        "实现", "计划", "规划", "占", "组建", "培养", "招聘", "补充", "达标", "培训", "选派", "资助", "为", "提高", "提升",
        "增加", "接近",
    ]
    /// Comparators of a standing standard that holds without a date (比例不低于30%).
    static let standingWords = ["不低于", "不少于", "不小于", "不超过", "不高于"]
    /// Words that end a clause's goal with a completed deliverable (全面完成, 建成).
    static let strongCompletion = ["全面完成", "完成", "基本建成", "建成", "全面启动", "启动"]
    /// Deliverables of a 工作任务 (制定…方案).
    static let deliverableVerbs = [
        "制定", "建立", "出台", "组建", "启动", "开发", "完成", "建设", "编制", "印发", "落实", "开通", "创建", "新建", "改建",
        "建成", "修订",
    ]
    /// Words of a clause about the past or the present state, not a goal.
    static let retrospectiveWords = [
        "目前", "截至", "截止", "已经", "已建成", "已有", "已达到", "已实现", "已完成", "已形成", "现有学校", "现有教师", "共有",
        "累计建成", "过去", "以来", "曾",
    ]
    /// Words that make a sentence hold a time-like expression, for the unmapped list.
    static let timeWords = [
        "年底", "年初", "年中", "年末", "月底", "月前", "上半年", "下半年", "学期", "学年", "工作日", "年内", "月内", "日内", "每年",
        "每月", "每周", "每季度", "每天", "年度", "定期", "尽快", "早日", "限期", "中期", "期间", "年后", "周期",
    ]

    // MARK: - 工作任务 with 完成时限

    /// A task line: `1.建立县级资源库。完成时限:2024年底。`
    mutating func readTaskWithDeadline(_ line: SourceLine, label: CompletionLabel) {
        let reading = try? TimeExpression.interpret(label.text, conventions: conventions)
        let labelQuote = line.quote(label.labelStart..<label.expression.upperBound)
        let clauses = Sentence.split(line).flatMap(\.clauses).filter { $0.range.upperBound <= label.labelStart }
        let taskClauses = clauses.map { clause -> Clause in
            var text = clause.text
            var start = clause.range.lowerBound
            for prefix in ["工作任务:", "工作任务"] where text.hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count))
                start += prefix.count
            }
            if let heading = Heading.parse(text), heading.level >= 3 {
                let dropped = text.count - heading.title.count
                if dropped > 0, text.hasSuffix(heading.title) || text.contains(heading.title) {
                    let offset = text.offset(of: heading.title) ?? 0
                    text = text.slice(offset..<text.count)
                    start += offset
                }
            }
            return Clause(range: start..<clause.range.upperBound, text: text)
        }.filter { !$0.text.isEmpty }
        let title = Self.shortTitle(taskClauses.first.map { $0.text } ?? labelQuote)
        let subject = taskClauses.first.map { OwnerFinder.subject(of: $0.text) } ?? []
        let quote = line.quote((taskClauses.first?.range.lowerBound ?? 0)..<label.labelStart)
        guard let reading else {
            add(
                DraftItem(
                    kind: .deadline, title: title, line: line.number, quote: quote, dueText: label.text,
                    flags: ["完成时限“\(label.text)”无法识别,请填写日期 / cannot read the deadline; fill in a date"]),
                subject: subject)
            unmapped.append(UnmappedSentence(line: line.number, text: Self.cut(labelQuote, 80), expressions: [label.text]))
            return
        }
        if reading.ongoing {
            add(DraftItem(kind: .ongoing, title: title, line: line.number, quote: labelQuote, dueText: label.text), subject: subject)
            return
        }
        let date = ContextDate(due: reading.due, text: label.text, windowStart: reading.windowStart, implied: false, stated: true)
        var made = 0
        var plainClauses: [Clause] = []
        let sentenceText = taskClauses.map(\.text).joined(separator: ",")
        var state = AmountState(sentence: sentenceText)
        state.statedDate = true
        for clause in taskClauses {
            let found = readClause(clause, line: line, date: date, state: &state, subject: subject)
            made += found
            if found == 0 { plainClauses.append(clause) }
        }
        let deliverable = plainClauses.contains { clause in
            Self.deliverableVerbs.contains { clause.text.contains($0) } && AmountState.cycle(in: clause.text).0 == nil
        }
        if made == 0 || deliverable {
            add(
                DraftItem(
                    kind: .deadline, title: title, line: line.number, quote: quote, dueText: label.text, due: reading.due,
                    windowStart: reading.windowStart),
                subject: subject)
        }
    }

    // MARK: - Sentences

    mutating func readSentence(
        _ sentence: Sentence, in line: SourceLine, lineDate: inout DatePhrase?, breakdown inherited: inout Bool
    ) {
        let before = items.count
        let phrases = DatePhrase.find(in: sentence.text, conventions: conventions)
        let deadline = phrases.first { $0.role == .deadline }
        let start = phrases.first { $0.role == .start }
        let relative = Self.relativeDate(sentence.text)
        if let deadline, deadline.opensSentence || lineDate == nil { lineDate = deadline }
        var date: ContextDate
        if let deadline, let due = deadline.interpretation?.due {
            date = ContextDate(
                due: due, text: deadline.text, windowStart: deadline.interpretation?.windowStart, implied: false, stated: true)
        } else if relative != nil, let end = horizon?.end {
            date = ContextDate(due: end, text: relative, windowStart: nil, implied: true, stated: true)
        } else {
            let (due, text, windowStart) = impliedDue(lineDate)
            date = ContextDate(due: due, text: text, windowStart: windowStart, implied: true, stated: false)
        }
        let inheritsDate = lineDate != nil && deadline == nil
        // 其中,小学项目12个,投资8.86亿元;义务教育…: a breakdown of a total, carried over ';'.
        let breakdown = sentence.text.hasPrefix("其中") || inherited
        inherited = breakdown && sentence.terminator == ";"
        var state = AmountState(sentence: sentence.text)
        state.statedDate = deadline != nil && Self.fiveYearCommitment(sentence.text, deadline)
        state.firstItem = before
        var targetClauses = 0
        var completionClauses: [Clause] = []
        let limitClauses = readProcedural(sentence, in: line)
        for (clauseIndex, clause) in sentence.clauses.enumerated() {
            if limitClauses.contains(clauseIndex) { continue }
            let subject = OwnerFinder.subject(of: clause.text)
            if let start, let windowStart = start.interpretation?.windowStart, clause.text.contains(start.text) {
                add(
                    DraftItem(
                        kind: .ongoing, title: Self.shortTitle(Self.removing(start.text, from: clause.text)),
                        line: line.number, quote: line.quote(clause.range), dueText: start.text, windowStart: windowStart),
                    subject: subject)
                continue
            }
            if readOngoing(clause, line: line, subject: subject) { continue }
            _ = readVague(clause, line: line, subject: subject)
            var found = 0
            if !breakdown {
                found = readClause(clause, line: line, date: date, state: &state, subject: subject)
            }
            if found > 0 {
                targetClauses += 1
            } else if Self.strongCompletion.contains(where: { clause.text.contains($0) }),
                !clause.text.contains("已"), !Self.retrospectiveWords.contains(where: { clause.text.contains($0) }),
                AmountState.cycle(in: clause.text).0 == nil
            {
                completionClauses.append(clause)
            }
        }
        let hasStatedDate = deadline != nil || relative != nil
        if hasStatedDate || inheritsDate, date.due != nil {
            // Qualitative goals: a dated sentence without amounts is one deadline; clauses that complete something
            // are deadlines of their own.
            let datedScope = deadline.map { !($0.text.hasPrefix("在") && sentence.text.contains("发展期间")) } ?? true
            if targetClauses == 0, items.count == before, hasStatedDate, datedScope, Self.fiveYearCommitment(sentence.text, deadline) {
                // The clause holding the date, or the one after it when the date stands alone (到2026年,…).
                let written = deadline?.text ?? relative ?? ""
                let dateIndex = sentence.clauses.firstIndex { $0.text.contains(written) } ?? 0
                var mainIndex = dateIndex
                if Self.removing(written, from: sentence.clauses[dateIndex].text).count <= 1, dateIndex + 1 < sentence.clauses.count {
                    mainIndex = dateIndex + 1
                }
                let main = sentence.clauses[mainIndex]
                do {
                    add(
                        DraftItem(
                            kind: .deadline, title: Self.shortTitle(Self.removing(written, from: main.text)),
                            line: line.number, quote: line.quote(sentence.clauses[dateIndex].range.lowerBound..<main.range.upperBound),
                            dueText: date.text, due: date.due, windowStart: date.windowStart, dueImplied: relative != nil,
                            flags: relative != nil ? ["相对时间“\(relative!)”按计划期末计,请核对 / relative date read as the horizon end"] : []),
                        subject: OwnerFinder.subject(of: main.text))
                }
            } else {
                for clause in completionClauses {
                    add(
                        DraftItem(
                            kind: .deadline, title: Self.shortTitle(clause.text), line: line.number, quote: line.quote(clause.range),
                            dueText: date.text, due: date.due, windowStart: date.windowStart, dueImplied: date.implied),
                        subject: OwnerFinder.subject(of: clause.text))
                }
            }
        }
        if items.count == before, limitClauses.isEmpty {
            let words = Self.timeWords.filter { sentence.text.contains($0) } + phrases.map(\.text)
            if !words.isEmpty {
                unmapped.append(
                    UnmappedSentence(line: line.number, text: Self.cut(line.quote(sentence.range, limit: 80), 80), expressions: words))
            }
        }
    }

    /// A five-year period (“十四五”期间) makes a qualitative goal only when a commitment follows it (将, 要, 力争):
    /// `“十四五”期间将加快推进…` is a goal, `“十四五”期间,紧紧围绕…` and `“十四五”时期学校发展…` set the scene.
    static func fiveYearCommitment(_ text: String, _ phrase: DatePhrase?) -> Bool {
        guard let phrase, phrase.text.contains("十四五") || phrase.text.contains("十五五") else { return true }
        guard let at = text.offset(of: phrase.text) else { return true }
        let after = text.slice(at + phrase.text.count..<min(text.count, at + phrase.text.count + 3))
        return ["将", "要", "力争", "确保"].contains { after.hasPrefix($0) }
    }

    /// 通过5年努力, 五年后: a date relative to the plan's start, read as the horizon's end.
    static func relativeDate(_ text: String) -> String? {
        let chars = Array(text)
        for (index, character) in chars.enumerated() where character == "年" && index > 0 {
            let before = chars[index - 1]
            guard before.isASCIIDigit || "一二两三四五六七八九十".contains(before) else { continue }
            if index >= 2, chars[index - 2].isASCIIDigit, index >= 4, DatePhrase.isYear(chars, at: index - 4) { continue }
            if chars.matches("努力", at: index + 1) || chars.matches("后", at: index + 1) || chars.matches("以后", at: index + 1)
                || chars.matches("时间", at: index + 1)
            {
                var start = index - 1
                if start > 0, chars[start - 1] == "通" || chars[start - 1] == "过" {
                    start = max(0, start - 2)
                }
                let end = chars.matches("努力", at: index + 1) || chars.matches("以后", at: index + 1) || chars.matches("时间", at: index + 1)
                    ? index + 3 : index + 2
                return String(chars[start..<min(end, chars.count)])
            }
        }
        return nil
    }

    /// `text` without `word` and the separators around it.
    static func removing(_ word: String, from text: String) -> String {
        guard !word.isEmpty else { return text }
        return text.replacingOccurrences(of: word, with: "").trimmingCharacters(in: .separators)
    }

    static func cut(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) : text
    }

    // MARK: - Ongoing and vague

    /// 持续开展… (also 持续深入开展…), 常态化开展…, 长期坚持…, 长期驻校: an open-ended duty.
    mutating func readOngoing(_ clause: Clause, line: SourceLine, subject: [String]) -> Bool {
        let words = ["持续开展", "常态化开展", "长期坚持", "长期驻", "长期开展", "长期保持"]
        var found = words.first { clause.text.contains($0) }
        // 持续 with a few words between it and 开展 (持续深入开展, 持续扎实开展).
        if found == nil, let at = clause.text.offset(of: "持续"), let verb = clause.text.offset(of: "开展", from: at),
            verb - at <= 6
        {
            found = clause.text.slice(at..<verb + 2)
        }
        guard let word = found else { return false }
        let at = clause.text.offset(of: word) ?? 0
        let before = clause.text.slice(0..<at)
        if ["严禁", "禁止", "不得", "避免", "杜绝"].contains(where: { before.contains($0) }) { return false }
        if ValueScanner.scan(clause.text).contains(where: { !$0.fullCoverage }) { return false }
        add(
            DraftItem(kind: .ongoing, title: Self.shortTitle(clause.text), line: line.number, quote: line.quote(clause.range), dueText: word),
            subject: subject)
        return true
    }

    /// 尽快…, 早日…, 中期评估: a deadline the text leaves open; the admin must give a date.
    mutating func readVague(_ clause: Clause, line: SourceLine, subject: [String]) -> Bool {
        let words = ["尽快", "早日", "尽早", "中期评估"]
        guard let word = words.first(where: { clause.text.contains($0) }) else { return false }
        add(
            DraftItem(
                kind: .deadline, title: Self.shortTitle(clause.text), line: line.number, quote: line.quote(clause.range),
                dueText: word, flags: ["原文“\(word)”没有具体期限,请填写日期 / the text gives no date (\(word)); fill one in"]),
            subject: subject)
        return true
    }
}
