/// Everything a Chinese plan's time expression leaves unsaid, with the defaults duban uses.
///
/// These are choices, not facts: a county may end its spring term on 07-10 instead of 07-15. Every
/// `TimeInterpretation` lists the conventions it relied on, so a reader can see which choice produced a date.
/// Decoding accepts a partial object: a missing key keeps its default.
public struct TimeConventions: Hashable, Sendable, Codable {
    /// 年初 (start of year) as a deadline. Default 03-31, the end of the first quarter.
    public var yearStart: MonthDay
    /// 年中 (middle of the year). Default 06-30.
    public var midYear: MonthDay
    /// The end of 上半年 (first half-year). Default 06-30.
    public var firstHalfEnd: MonthDay
    /// 春季学期 (spring term). Default 03-01 … 07-15; 学期末 is `end`.
    public var springTerm: TermDates
    /// 秋季学期 (autumn term). Default 09-01 … 01-20 of the next year.
    public var autumnTerm: TermDates
    /// The day 上旬 (first ten days of a month) ends on. Default 10.
    public var earlyMonthDay: Int
    /// The day 中旬 (middle ten days) ends on. Default 20. 下旬 always ends on the month's last day.
    public var midMonthDay: Int
    /// How `X年N月前` is read. Default `.endOfPreviousMonth`.
    public var beforeMonth: BeforeMonthReading

    public init(
        yearStart: MonthDay = MonthDay(month: 3, day: 31),
        midYear: MonthDay = MonthDay(month: 6, day: 30),
        firstHalfEnd: MonthDay = MonthDay(month: 6, day: 30),
        springTerm: TermDates = TermDates(start: MonthDay(month: 3, day: 1), end: MonthDay(month: 7, day: 15)),
        autumnTerm: TermDates = TermDates(start: MonthDay(month: 9, day: 1), end: MonthDay(month: 1, day: 20)),
        earlyMonthDay: Int = 10,
        midMonthDay: Int = 20,
        beforeMonth: BeforeMonthReading = .endOfPreviousMonth
    ) {
        self.yearStart = yearStart
        self.midYear = midYear
        self.firstHalfEnd = firstHalfEnd
        self.springTerm = springTerm
        self.autumnTerm = autumnTerm
        self.earlyMonthDay = earlyMonthDay
        self.midMonthDay = midMonthDay
        self.beforeMonth = beforeMonth
    }

    /// The defaults documented on each property.
    public static let `default` = TimeConventions()

    /// Decodes the keys present and keeps the default for every missing one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fallback = TimeConventions.default
        yearStart = try container.decodeIfPresent(MonthDay.self, forKey: .yearStart) ?? fallback.yearStart
        midYear = try container.decodeIfPresent(MonthDay.self, forKey: .midYear) ?? fallback.midYear
        firstHalfEnd = try container.decodeIfPresent(MonthDay.self, forKey: .firstHalfEnd) ?? fallback.firstHalfEnd
        springTerm = try container.decodeIfPresent(TermDates.self, forKey: .springTerm) ?? fallback.springTerm
        autumnTerm = try container.decodeIfPresent(TermDates.self, forKey: .autumnTerm) ?? fallback.autumnTerm
        earlyMonthDay = try container.decodeIfPresent(Int.self, forKey: .earlyMonthDay) ?? fallback.earlyMonthDay
        midMonthDay = try container.decodeIfPresent(Int.self, forKey: .midMonthDay) ?? fallback.midMonthDay
        beforeMonth =
            try container.decodeIfPresent(BeforeMonthReading.self, forKey: .beforeMonth) ?? fallback.beforeMonth
        guard (1...28).contains(earlyMonthDay), (earlyMonthDay + 1...30).contains(midMonthDay) else {
            throw DecodingError.dataCorruptedError(
                forKey: .midMonthDay, in: container,
                debugDescription: "need 1 <= earlyMonthDay (\(earlyMonthDay)) < midMonthDay (\(midMonthDay)) <= 30")
        }
    }
}
