import DubanCalendar
import DubanCore
import Foundation

/// What earlier clauses of a sentence established for later ones: a quota period (州级年培训园长120名,
/// 教研员培训50名 — the second count is yearly too), a cycle, and whether the last clause listed goals.
struct AmountState {
    var per: QuotaSpec.Per?
    var cycle: QuotaCycle?
    /// True when the cycle is the counting period itself (3年不少于30学时), not a completion target.
    var perCycle = false
    var previousHadGoal = false
    var previousMetric: String?
    /// True when the sentence or task states its own date (到2026年…, 完成时限): every amount in it is a goal.
    var statedDate = false
    /// How many items existed before this sentence: a number repeated from an earlier sentence is not a new goal.
    var firstItem = Int.max

    init(sentence: String) {
        (cycle, perCycle) = AmountState.cycle(in: sentence)
    }

    /// 四年完成一轮/两轮 (cycle), 5年一周期, 3年不少于, 4年累计 (the cycle is the counting period).
    static func cycle(in text: String) -> (QuotaCycle?, Bool) {
        let chars = Array(text)
        let numerals: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
        func number(at index: Int) -> (Int, Int)? {
            guard index >= 0, index < chars.count else { return nil }
            if chars[index].isASCIIDigit {
                var end = index
                while end < chars.count, chars[end].isASCIIDigit { end += 1 }
                return Int(String(chars[index..<end])).map { ($0, end) }
            }
            return numerals[chars[index]].map { ($0, index + 1) }
        }
        for index in chars.indices {
            guard let (years, afterYears) = number(at: index), afterYears < chars.count, chars[afterYears] == "年",
                index == 0 || !chars[index - 1].isASCIIDigit && numerals[chars[index - 1]] == nil
            else { continue }
            var cursor = afterYears + 1
            if chars.matches("完成", at: cursor) { cursor += 2 }
            if let (rounds, afterRounds) = number(at: cursor), chars.matches("轮", at: afterRounds), years <= 10 {
                return (QuotaCycle(years: years, rounds: rounds), false)
            }
            for word in ["一周期", "一个周期", "为一周期", "累计", "不少于", "至少"] where chars.matches(word, at: afterYears + 1) {
                if years <= 10 { return (QuotaCycle(years: years, rounds: 1), true) }
            }
        }
        return (nil, false)
    }
}

extension ImportRun {
    // MARK: - One clause: recurrences, quotas, targets

