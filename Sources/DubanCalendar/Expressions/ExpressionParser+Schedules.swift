/// Undated schedules: procedural limits (15个工作日内), multi-year cycles (四年完成一轮) and recurrences (每年…).
extension ExpressionParser {
    // MARK: - Procedural limits

    /// Units a limit may count in, longest spelling first: (word, unit, multiplier, needs 内).
    private static let limitUnits: [(word: String, unit: LimitUnit, factor: Int, needsWithin: Bool)] = [
        ("工作日", .workingDays, 1, false),
        ("自然日", .calendarDays, 1, true),
        ("日历日", .calendarDays, 1, true),
        ("日", .calendarDays, 1, true),
        ("天", .calendarDays, 1, true),
        ("月", .months, 1, true),  // only after 个: 一个月内
        ("年", .months, 12, true),
        ("星期", .calendarDays, 7, true),
        ("周", .calendarDays, 7, true),
    ]

    /// `N个工作日内` with an optional trigger before it (`自收到申请之日起`) and the action after it, an optional
    /// extension (`延长…不超过N个工作日`), `当场` (0 working days).
    func procedural(_ normalized: String) throws(TimeExpressionError) -> TimeInterpretation? {
        let characters = Array(normalized)
        let hasDigit = characters.contains { $0.isASCIIDigitCharacter }
        if normalized.contains("当场"), !hasDigit {
            return TimeInterpretation(
                text: text, limit: ProceduralLimit(count: 0, unit: .workingDays), conventions: ["当场=0个工作日"])
        }
        if ["当日", "当天"].contains(normalized) {
            return TimeInterpretation(
                text: text, limit: ProceduralLimit(count: 0, unit: .calendarDays), conventions: ["当日=0日"])
        }
        // The limit is the first number in the text; nothing before it may be a number.
        guard let firstDigit = characters.firstIndex(where: { $0.isASCIIDigitCharacter }) else { return nil }
        var scanner = ExpressionScanner(normalized)
        if let extensionAt = scanner.find("延长"), extensionAt < firstDigit {
            // An extension alone: the base limit is stated elsewhere.
            scanner.index = extensionAt
            guard let granted = try extensionLimit(&scanner, unit: nil), !scanner.restHasDigit else { return nil }
            return TimeInterpretation(
                text: text, limit: ProceduralLimit(count: 0, unit: granted.unit, extensionCount: granted.count),
                conventions: granted.notes + ["仅延长期限,基本时限另见"])
        }
        scanner.index = firstDigit
        guard let base = limitCount(&scanner) else { return nil }
        var extensionCount: Int?
        var notes = base.notes
        if let extensionAt = scanner.find("延长") {
            guard !characters[scanner.index..<extensionAt].contains(where: { $0.isASCIIDigitCharacter }) else {
                return nil
            }
            scanner.index = extensionAt
            guard let granted = try extensionLimit(&scanner, unit: base.unit) else { return nil }
            extensionCount = granted.count
            notes += granted.notes
        }
        // After the limit comes the action (予以答复); another number would be another rule.
        guard !scanner.restHasDigit else { return nil }
        return TimeInterpretation(
            text: text, limit: ProceduralLimit(count: base.count, unit: base.unit, extensionCount: extensionCount),
            conventions: unique(notes))
    }

    /// `N个工作日(内)`, `N日内`, `N个月内`, `N年内` at the cursor.
    private func limitCount(_ scanner: inout ExpressionScanner) -> (count: Int, unit: LimitUnit, notes: [String])? {
        var probe = scanner
        guard let number = probe.number(maxDigits: 3) else { return nil }
        let counted = probe.take("个")
        guard
            let match = Self.limitUnits.first(where: { candidate in
                candidate.word == "月" ? counted && probe.sees("月") : probe.sees(candidate.word)
            })
        else { return nil }
        _ = probe.take(match.word)
        let within = probe.take(anyOf: ["以内", "之内", "内"]) != nil
        guard within || !match.needsWithin else { return nil }
        scanner = probe
        let count = number.value * match.factor
        var notes: [String] = []
        if match.factor == 12 { notes.append("\(number.value)年=\(count)个月") }
        if match.factor == 7 { notes.append("\(number.value)周=\(count)日") }
        return (count, match.unit, notes)
    }

