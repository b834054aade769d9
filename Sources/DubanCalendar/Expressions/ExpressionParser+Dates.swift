/// Dated expressions: points (2022年底), ranges (2022—2025年), start dates (自2010年11月1日起) and five-year plans.
extension ExpressionParser {
    // MARK: - Points and ranges

    /// A point (`2022年6月底`) or a range (`2022—2025年`, `2022年3月-6月`), after an optional lead-in (到, 于…).
    func pointOrRange(_ normalized: String) throws(TimeExpressionError) -> TimeInterpretation? {
        var scanner = ExpressionScanner(normalized)
        _ = scanner.take(anyOf: Self.leadIns)
        if let date = try isoDate(scanner.rest) {
            return TimeInterpretation(text: text, due: date)
        }
        guard let left = try rangeStartOrPoint(&scanner) else { return nil }
        guard scanner.take("-") else {
            guard finishes(&scanner) else { return nil }
            return TimeInterpretation(text: text, due: left.end, conventions: left.endConventions, termEnd: left.termEnd)
        }
        guard let right = try point(&scanner, inheritYear: left.year) else { return nil }
        _ = scanner.take(anyOf: ["发展期间", "期间", "时期", "之间", "间"])
        guard finishes(&scanner) else { return nil }
        guard right.year >= left.year, right.end >= left.start else {
            throw failure(
                TimeExpressionError.Code.reversedRange,
                zh: "时间表述“\(text)”的起止颠倒:结束(\(right.end))早于开始(\(left.start))",
                en: "the time expression \"\(text)\" is reversed: it ends (\(right.end)) before it starts "
                    + "(\(left.start))")
        }
        let yearly = left.granularity == .year && (right.granularity == .year || right.granularity == .yearEnd)
        let milestones = yearly ? (left.year...right.year).map { CivilDate.endOfYear($0) } : []
        return TimeInterpretation(
            text: text, due: right.end, windowStart: left.start, milestones: milestones,
            conventions: unique(left.startConventions + right.endConventions), termEnd: right.termEnd)
    }

    /// `2022-12-31` as the whole text; throws for the same shape naming no real day (`2023-02-30`).
    func isoDate(_ rest: String) throws(TimeExpressionError) -> CivilDate? {
        let shape = rest.enumerated().allSatisfy { offset, character in
            offset == 4 || offset == 7 ? character == "-" : character.isASCIIDigitCharacter
        }
        guard rest.count == 10, shape else { return nil }
        guard let date = CivilDate(iso: rest) else {
            throw invalidDate(rest, LocalizedText(zh: "没有这一天", en: "no such day"))
        }
        try checkYear(date.year)
        return date
    }

    /// A range's left side may be a bare year (`2022` in `2022-2025年`); otherwise a point.
    func rangeStartOrPoint(_ scanner: inout ExpressionScanner) throws(TimeExpressionError) -> ExpressionSpan? {
        var probe = scanner
        if let year = probe.number(maxDigits: 4), year.digits == 4, probe.sees("-") {
            // No 年 yet: a bare number that is no plausible year is something else (a phone number), not a typo.
            guard Self.years.contains(year.value) else { return nil }
            scanner = probe
            return .wholeYear(year.value)
        }
        return try point(&scanner, inheritYear: nil)
    }

    /// One point: `Y年` with an optional part (底, 初, 中, 度, 上半年, 第N季度, 春季学期末, N月…), or, when
    /// `inheritYear` is set, a month without its year (`6月` in `2022年3月-6月`) or a bare year (`2025` in
    /// `(2021-2025)`).
    func point(_ scanner: inout ExpressionScanner, inheritYear: Int?) throws(TimeExpressionError) -> ExpressionSpan? {
        let saved = scanner
        if let number = scanner.number(maxDigits: 4), number.digits == 4 {
            if scanner.take("年") {
                try checkYear(number.value)
                return try yearPart(&scanner, year: number.value)
            }
            if inheritYear != nil, scanner.atEnd, Self.years.contains(number.value) {
                return .wholeYear(number.value)
            }
            if let separator = scanner.take(anyOf: [".", "/"]) {
                return try separatedDate(&scanner, year: number.value, separator: separator)
            }
        }
        scanner = saved
        if let year = inheritYear, let month = scanner.number(maxDigits: 2), scanner.take("月") {
            return try monthPart(&scanner, year: year, month: month.value)
        }
        scanner = saved
        return nil
    }