    /// Reads a clause's recurrence and amounts; returns how many items it made.
    mutating func readClause(
        _ clause: Clause, line: SourceLine, date: ContextDate, state: inout AmountState, subject: [String]
    ) -> Int {
        let text = clause.text
        if Self.retrospectiveWords.contains(where: { text.contains($0) })
            || DatePhrase.find(in: text, conventions: conventions).contains(where: { $0.role == .context && $0.text.hasPrefix("从") })
        {
            state.previousHadGoal = false
            return 0
        }
        var made = 0
        let marker = RecurrenceMarker.find(in: text)
        let tokens = amounts(in: text)
        if let marker, marker.word.hasPrefix("每") || marker.word == "年" {
            let counted = tokens.filter { $0.range.lowerBound > marker.range.lowerBound && $0.unit != "次" && $0.unit != "轮" }
            if !counted.isEmpty {
                state.per = marker.recurrence?.every == .semester ? .semester : .year
            } else if marker.word != "年", let recurrence = marker.recurrence {
                var recurrence = recurrence
                if let times = tokens.first(where: { $0.unit == "次" && $0.range.lowerBound > marker.range.lowerBound }) {
                    // The count as written (the plan file checks its range); a number past any count stays huge
                    // rather than trapping in the conversion.
                    recurrence.times = max(1, Int(exactly: min(times.value.rounded(.down), 1e9)) ?? 1)
                    let near = text.slice(max(0, times.range.lowerBound - 6)..<times.range.lowerBound)
                    recurrence.atLeast = ["不少于", "至少", "不低于"].contains { near.contains($0) }
                        || text.slice(times.range.upperBound..<min(text.count, times.range.upperBound + 2)) == "以上"
                }
                var item = recurringItem(clause, line: line, recurrence: recurrence, word: marker.word, date: date)
                // 每年3月底前报送…: a yearly duty due on a fixed day.
                if recurrence.every == .year, recurrence.interval == 1, recurrence.times == 1 {
                    item.recurrenceAt = RecurrenceMarker.dayInYear(after: marker.range.upperBound, in: text)
                }
                add(item, subject: subject)
                state.previousHadGoal = false
                return 1
            }
        } else if let marker {
            var item = recurringItem(clause, line: line, recurrence: marker.recurrence, word: marker.word, date: date)
            item.recurrenceAt = marker.at
            if marker.recurrence == nil {
                item.flags.append("原文“定期”未写明周期,请填写(如每年、每季度) / 定期 states no period; fill one in")
            }
            add(item, subject: subject)
            made += 1
            if marker.at != nil {
                // 年初…、年中…、年底…: one yearly item for each point of the cycle.
                for extra in RecurrenceMarker.yearPoints(in: text).dropFirst() {
                    var next = item
                    next.recurrenceAt = extra
                    next.dueText = extra
                    add(next, subject: subject)
                    made += 1
                }
            }
            if tokens.isEmpty { return made }
        }
        if state.per == nil, RecurrenceMarker.yearlyRatePrefix(text) { state.per = .year }
        // 其中实践应用学时不少于50%: a share inside the count before it, a standing rule rather than a new count.
        let share = text.hasPrefix("其中")
        if share {
            state.per = nil
            state.perCycle = false
        }
        made += readBenchmark(clause, line: line, date: date, subject: subject)
        var counted: [ValueToken] = []
        for (position, token) in tokens.enumerated() {
            if token.unit == "次" || token.unit == "轮" { continue }
            let before = text.slice(0..<token.range.lowerBound)
            let after = text.slice(token.range.upperBound..<min(text.count, token.range.upperBound + 2))
            let quotaContext = state.per != nil || state.perCycle
            // 全覆盖 is a goal only where a date or a quota frames it (家长学校建设实现全覆盖 alone is a slogan).
            if token.fullCoverage, !quotaContext, !state.statedDate && date.text == nil || before.contains("逐步") { continue }
            // 每年新增2100人左右: a projection, not a count to reach.
            if quotaContext, after.hasPrefix("左右") { continue }
            let hasGoal = state.statedDate || Self.goalWords.contains { before.contains($0) } || state.previousHadGoal
            guard hasGoal else { continue }
            // A number repeated later in the paragraph (培育100所标杆学校 after 100所标杆学校) is the same goal.
            if !quotaContext, token.unit != "%",
                items[..<min(state.firstItem, items.count)].contains(where: { $0.line == line.number
                    && $0.target?.value == token.value && $0.target?.valueMax == token.valueMax && $0.target?.unit == token.unit })
            {
                continue
            }
            // 一个计算机教室和一个录播教室: one goal for both rooms.
            if position > 0, tokens[position - 1].value == token.value, tokens[position - 1].unit == token.unit,
                counted.last == tokens[position - 1]
            {
                let gap = text.slice(tokens[position - 1].range.upperBound..<token.range.lowerBound)
                if (gap.hasSuffix("和") || gap.hasSuffix("及")) && !gap.contains(",") { continue }
            }
            counted.append(token)
            let (comparator, qualifier) = Self.comparator(for: token, in: text)
            var metric = metric(for: token, at: position, in: tokens, text: text) ?? state.previousMetric ?? Self.shortTitle(text)
            if metric.isEmpty { metric = state.previousMetric ?? Self.shortTitle(text) }
            state.previousMetric = metric
            if state.per != nil || state.perCycle {
                let per: QuotaSpec.Per = state.perCycle ? .cycle : (state.per ?? .year)
                let quotaSubject = metric.hasSuffix("数") && metric.count > 2 ? String(metric.dropLast()) : metric
                let quota = QuotaSpec(
                    count: token.value, unit: token.unit, subject: quotaSubject, per: per, cycle: state.cycle,
                    atLeast: qualifier.map { ["以上", "不少于", "至少", "不低于"].contains($0) } ?? false)
                var item = DraftItem(
                    kind: .quota, title: Self.shortTitle("\(quotaSubject)\(Self.format(token.value))\(token.unit)"),
                    line: line.number, quote: line.quote(clause.range), dueText: date.stated ? date.text : nil,
                    due: date.stated ? date.due : nil, windowStart: date.stated ? date.windowStart : nil, quota: quota)
                if quota.per == .cycle, let years = state.cycle?.years {
                    item.flags.append("每\(years)年为一个周期 / counted per \(years)-year cycle")
                }
                add(item, subject: subject)
                made += 1
                continue
            }
            let standing = !date.stated && (share || Self.standingWords.contains { Self.near(before, $0) })
            // 小学、初中、高中教师培训合格率达到100%: one value shared by a list of metrics.
            let metrics = Self.sharedMetrics(listSegment(for: token, at: position, in: tokens, text: text) ?? metric, tokenCount: tokens.count)
            for name in metrics {
                let spec = TargetSpec(
                    metric: name, value: token.value, valueMax: token.valueMax, unit: token.unit.isEmpty ? nil : token.unit,
                    comparator: comparator, qualifier: qualifier)
                var item = DraftItem(
                    kind: standing ? .ongoing : .target, title: Self.targetTitle(spec), line: line.number,
                    quote: line.quote(clause.range), dueText: standing ? nil : date.text, due: standing ? nil : date.due,
                    windowStart: standing ? nil : date.windowStart, dueImplied: !standing && date.implied, target: spec)
                if !standing, date.due == nil {
                    item.flags.append("原文未写期限,计划也无计划期,请填写日期 / no date and no plan horizon; fill one in")
                } else if !standing, date.implied, date.text == nil {
                    item.flags.append("原文未写期限,按计划期末计 / no date in the text: due at the plan horizon's end")
                }
                add(item, subject: subject)
                made += 1
            }
        }
        state.previousHadGoal = !counted.isEmpty
        return made
    }