    /// `延长(期限)(最长)不(得)超过N个工作日` at the cursor (which is at 延长); `unit` is the base limit's unit.
    private func extensionLimit(
        _ scanner: inout ExpressionScanner, unit: LimitUnit?
    ) throws(TimeExpressionError) -> (count: Int, unit: LimitUnit, notes: [String])? {
        guard scanner.take("延长") else { return nil }
        let start = scanner.index
        while let next = scanner.next, !next.isASCIIDigitCharacter { scanner.index += 1 }
        let wording = String(scanner.characters[start..<scanner.index])
        guard ["超过", "多于", "最长", "最多", "不超"].contains(where: { wording.contains($0) }) else { return nil }
        var probe = scanner
        if let granted = limitCount(&probe) {
            scanner = probe
            if let unit, unit != granted.unit {
                throw failure(
                    TimeExpressionError.Code.unsupported,
                    zh: "时间表述“\(text)”的延长期限与原期限单位不同",
                    en: "the time expression \"\(text)\" extends a limit in a different unit")
            }
            return granted
        }
        // 延长…不超过15个工作日 without 内 is covered by limitCount; a bare number keeps the base unit.
        guard let unit, let number = scanner.number(maxDigits: 3) else { return nil }
        return (number.value, unit, [])
    }

    // MARK: - Cycles

    /// `四年完成一轮`, `四年完成两轮`, `每3年至少完成一轮`, `5年一周期`, `4年累计`.
    func cycle(_ normalized: String) -> TimeInterpretation? {
        var scanner = ExpressionScanner(normalized)
        _ = scanner.take("每")
        guard let years = scanner.number(maxDigits: 2), years.value > 0, scanner.take("年") else { return nil }
        _ = scanner.take(anyOf: ["以内", "之内", "内"])
        var probe = scanner
        _ = probe.take(anyOf: ["至少", "不少于"])
        _ = probe.take("完成")
        if let rounds = probe.number(maxDigits: 2), rounds.value > 0, probe.take("轮") {
            _ = probe.take(anyOf: ["的目标", "目标"])
            guard probe.atEnd else { return nil }
            return TimeInterpretation(text: text, cycle: QuotaCycle(years: years.value, rounds: rounds.value))
        }
        probe = scanner
        _ = probe.take("为")
        if probe.take("1") {
            _ = probe.take("个")
            // 5年一周期、360课时: the cycle may open a list of what it holds.
            if probe.take("周期"), probe.atEnd || probe.next == "," || probe.next == "、" {
                return TimeInterpretation(
                    text: text, recurrence: Recurrence(every: .year, interval: years.value),
                    cycle: QuotaCycle(years: years.value))
            }
        }
        probe = scanner
        if probe.take("累计"), !probe.restHasDigit {
            return TimeInterpretation(text: text, cycle: QuotaCycle(years: years.value))
        }
        return nil
    }

    // MARK: - Recurrence

    /// Period words after 每 or a count, longest first.
    private static let periods: [(word: String, period: RecurrencePeriod)] = [
        ("学年", .year), ("学期", .semester), ("年度", .year), ("年", .year), ("季度", .quarter), ("季", .quarter),
        ("个月", .month), ("月", .month), ("星期", .week), ("礼拜", .week), ("周", .week), ("天", .day), ("日", .day),
    ]

    /// Words that alone mean "every year" and may lead a duty: 年度, 分年度, 逐年, 年检.
    private static let yearlyWords = ["按年度", "分年度", "每年度", "年度", "逐年", "年检", "年年", "按年"]

