/// A date as a notice's item writes it, before its year is known: 2022年12月31日, 4月30日, or 3日 after a
/// range mark (the month comes from the date before it).
struct NoticeDate {
    /// The year when written out (2022年12月31日), nil otherwise.
    var year: Int?
    /// The month; nil for a bare day such as the 3日 of 1月1日至3日.
    var month: Int?
    var day: Int
    /// The text of the parentheses right after the date, e.g. 农历腊月二十八、周日; nil when there are none.
    var annotation: String?
    /// The date as written (normalized), for messages.
    var written: String

    /// Reads a date at the scanner's position, or returns nil and leaves the position unchanged.
    ///
    /// - Parameters:
    ///   - scanner: positioned on a digit.
    ///   - allowBareDay: whether a bare day (3日) counts as a date; true once the item has given a full date.
    static func scan(_ scanner: inout NoticeScanner, allowBareDay: Bool) -> NoticeDate? {
        let start = scanner.index
        return scanner.attempt { s -> NoticeDate? in
            guard let first = s.consumeDigits(maxCount: 4) else { return nil }
            let digitCount = s.index - start
            s.skipWhiteSpace()
            var date: NoticeDate
            if s.consume("年") {
                guard digitCount == 4 else { return nil }
                s.skipWhiteSpace()
                guard let month = s.consumeDigits(maxCount: 2), s.skipping(), s.consume("月"), s.skipping(),
                    let day = s.consumeDigits(maxCount: 2), s.skipping(), s.consume("日")
                else { return nil }
                date = NoticeDate(year: first, month: month, day: day, written: "")
            } else if s.consume("月") {
                guard digitCount <= 2 else { return nil }
                s.skipWhiteSpace()
                guard let day = s.consumeDigits(maxCount: 2), s.skipping(), s.consume("日") else { return nil }
                date = NoticeDate(year: nil, month: first, day: day, written: "")
            } else if allowBareDay, digitCount <= 2, s.consume("日") {
                date = NoticeDate(year: nil, month: nil, day: first, written: "")
            } else {
                return nil
            }
            date.written = String(s.characters[start..<s.index].filter { !$0.isWhitespace })
            return date
        }
    }
}

extension NoticeScanner {
    /// Skips white space and returns true, for use inside a `guard` condition list.
    fileprivate mutating func skipping() -> Bool {
        skipWhiteSpace()
        return true
    }
}