    /// Splits `小学、初中、高中教师培训合格率` into three metrics sharing the last item's noun, when the list
    /// items before the last are short (school levels, not clauses) and the clause has a single amount.
    static func sharedMetrics(_ metric: String, tokenCount: Int) -> [String] {
        guard tokenCount == 1, lastListSeparator(metric) != nil else { return [metric] }
        let parts = metric.split(separator: "、").map(String.init)
        guard parts.count >= 2, parts.count <= 6, parts.dropLast().allSatisfy({ $0.count <= 4 }), let last = parts.last else {
            return [metric]
        }
        let headLength = parts.dropLast().map(\.count).min() ?? 2
        guard last.count > headLength + 1 else { return [metric] }
        let noun = String(last.dropFirst(headLength))
        return parts.dropLast().map { $0 + noun } + [last]
    }

    /// 达到全市平均水平, 超过全国平均水平: a target relative to a benchmark, with no value of its own.
    mutating func readBenchmark(_ clause: Clause, line: SourceLine, date: ContextDate, subject: [String]) -> Int {
        let text = clause.text
        guard let at = text.offset(of: "平均水平") else { return 0 }
        let head = text.slice(0..<at)
        guard let verb = ["达到", "超过", "高于", "不低于"].first(where: { head.contains($0) }), let verbAt = head.offset(of: verb)
        else { return 0 }
        let metric = Self.stripLeadWords(head.slice(0..<verbAt))
        guard metric.count >= 2 else { return 0 }
        let benchmark = head.slice(verbAt + verb.count..<head.count) + "平均水平"
        let spec = TargetSpec(metric: metric, value: nil, comparator: verb == "超过" || verb == "高于" ? .greater : .atLeast, qualifier: benchmark)
        let standing = !date.stated
        add(
            DraftItem(
                kind: standing ? .ongoing : .target, title: Self.shortTitle("\(metric)\(verb)\(benchmark)"), line: line.number,
                quote: line.quote(clause.range), dueText: standing ? nil : date.text, due: standing ? nil : date.due,
                dueImplied: !standing && date.implied, target: spec),
            subject: subject)
        return 1
    }