    /// 每… (每年不少于2次, 每学期至少2次, 每三年一次, 每月), `N年M次`, 年度/逐年/年检, and bare year phases (年初,
    /// 年中, 年底), which the plan repeats every year.
    func recurrence(_ normalized: String) throws(TimeExpressionError) -> TimeInterpretation? {
        var scanner = ExpressionScanner(normalized)
        if scanner.take("每") {
            var interval = scanner.number(maxDigits: 3)?.value ?? 1
            var period: RecurrencePeriod
            if scanner.take("半年") {
                guard interval == 1 else { return nil }
                (period, interval) = (.month, 6)
            } else {
                _ = scanner.take("个")
                guard let match = Self.periods.first(where: { scanner.take($0.word) }) else { return nil }
                period = match.period
            }
            guard interval > 0 else { return nil }
            let notes = phase(&scanner, period: period)
            try rejectAnchor(scanner, period: period)
            let (times, atLeast) = try count(in: scanner)
            return TimeInterpretation(
                text: text, recurrence: Recurrence(every: period, interval: interval, times: times, atLeast: atLeast),
                conventions: notes)
        }
        // N年M次 / 一学期两次 without 每.
        if let interval = scanner.number(maxDigits: 2), interval.value > 0,
            let match = Self.periods.first(where: { scanner.take($0.word) }),
            let times = scanner.number(maxDigits: 3), times.value > 0, scanner.take("次")
        {
            let atLeast = scanner.take(anyOf: ["以上", "及以上"]) != nil
            guard !scanner.restHasDigit else { return nil }
            return TimeInterpretation(
                text: text,
                recurrence: Recurrence(
                    every: match.period, interval: interval.value, times: times.value, atLeast: atLeast))
        }
        scanner = ExpressionScanner(normalized)
        if scanner.take(anyOf: Self.yearlyWords) != nil {
            guard !scanner.restHasDigit else { return nil }
            return TimeInterpretation(text: text, recurrence: Recurrence(every: .year))
        }
        for (words, period) in [(["按季度", "按季"], RecurrencePeriod.quarter), (["按月"], .month), (["按学期"], .semester)]
        where scanner.take(anyOf: words) != nil {
            guard !scanner.restHasDigit else { return nil }
            return TimeInterpretation(text: text, recurrence: Recurrence(every: period))
        }
        // Bare phases of the year (年初统筹部署、年中有力推动、年底严格考核): yearly, on the conventional day.
        var probe = ExpressionScanner(normalized)
        let notes = phase(&probe, period: .year)
        if probe.atEnd, probe.index > 0 {
            return TimeInterpretation(text: text, recurrence: Recurrence(every: .year), conventions: notes)
        }
        probe = ExpressionScanner(normalized)
        let termNotes = phase(&probe, period: .semester)
        if probe.atEnd, probe.index > 0 {
            return TimeInterpretation(text: text, recurrence: Recurrence(every: .semester), conventions: termNotes)
        }
        return nil
    }

