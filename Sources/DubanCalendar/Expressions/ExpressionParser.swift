/// Reads one normalized time expression into a `TimeInterpretation`.
///
/// The reader tries each class of expression in a fixed order (rejected vague words, ongoing duties, five-year
/// plans, procedural limits, cycles, recurrences, start dates, then points and ranges) and accepts a class only
/// when it consumes the whole text, so nothing is guessed from a fragment. The one exception is a clause break:
/// `到2025年,全州…` reads the time phrase before the comma.
struct ExpressionParser {
    /// The text as written, quoted in errors.
    let text: String
    let conventions: TimeConventions

    /// Plausible plan years; anything else is taken for a typo.
    static let years = 1900...2199

    /// Interprets `normalized` (the output of `ExpressionNormalizer.normalize(text)`).
    func interpret(_ normalized: String) throws(TimeExpressionError) -> TimeInterpretation {
        guard !normalized.isEmpty else {
            throw failure(
                TimeExpressionError.Code.empty, zh: "时间表述为空", en: "the time expression is empty")
        }
        try checkNumbers(normalized)
        try rejectUnschedulable(normalized)
        if let result = ongoing(normalized) { return result }
        if let result = try fiveYearPlan(normalized) { return result }
        if let result = try procedural(normalized) { return result }
        if let result = cycle(normalized) { return result }
        if let result = try recurrence(normalized) { return result }
        if let result = try startDate(normalized) { return result }
        if let result = try pointOrRange(normalized) { return result }
        try rejectBareDuration(normalized)
        throw failure(
            TimeExpressionError.Code.unrecognized,
            zh: "无法识别时间表述“\(text)”;请写成如“2022年底”“2022年6月30日”“2022—2025年”“每年不少于2次”“15个工作日内”的形式",
            en: "cannot read the time expression \"\(text)\"; write it like 2022年底, 2022年6月30日, 2022—2025年, "
                + "每年不少于2次 or 15个工作日内")
    }

    // MARK: - Errors

    /// An error about this text.
    func failure(_ code: String, zh: String, en: String) -> TimeExpressionError {
        TimeExpressionError(text: text, code: code, message: LocalizedText(zh: zh, en: en))
    }

    /// A date that does not exist, such as 2023年2月30日.
    func invalidDate(_ written: String, _ reason: LocalizedText) -> TimeExpressionError {
        failure(
            TimeExpressionError.Code.invalidDate,
            zh: "时间表述“\(text)”中的日期不存在:\(written)(\(reason.zh))",
            en: "the time expression \"\(text)\" names a date that does not exist: \(written) (\(reason.en))")
    }

    /// Checks that `year` is a plausible plan year.
    func checkYear(_ year: Int) throws(TimeExpressionError) {
        guard Self.years.contains(year) else {
            throw failure(
                TimeExpressionError.Code.yearOutOfRange,
                zh: "时间表述“\(text)”中的年份\(year)不在\(Self.years.lowerBound)—\(Self.years.upperBound)年之间,疑为笔误",
                en: "the time expression \"\(text)\" has the year \(year), outside \(Self.years.lowerBound)–"
                    + "\(Self.years.upperBound); probably a typo")
        }
    }

    /// The longest number a time expression holds: a year (2025).
    static let maximumDigits = 4
    /// The largest count (N个工作日, N次, N个月, N轮): three digits.
    static let maximumCount = 999
    /// Characters after which a digit run is a number of the expression (a year, a month, a day, a count).
    static let numberFollowers: Set<Character> = ["年", "月", "日", "号", "个", "工", "天", "次", "轮", "周", "季", "学", "期"]
    /// Words that make the number before them a count, not a year.
    static let countWords = ["个", "工作日", "日内", "天", "次", "轮", "周"]

    /// Throws for a number no time expression holds, before anything adds it up: a run of more than four digits
    /// anywhere, or a four-digit count (1000个工作日内). The error quotes the number and says where it starts
    /// (its character position in the text as read, after full-width and Chinese digits are folded).
    func checkNumbers(_ normalized: String) throws(TimeExpressionError) {
        let characters = Array(normalized)
        for run in ExpressionScanner.digitRuns(characters) {
            let end = run.start + run.length
            let isCount = Self.countWords.contains { word in
                end + word.count <= characters.count && String(characters[end..<end + word.count]) == word
            }
            // A long run the expression uses as a number (before 年, 月, a count word…) is out of range; a long run
            // before anything else (a telephone number) is simply not a time expression.
            let usedAsNumber = end < characters.count && Self.numberFollowers.contains(characters[end])
            guard usedAsNumber && run.length > Self.maximumDigits || isCount && run.length > 3 else { continue }
            let digits = String(characters[run.start..<end])
            let quoted = digits.count > 24 ? digits.prefix(24) + "…" : Substring(digits)
            throw failure(
                TimeExpressionError.Code.numberOutOfRange,
                zh: "时间表述“\(text)”中的数字\(quoted)(第\(run.start + 1)个字符起,共\(run.length)位)超出范围:"
                    + "年份为4位数字,工作日、天数、次数等计数为1到\(Self.maximumCount)",
                en: "the time expression \"\(text)\" has the number \(quoted) (from character \(run.start + 1), "
                    + "\(run.length) digits), out of range: a year has 4 digits, a count of working days, days or times "
                    + "is 1 to \(Self.maximumCount)")
        }
    }

    // MARK: - Rejections