    /// The amounts of a clause that can be goals: not inside brackets, not thresholds (100人以上的学校).
    func amounts(in text: String) -> [ValueToken] {
        let chars = Array(text)
        var depth = Array(repeating: 0, count: chars.count + 1)
        var level = 0
        for (index, character) in chars.enumerated() {
            if "(".contains(character) { level += 1 }
            depth[index] = level
            if ")".contains(character) { level = max(0, level - 1) }
        }
        return ValueScanner.scan(text).filter { token in
            if depth[token.range.lowerBound] > 0 { return false }
            let after = text.slice(token.range.upperBound..<min(chars.count, token.range.upperBound + 4))
            if token.unit != "%", after.hasPrefix("以上的") || after.hasPrefix("以下的") || after.hasPrefix("的学校") || after.hasPrefix("以上学校") {
                return false
            }
            // 在100人(…)以上的学校: a threshold with a bracket between.
            if token.unit != "%", token.range.lowerBound > 0, chars[token.range.lowerBound - 1] == "在",
                !["保持在", "稳定在", "巩固在", "控制在", "维持在"].contains(where: { chars.matches($0, at: token.range.lowerBound - $0.count) })
            {
                return false
            }
            // 四个方面, 五个层面: an enumeration, not an amount.
            if ["方面", "层面", "环节", "领域", "维度"].contains(where: { after.hasPrefix($0) }) { return false }
            return true
        }
    }

    /// The comparator and the literal hedge of a token.
    static func comparator(for token: ValueToken, in text: String) -> (TargetSpec.Comparator, String?) {
        let before = text.slice(max(0, token.range.lowerBound - 6)..<token.range.lowerBound)
        let after = text.slice(token.range.upperBound..<min(text.count, token.range.upperBound + 3))
        if token.fullCoverage { return (.atLeast, text.slice(token.range)) }
        if token.isRatio { return (.atMost, ["不低于", "不少于", "不小于"].first { before.contains($0) }) }
        let floors = ["不低于", "不少于", "不小于", "至少"]
        let ceilings = ["不超过", "不高于", "低于", "控制在"]
        if !floors.contains(where: { before.contains($0) }),
            ceilings.contains(where: { before.contains($0) }) || after.hasPrefix("以下") || after.hasPrefix("以内")
        {
            return (.atMost, ceilings.first { before.contains($0) } ?? "以下")
        }
        if after.hasPrefix("左右") { return (.equal, "左右") }
        for word in ["不低于", "不少于", "不小于", "至少"] where before.contains(word) { return (.atLeast, word) }
        if after.hasPrefix("以上") || after.hasPrefix("及以上") { return (.atLeast, after.hasPrefix("及") ? "及以上" : "以上") }
        if ["计划实施", "规划总投资", "总投资", "投资"].contains(where: { before.contains($0) }) { return (.equal, nil) }
        for word in ["力争", "争取"] where text.contains(word) { return (.atLeast, word) }
        return (.atLeast, nil)
    }

    /// True when `word` ends `text` up to a few characters of filler (不低于毕业生总数的60%).
    static func near(_ text: String, _ word: String) -> Bool {
        guard let position = text.offset(of: word) else { return false }
        return text.count - 1 - position < word.count + 10
    }

    /// The metric a token measures: the words before its comparator (毛入园率达到98%), or the noun after a
    /// count (建设3所省级优质中等职业学校 → 省级优质中等职业学校数), or before it (创建…职校1所).
    func metric(for token: ValueToken, at position: Int, in tokens: [ValueToken], text: String) -> String? {
        let chars = Array(text)
        let lower = position > 0 ? tokens[position - 1].range.upperBound : 0
        var segment = String(chars[lower..<token.range.lowerBound])
        // Only the last list item before the token (、 at bracket depth 0).
        if let cut = Self.lastListSeparator(segment) { segment = String(Array(segment)[(cut + 1)...]) }
        var trimmed = segment
        for word in Self.goalWords.sorted(by: { $0.count > $1.count }) {
            if let at = trimmed.offset(of: word), at > 0 {
                trimmed = trimmed.slice(0..<at)
                break
            } else if trimmed.hasPrefix(word) {
                trimmed = String(trimmed.dropFirst(word.count))
            }
        }
        trimmed = Self.stripTrailWords(Self.stripLeadWords(trimmed))
        if trimmed.count >= 2, trimmed.contains(where: \.isHan) {
            if token.unit == "%" || token.unit.isEmpty || token.isRatio || token.fullCoverage || trimmed.hasSuffix("率")
                || trimmed.hasSuffix("比")
            {
                return trimmed
            }
        }
        // A count: the noun after it, up to the next separator.
        var end = token.range.upperBound
        while end < chars.count, !",、;和及与(".contains(chars[end]), end - token.range.upperBound < 20 { end += 1 }
        let after = Self.stripLeadWords(String(chars[token.range.upperBound..<end]))
        if after.count >= 2, after.contains(where: \.isHan), !after.hasPrefix("以上"), !after.hasPrefix("左右") {
            return after + (after.hasSuffix("数") ? "" : "数")
        }
        if trimmed.count >= 2, trimmed.contains(where: \.isHan) {
            return trimmed + (token.unit == "%" || trimmed.hasSuffix("数") ? "" : "数")
        }
        return nil
    }

