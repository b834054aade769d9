/// How to read `X年N月前` ("before month N of year X"), which the text leaves open.
public enum BeforeMonthReading: String, Hashable, Sendable, Codable, CaseIterable {
    /// Before month N starts: the last day of month N−1 (`2022年6月前` → 2022-05-31). The default.
    case endOfPreviousMonth = "end_of_previous_month"
    /// By the end of month N, the looser reading (`2022年6月前` → 2022-06-30).
    case endOfMonth = "end_of_month"
}