    /// Consumes a phase of the period (年初, 年底, 上半年, 学期末, 月底, 上旬…) and returns the conventions it uses.
    private func phase(_ scanner: inout ExpressionScanner, period: RecurrencePeriod) -> [String] {
        let spring = conventions.springTerm
        let autumn = conventions.autumnTerm
        let springEnd = "春季学期末=\(spring.endsInNextYear ? "次年" : "")\(spring.end)"
        let autumnEnd = "秋季学期末=\(autumn.endsInNextYear ? "次年" : "")\(autumn.end)"
        switch period {
        case .year:
            if scanner.take(anyOf: ["年初", "初"]) != nil { return ["年初=\(conventions.yearStart)"] }
            if scanner.take(anyOf: ["年中"]) != nil { return ["年中=\(conventions.midYear)"] }
            if scanner.take(anyOf: ["年底", "年末", "年终", "底", "末"]) != nil { return [] }
            if scanner.take("上半年") {
                _ = scanner.take(anyOf: ["末", "底"])
                return ["上半年=\(conventions.firstHalfEnd)"]
            }
            if scanner.take("下半年") {
                _ = scanner.take(anyOf: ["末", "底"])
                return []
            }
            if scanner.take(anyOf: ["春季学期末", "春季学期"]) != nil { return [springEnd] }
            if scanner.take(anyOf: ["秋季学期末", "秋季学期"]) != nil { return [autumnEnd] }
        case .semester:
            if scanner.take(anyOf: ["学期末", "学期结束", "期末", "末"]) != nil { return [springEnd, autumnEnd] }
            if scanner.take(anyOf: ["学期初", "开学初", "期初", "初"]) != nil {
                return ["春季学期起=\(spring.start)", "秋季学期起=\(autumn.start)"]
            }
        case .month:
            if scanner.take("上旬") { return ["上旬=\(conventions.earlyMonthDay)日"] }
            if scanner.take("中旬") { return ["中旬=\(conventions.midMonthDay)日"] }
            if scanner.take(anyOf: ["下旬", "底", "末"]) != nil { return [] }
        case .quarter:
            if scanner.take(anyOf: ["末", "底"]) != nil { return [] }
        case .week, .day:
            break
        }
        return []
    }

    /// Throws when a day or part of the period follows that `phase` did not read: 每周一 (Monday), 每月初,
    /// 每季度第一个月. Dropping it would misstate the duty.
    private func rejectAnchor(_ scanner: ExpressionScanner, period: RecurrencePeriod) throws(TimeExpressionError) {
        let anchors: [String]
        switch period {
        case .week: anchors = ["一", "二", "三", "四", "五", "六", "日", "天", "末"]
        case .day: anchors = []
        default: anchors = ["初", "中旬", "末", "底", "上旬", "下旬", "上半", "下半", "前", "第"]
        }
        guard let anchor = anchors.first(where: { scanner.sees($0) }) else { return }
        throw failure(
            TimeExpressionError.Code.unsupported,
            zh: "时间表述“\(text)”在周期内指定了时点(\(anchor)),尚不支持;请拆成周期和期限两项",
            en: "the time expression \"\(text)\" fixes a point inside the recurrence (\(anchor)), which is not "
                + "supported yet; split it into a recurrence and a deadline")
    }

    /// The times per period in the duty text after the period word: `不少于2次`, `开展2次`, `至少1次`, `2次以上`.
    ///
    /// Throws when the text fixes a day inside the period (每年6月底前): duban cannot represent it as a recurrence.
    private func count(in scanner: ExpressionScanner) throws(TimeExpressionError) -> (times: Int, atLeast: Bool) {
        let characters = Array(scanner.remaining)
        var found: (Int, Bool)?
        for run in ExpressionScanner.digitRuns(characters) {
            let index = run.start
            let end = run.start + run.length
            // A run too long to be a count is no count (checkNumbers has refused those the text uses as one).
            guard run.length <= ExpressionScanner.maximumNumberDigits, let value = Int(String(characters[index..<end]))
            else { continue }
            let after = end < characters.count ? characters[end] : nil
            if after == "月" || after == "日" || after == "号" || after == "季" || after == "旬" {
                throw failure(
                    TimeExpressionError.Code.unsupported,
                    zh: "时间表述“\(text)”在周期内指定了具体日期,尚不支持;请拆成周期和期限两项",
                    en: "the time expression \"\(text)\" fixes a day inside the recurrence, which is not supported "
                        + "yet; split it into a recurrence and a deadline")
            }
            if after == "次", found == nil, value > 0 {
                let before = String(characters[max(0, index - 4)..<index])
                let floor = ["不少于", "至少", "不低于", "最少", "不得少于", "不少"].contains { before.hasSuffix($0) }
                let tail = String(characters[(end + 1)...].prefix(3))
                let plus = tail.hasPrefix("以上") || tail.hasPrefix("及以上")
                found = (value, floor || plus)
            }
        }
        return found ?? (1, false)
    }
}
