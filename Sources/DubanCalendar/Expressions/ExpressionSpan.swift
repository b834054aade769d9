/// The stretch of days one point expression names (`2022年` is all of 2022, `2022年6月底` is one day), with the
/// conventions each end relies on.
///
/// A point's due date is `end`; a range starts at its left point's `start` and ends at its right point's `end`.
struct ExpressionSpan {
    /// How precisely the text named the span; decides whether a range gets yearly milestones.
    enum Granularity {
        /// A whole year (`2022年`, `2022年度`).
        case year
        /// The end of a year (`2022年底`).
        case yearEnd
        /// Part of a year: 年初, 年中, 上半年, a quarter or a school term.
        case partOfYear
        /// A whole month (`2022年6月`), or the day before it (`6月前`).
        case month
        /// Part of a month: 月底, 上旬, 中旬, 下旬.
        case partOfMonth
        /// One day.
        case day
    }

    var start: CivilDate
    var end: CivilDate
    var granularity: Granularity
    /// The year as written, inherited by a range's right side that omits it (`2022年3月-6月`).
    var year: Int
    /// Conventions used when the span is read as a start (`秋季学期起=09-01`).
    var startConventions: [String] = []
    /// Conventions used when the span is read as a deadline (`年初=03-31`).
    var endConventions: [String] = []
    /// The school term whose end this span's end is (学期末), if any.
    var termEnd: TermReference? = nil

    /// All of `year`.
    static func wholeYear(_ year: Int) -> ExpressionSpan {
        ExpressionSpan(start: .startOfYear(year), end: .endOfYear(year), granularity: .year, year: year)
    }
}