    /// `2022.6.30`, `2022/6/30` or `2022.6` (the whole month), after the year and the first separator.
    func separatedDate(
        _ scanner: inout ExpressionScanner, year: Int, separator: String
    ) throws(TimeExpressionError) -> ExpressionSpan? {
        guard let month = scanner.number(maxDigits: 2) else { return nil }
        try checkYear(year)
        guard (1...12).contains(month.value) else {
            throw invalidDate(
                "\(year)\(separator)\(month.value)", LocalizedText(zh: "月份应为1—12", en: "months run from 1 to 12"))
        }
        var probe = scanner
        if probe.take(separator), let day = probe.number(maxDigits: 2) {
            scanner = probe
            guard let date = CivilDate(year: year, month: month.value, day: day.value) else {
                let written = "\(year)\(separator)\(month.value)\(separator)\(day.value)"
                throw invalidDate(written, LocalizedText(zh: "没有这一天", en: "no such day"))
            }
            return ExpressionSpan(start: date, end: date, granularity: .day, year: year)
        }
        let first = CivilDate(year: year, month: month.value, day: 1)!
        return ExpressionSpan(
            start: first, end: first.lastOfMonth, granularity: .month, year: year, endConventions: ["N月=当月末"])
    }

    /// What follows `Y年`.
    func yearPart(_ scanner: inout ExpressionScanner, year: Int) throws(TimeExpressionError) -> ExpressionSpan? {
        let y = year
        if scanner.take(anyOf: ["年年底", "年年末", "年底", "年末", "年终", "底", "末"]) != nil {
            return ExpressionSpan(start: .endOfYear(y), end: .endOfYear(y), granularity: .yearEnd, year: y)
        }
        if scanner.take(anyOf: ["年初", "初"]) != nil {
            let end = conventions.yearStart.date(in: y) ?? .endOfYear(y)
            return ExpressionSpan(
                start: .startOfYear(y), end: end, granularity: .partOfYear, year: y,
                endConventions: ["年初=\(conventions.yearStart)"])
        }
        if scanner.take(anyOf: ["年中", "中"]) != nil {
            let day = conventions.midYear.date(in: y) ?? .endOfYear(y)
            return ExpressionSpan(
                start: day, end: day, granularity: .partOfYear, year: y,
                startConventions: ["年中=\(conventions.midYear)"],
                endConventions: ["年中=\(conventions.midYear)"])
        }
        if scanner.take("度") || scanner.take("全年") {
            _ = scanner.take("内")
            return .wholeYear(y)
        }
        if scanner.take("上半年") {
            _ = scanner.take(anyOf: ["末", "底"])
            let end = conventions.firstHalfEnd.date(in: y) ?? .endOfYear(y)
            return ExpressionSpan(
                start: .startOfYear(y), end: end, granularity: .partOfYear, year: y,
                endConventions: ["上半年=\(conventions.firstHalfEnd)"])
        }
        if scanner.take("下半年") {
            _ = scanner.take(anyOf: ["末", "底"])
            let start = (conventions.firstHalfEnd.date(in: y) ?? .endOfYear(y)).adding(days: 1)
            return ExpressionSpan(
                start: min(start, .endOfYear(y)), end: .endOfYear(y), granularity: .partOfYear, year: y,
                startConventions: ["上半年=\(conventions.firstHalfEnd)"])
        }
        if let quarter = try quarterPart(&scanner, year: y) { return quarter }
        if let term = termPart(&scanner, year: y) { return term }
        let beforeMonth = scanner
        if let month = scanner.number(maxDigits: 2), scanner.take("月") {
            return try monthPart(&scanner, year: y, month: month.value)
        }
        scanner = beforeMonth
        if scanner.take("前") {
            return ExpressionSpan(
                start: .endOfYear(y), end: .endOfYear(y), granularity: .yearEnd, year: y,
                endConventions: ["X年前=当年12-31"])
        }
        _ = scanner.take(anyOf: ["以内", "之内", "内"])
        return .wholeYear(y)
    }

    /// `第N季度`, `N季度`, `第N季度末`.
    func quarterPart(_ scanner: inout ExpressionScanner, year: Int) throws(TimeExpressionError) -> ExpressionSpan? {
        var probe = scanner
        _ = probe.take("第")
        guard let quarter = probe.number(maxDigits: 2), probe.take(anyOf: ["季度", "季"]) != nil else { return nil }
        guard (1...4).contains(quarter.value) else {
            throw invalidDate(
                "\(year)年第\(quarter.value)季度", LocalizedText(zh: "一年只有4个季度", en: "a year has 4 quarters"))
        }
        let atEnd = probe.take(anyOf: ["末", "底"]) != nil
        scanner = probe
        let first = CivilDate(year: year, month: quarter.value * 3 - 2, day: 1)!
        let last = CivilDate.endOfMonth(year: year, month: quarter.value * 3)
        return ExpressionSpan(start: atEnd ? last : first, end: last, granularity: .partOfYear, year: year)
    }