    static let vagueWords = [
        "尽快", "尽早", "早日", "及时", "适时", "逐步", "近期", "限期", "中期", "按时", "按期", "立即", "马上", "择机",
        "另行", "随时", "届时",
    ]
    static let relativeWords = ["今年", "明年", "后年", "次年", "当年", "本年", "去年", "上年", "来年", "近年", "下一年"]

    /// Throws for words that carry no date: vague (尽快), unstated period (定期), relative (五年后), baseline (截至).
    func rejectUnschedulable(_ normalized: String) throws(TimeExpressionError) {
        if let word = Self.vagueWords.first(where: { normalized.hasPrefix($0) }) {
            throw failure(
                TimeExpressionError.Code.vague,
                zh: "时间表述“\(text)”中的“\(word)”没有具体期限,请在计划中写明日期",
                en: "the time expression \"\(text)\" is vague (\(word)) and names no date; state a date in the plan")
        }
        if normalized.hasPrefix("定期") {
            throw failure(
                TimeExpressionError.Code.periodUnstated,
                zh: "时间表述“\(text)”为“定期”,未写明周期,请在计划中写明(如每年、每季度)",
                en: "the time expression \"\(text)\" says 定期 (regularly) without a period; state one in the plan "
                    + "(every year, every quarter…)")
        }
        var scanner = ExpressionScanner(normalized)
        _ = scanner.take(anyOf: ["通过", "经过", "用"])
        let relativeByCount: Bool = {
            guard scanner.number(maxDigits: 3) != nil else { return false }
            _ = scanner.take("个")
            guard scanner.take(anyOf: ["年", "月", "周", "天", "日"]) != nil else { return false }
            return scanner.take(anyOf: ["后", "以后", "之后", "努力", "时间"]) != nil
        }()
        if relativeByCount || Self.relativeWords.contains(where: { normalized.hasPrefix($0) }) {
            throw failure(
                TimeExpressionError.Code.relative,
                zh: "时间表述“\(text)”是相对时间,缺少起算点,请写明具体年份",
                en: "the time expression \"\(text)\" is relative to an unstated starting point; state the year")
        }
        if normalized.hasPrefix("截至") || normalized.hasPrefix("目前") || normalized.hasPrefix("截止目前") {
            throw failure(
                TimeExpressionError.Code.baseline,
                zh: "时间表述“\(text)”是统计基准时点(截至),不是完成期限",
                en: "the time expression \"\(text)\" is a baseline (截至, as of), not a deadline")
        }
    }

    /// Throws for a bare duration such as 3年 or 6个月 (a span, not a date).
    func rejectBareDuration(_ normalized: String) throws(TimeExpressionError) {
        var scanner = ExpressionScanner(normalized)
        guard scanner.number(maxDigits: 3) != nil else { return }
        _ = scanner.take("个")
        guard scanner.take(anyOf: ["年", "月", "星期", "周", "天", "日"]) != nil else { return }
        _ = scanner.take(anyOf: ["来", "间"])
        guard scanner.atEnd else { return }
        throw failure(
            TimeExpressionError.Code.ambiguousDuration,
            zh: "时间表述“\(text)”只是一段时长,不是日期;请写明年份(如“2025年”)或周期(如“3年完成一轮”“15个工作日内”)",
            en: "the time expression \"\(text)\" is a bare duration, not a date; give a year (2025年) or a cycle "
                + "or limit (3年完成一轮, 15个工作日内)")
    }

    // MARK: - Ongoing

    static let ongoingWords = [
        "长期坚持执行", "长期坚持", "长期有效", "长期开展", "长期执行", "长期", "持续推进", "持续开展", "持续实施", "持续",
        "常态化开展", "常态化推进", "常态化实施", "常态化", "常年", "长效",
    ]
    static let ongoingPrefixes = ["长期坚持", "持续开展", "持续推进", "常态化"]

    /// 长期坚持, 持续开展…, 常态化…: an open-ended duty.
    func ongoing(_ normalized: String) -> TimeInterpretation? {
        let exact = Self.ongoingWords.contains(normalized)
        let prefixed = Self.ongoingPrefixes.contains { prefix in
            normalized.hasPrefix(prefix) && !normalized.dropFirst(prefix.count).contains { $0.isASCIIDigitCharacter }
        }
        guard exact || prefixed else { return nil }
        return TimeInterpretation(text: text, ongoing: true)
    }

    // MARK: - Shared pieces

    /// Words before a deadline that add nothing: 到2025年, 于2022年底, 力争到2025年.
    static let leadIns = [
        "截止到", "截止至", "截止", "力争到", "力争于", "力争在", "力争", "争取到", "争取于", "争取在", "争取", "计划到",
        "计划于", "计划在", "预计到", "预计于", "要在", "须在", "应在", "应于", "到", "于", "在", "至",
    ]

    /// Words after a deadline that add nothing: 2022年底完成, 到2025年为止.
    static let trailingNoise = ["完成", "为止", "止"]

    /// Consumes trailing noise; true when the text is then used up or a new clause starts after a comma.
    func finishes(_ scanner: inout ExpressionScanner, allowingClause: Bool = true) -> Bool {
        if scanner.sees("前完成") { return false }  // 前 matters after a month; the grammar took it if allowed
        _ = scanner.take(anyOf: Self.trailingNoise)
        if scanner.atEnd { return true }
        return allowingClause && scanner.next == ","
    }
}