    /// The whole list before a token's comparator (小学、初中、高中教师培训合格率), when it has one.
    func listSegment(for token: ValueToken, at position: Int, in tokens: [ValueToken], text: String) -> String? {
        let lower = position > 0 ? tokens[position - 1].range.upperBound : 0
        var segment = text.slice(lower..<token.range.lowerBound)
        for word in Self.goalWords.sorted(by: { $0.count > $1.count }) {
            if let at = segment.offset(of: word), at > 0 {
                segment = segment.slice(0..<at)
                break
            }
        }
        segment = Self.stripTrailWords(Self.stripLeadWords(segment))
        return Self.lastListSeparator(segment) != nil ? segment : nil
    }

    static func lastListSeparator(_ text: String) -> Int? {
        var depth = 0
        var last: Int?
        for (index, character) in text.enumerated() {
            if "(“".contains(character) { depth += 1 }
            if ")”".contains(character) { depth = max(0, depth - 1) }
            if character == "、", depth == 0 { last = index }
        }
        return last
    }

    /// Drops words that open a clause but are not part of a metric: 全州, 确保, 要, 并, 其中.
    static func stripLeadWords(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .separators)
        // A list number ((二)公办园…, 3.各县…) is not part of the metric.
        if let heading = Heading.parse(result), let at = result.offset(of: heading.title), at > 0, at <= 5 {
            result = result.slice(at..<result.count)
        }
        var changed = true
        while changed {
            changed = false
            for word in ["全州", "全市", "全县", "全区", "全省", "确保", "保障", "要", "并", "其中", "同时", "进一步", "基本", "实现", "使", "的", "对", "以上", "及以上", "均有"]
            where result.hasPrefix(word) && result.count > word.count + 1 {
                result = String(result.dropFirst(word.count))
                changed = true
            }
        }
        return result
    }

    /// Drops words that end a subject before its verb but are not part of a metric: 均, 都, 要, 分别, 将.
    static func stripTrailWords(_ text: String) -> String {
        var result = text
        var changed = true
        while changed {
            changed = false
            for word in ["分别", "均", "都", "要", "将", "应", "须", "也", "力争", "争取"]
            where result.hasSuffix(word) && result.count > word.count + 1 {
                result = String(result.dropLast(word.count))
                changed = true
            }
        }
        return result
    }

    /// 学前教育毛入园率达到97%以上.
    static func targetTitle(_ spec: TargetSpec) -> String {
        let value = spec.value.map { format($0) } ?? ""
        let range = spec.valueMax.map { "—" + format($0) } ?? ""
        let unit = spec.unit.map { ["1:N", "N:1"].contains($0) ? "" : $0 } ?? ""
        var written = "\(value)\(range)\(unit)"
        if spec.unit == "1:N" { written = "1:\(value)" }
        if spec.unit == "N:1" { written = "\(value):1" }
        let floors = ["不低于", "不少于", "不小于", "至少"]
        let verb = spec.comparator == .atMost
            ? (spec.qualifier.flatMap { ["不超过", "低于", "控制在"].contains($0) ? $0 : nil } ?? "不高于")
            : spec.comparator == .equal ? "为" : (spec.qualifier.flatMap { floors.contains($0) ? $0 : nil } ?? "达到")
        return shortTitle("\(spec.metric)\(verb)\(written)")
    }

    func recurringItem(_ clause: Clause, line: SourceLine, recurrence: Recurrence?, word: String, date: ContextDate) -> DraftItem {
        DraftItem(
            kind: .recurring, title: Self.shortTitle(clause.text), line: line.number, quote: line.quote(clause.range),
            dueText: date.stated ? date.text : word, due: date.stated ? date.due : nil, windowStart: date.stated ? date.windowStart : nil,
            recurrence: recurrence)
    }
}