    /// `春季学期`, `秋季学期末`, `春季开学`: the school terms of `TimeConventions`.
    func termPart(_ scanner: inout ExpressionScanner, year: Int) -> ExpressionSpan? {
        var probe = scanner
        let spring: Bool
        if probe.take(anyOf: ["春季学期", "春学期"]) != nil {
            spring = true
        } else if probe.take(anyOf: ["秋季学期", "秋学期"]) != nil {
            spring = false
        } else if probe.take("春季开学") {
            scanner = probe
            return termStart(spring: true, year: year)
        } else if probe.take("秋季开学") {
            scanner = probe
            return termStart(spring: false, year: year)
        } else {
            return nil
        }
        let term = spring ? conventions.springTerm : conventions.autumnTerm
        let atEnd = probe.take(anyOf: ["期末", "末", "结束"]) != nil
        scanner = probe
        guard let start = term.startDate(startingIn: year), let end = term.endDate(startingIn: year) else { return nil }
        let name = spring ? "春季学期" : "秋季学期"
        let endText = (term.endsInNextYear ? "次年" : "") + term.end.description
        return ExpressionSpan(
            start: atEnd ? end : start, end: end, granularity: .partOfYear, year: year,
            startConventions: atEnd ? ["\(name)末=\(endText)"] : ["\(name)起=\(term.start)"],
            endConventions: ["\(name)末=\(endText)"], termEnd: TermReference(year: year, season: spring ? .spring : .autumn))
    }

    private func termStart(spring: Bool, year: Int) -> ExpressionSpan? {
        let term = spring ? conventions.springTerm : conventions.autumnTerm
        guard let day = term.startDate(startingIn: year) else { return nil }
        let note = (spring ? "春季学期起=" : "秋季学期起=") + term.start.description
        return ExpressionSpan(
            start: day, end: day, granularity: .partOfYear, year: year, startConventions: [note], endConventions: [note]
        )
    }

    /// What follows `Y年N月`: a day, 底/末, 上旬/中旬/下旬, 前, or nothing (the whole month).
    func monthPart(_ scanner: inout ExpressionScanner, year: Int, month: Int) throws(TimeExpressionError)
        -> ExpressionSpan?
    {
        guard (1...12).contains(month) else {
            throw invalidDate("\(year)年\(month)月", LocalizedText(zh: "月份应为1—12", en: "months run from 1 to 12"))
        }
        _ = scanner.take("份")
        let first = CivilDate(year: year, month: month, day: 1)!
        let last = first.lastOfMonth
        let beforeDay = scanner
        if let day = scanner.number(maxDigits: 2), scanner.take(anyOf: ["日", "号"]) != nil {
            guard let date = CivilDate(year: year, month: month, day: day.value) else {
                throw invalidDate(
                    "\(year)年\(month)月\(day.value)日",
                    LocalizedText(
                        zh: "\(year)年\(month)月只有\(last.day)天", en: "\(year)-\(month) has \(last.day) days"))
            }
            _ = scanner.take("前")
            return ExpressionSpan(start: date, end: date, granularity: .day, year: year)
        }
        scanner = beforeDay
        if scanner.take(anyOf: ["底", "末"]) != nil {
            return ExpressionSpan(start: last, end: last, granularity: .partOfMonth, year: year)
        }
        let early = min(conventions.earlyMonthDay, last.day)
        let middle = min(max(conventions.midMonthDay, early), last.day)
        if scanner.take("上旬") {
            return ExpressionSpan(
                start: first, end: first.adding(days: early - 1), granularity: .partOfMonth, year: year,
                endConventions: ["上旬=\(conventions.earlyMonthDay)日"])
        }
        if scanner.take("中旬") {
            return ExpressionSpan(
                start: first.adding(days: min(early, middle - 1)), end: first.adding(days: middle - 1),
                granularity: .partOfMonth, year: year, startConventions: ["上旬=\(conventions.earlyMonthDay)日"],
                endConventions: ["中旬=\(conventions.midMonthDay)日"])
        }
        if scanner.take("下旬") {
            return ExpressionSpan(
                start: first.adding(days: min(middle, last.day - 1)), end: last, granularity: .partOfMonth,
                year: year, startConventions: ["中旬=\(conventions.midMonthDay)日"])
        }
        if scanner.take("前") {
            switch conventions.beforeMonth {
            case .endOfPreviousMonth:
                let day = first.adding(days: -1)
                return ExpressionSpan(
                    start: day, end: day, granularity: .month, year: year, endConventions: ["N月前=上月末"])
            case .endOfMonth:
                return ExpressionSpan(
                    start: last, end: last, granularity: .month, year: year, endConventions: ["N月前=当月末"])
            }
        }
        return ExpressionSpan(start: first, end: last, granularity: .month, year: year, endConventions: ["N月=当月末"])
    }

    // MARK: - Start dates

    /// `自2010年11月1日起`, `2021年秋季学期起`, `从2022年起至2025年底`: a window start, with a due when an end follows.
    func startDate(_ normalized: String) throws(TimeExpressionError) -> TimeInterpretation? {
        var scanner = ExpressionScanner(normalized)
        let hasLead = scanner.take(anyOf: ["自", "从", "由", "于"]) != nil
        guard let start = try point(&scanner, inheritYear: nil) else { return nil }
        guard scanner.take(anyOf: ["起", "开始"]) != nil || (hasLead && scanner.sees("至")) else { return nil }
        var due: CivilDate?
        var conventionsUsed = start.startConventions
        var probe = scanner
        if probe.take(anyOf: ["至", "到", "-"]) != nil, let end = try point(&probe, inheritYear: start.year) {
            guard end.end >= start.start else {
                throw failure(
                    TimeExpressionError.Code.reversedRange,
                    zh: "时间表述“\(text)”的起止颠倒:结束(\(end.end))早于开始(\(start.start))",
                    en: "the time expression \"\(text)\" is reversed: it ends (\(end.end)) before it starts "
                        + "(\(start.start))")
            }
            due = end.end
            conventionsUsed += end.endConventions
            scanner = probe
        }
        // What follows 起 is the duty (正式受理…); it may not hold another date.
        guard !scanner.restHasDigit else { return nil }
        return TimeInterpretation(text: text, due: due, windowStart: start.start, conventions: unique(conventionsUsed))
    }

    // MARK: - Five-year plans

    /// `十四五`, `“十四五”期间`, `十五五时期`, `十四五末`: the k-th five-year plan, k ≥ 3, runs 1966 + 5(k − 3) to four
    /// years later.
    func fiveYearPlan(_ normalized: String) throws(TimeExpressionError) -> TimeInterpretation? {
        var scanner = ExpressionScanner(normalized)
        _ = scanner.take(anyOf: Self.leadIns)
        _ = scanner.take("第")
        var run: [Character] = []
        while let next = scanner.next, ChineseNumerals.isNumeral(next) {
            run.append(next)
            scanner.index += 1
        }
        guard run.count >= 2, run.last == "五", let k = ChineseNumerals.value(run.dropLast()) else { return nil }
        let runEnd = scanner.index
        _ = scanner.take(anyOf: ["规划", "计划"])
        let window: Bool
        if scanner.take(anyOf: ["规划期间", "规划期内", "规划期", "期间", "时期", "期内", "期"]) != nil {
            window = !scanner.take("末")
        } else if scanner.take(anyOf: ["末期", "末"]) != nil {
            window = false
        } else {
            window = true
        }
        // A well-formed number (二十五) is not a plan name; two digits (九五) count only with a plan suffix.
        if ChineseNumerals.value(run) != nil {
            guard run.count == 2, scanner.index > runEnd else { return nil }
        }
        guard finishes(&scanner) else { return nil }
        guard k >= 3 else {
            throw failure(
                TimeExpressionError.Code.unsupported,
                zh: "时间表述“\(text)”指第\(k)个五年计划,早于1966年,不予换算",
                en: "the time expression \"\(text)\" names five-year plan \(k), before 1966; not converted")
        }
        let first = 1966 + 5 * (k - 3)
        let last = first + 4
        try checkYear(last)
        return TimeInterpretation(
            text: text, due: .endOfYear(last), windowStart: window ? .startOfYear(first) : nil,
            milestones: window ? (first...last).map { CivilDate.endOfYear($0) } : [])
    }

    /// `items` without repeats, in order.
    func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
