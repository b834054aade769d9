/// Reads the State Council's annual holiday notice, 国务院办公厅关于20XX年部分节假日安排的通知, into a
/// `HolidayYear`.
///
/// The notice is a title giving the year, a document number (国办发明电〔YYYY〕N号), numbered items such as
/// `二、春节:2月15日(农历腊月二十八、周日)至23日(农历正月初七、周一)放假调休,共9天。2月14日(周六)、2月28日(周六)上班。`
/// and a date line. The parser accepts the variations copies show across years: ranges written with 至 or a dash
/// and crossing months or years, 周X or 星期X annotations, lunar annotations (ignored), 与周末连休, 补休,
/// 放假N天, combined items (中秋节、国庆节), Traditional characters and full-width digits and punctuation.
///
/// It refuses a notice rather than guess: any wrong 周X/星期X annotation, an impossible date, a make-up working day
/// that is not a Saturday or Sunday, a 共N天 that differs from the days off, a date neither off nor worked, or no
/// readable item at all. The error quotes the item at fault.
public enum HolidayNotice {
    /// Parses a notice's full text.
    ///
    /// - Parameters:
    ///   - text: the notice, Simplified or Traditional, half- or full-width.
    ///   - year: the year arranged; may be nil when the title says it (关于2026年部分节假日安排的通知). When both are
    ///     given they must agree.
    /// - Returns: the year's holidays in the notice's order, each with every day off (ranges expanded, 与周末连休
    ///   weekends and 补休 days included) and every make-up working day; the document number and publication date
    ///   when the notice has them.
    /// - Throws: `HolidayNoticeError`; its `code` is one of ``HolidayNoticeError/Code``.
    public static func parse(_ text: String, year: Int? = nil) throws(HolidayNoticeError) -> HolidayYear {
        let notice = NoticeText(text)
        let resolvedYear: Int
        switch (year, titleYear(in: notice)) {
        case let (given?, (title, line)?) where given != title:
            throw .yearMismatch(item: line, title: title, given: given)
        case let (given?, _):
            resolvedYear = given
        case let (nil, (title, _)?):
            resolvedYear = title
        case (nil, nil):
            throw .noYear()
        }

        let items = NoticeItem.find(in: notice)
        guard !items.isEmpty else { throw .noItems() }

        var holidays: [Holiday] = []
        var offDays = Set<CivilDate>()
        for (index, item) in items.enumerated() {
            let quote = notice.quote(item.range)
            // Numbers run on by one (an excerpt may start at 四、), so a dropped item is noticed.
            let expected = items[0].number + index
            guard item.number == expected else {
                throw .itemNumbering(item: quote, expected: expected, found: item.number)
            }
            let holiday = try item.holiday(in: notice, year: resolvedYear)
            if holidays.contains(where: { $0.name == holiday.name }) {
                throw .duplicateHoliday(item: quote, name: holiday.name)
            }
            for day in holiday.off where !offDays.insert(day).inserted {
                throw .overlappingDays(item: quote, date: day)
            }
            holidays.append(holiday)
        }
        for (holiday, item) in zip(holidays, items) {
            if let day = holiday.work.first(where: offDays.contains) {
                throw .overlappingDays(item: notice.quote(item.range), date: day)
            }
        }

        return HolidayYear(
            year: resolvedYear,
            source: source(in: notice),
            published: try published(in: notice, lastItem: items[items.count - 1].range),
            holidays: holidays
        )
    }

    /// English names of the statutory holidays, by their Chinese names.
    public static let englishNames: [String: String] = [
        "元旦": "New Year's Day",
        "春节": "Spring Festival",
        "清明节": "Qingming Festival",
        "劳动节": "Labour Day",
        "端午节": "Dragon Boat Festival",
        "中秋节": "Mid-Autumn Festival",
        "国庆节": "National Day",
    ]

    /// The English name of an item's holiday: 中秋节、国庆节 gives "Mid-Autumn Festival & National Day"; nil when
    /// any part is not a statutory holiday.
    public static func englishName(for name: String) -> String? {
        var parts: [String] = []
        for part in name.split(separator: "、") {
            guard let english = englishNames[NoticeText.trimmed(part)] else { return nil }
            parts.append(english)
        }
        return parts.isEmpty ? nil : parts.joined(separator: " & ")
    }

    /// The year in the title (关于2026年部分节假日安排的通知, possibly broken across lines), with the title's line.
    private static func titleYear(in notice: NoticeText) -> (year: Int, line: String)? {
        let characters = notice.normalized
        for index in characters.indices.dropLast() where characters[index] == "关" && characters[index + 1] == "于" {
            var scanner = NoticeScanner(characters, range: (index + 2)..<characters.count)
            scanner.skipWhiteSpace()
            let yearStart = scanner.index
            guard let year = scanner.consumeDigits(maxCount: 4), scanner.index - yearStart == 4, scanner.consume("年")
            else { continue }
            scanner.skipWhiteSpace()
            guard scanner.hasPrefix("部分节假日") || scanner.hasPrefix("节假日") else { continue }
            let line = notice.lines.first(where: { $0.contains(index) }) ?? index..<scanner.index
            return (year, notice.quote(line))
        }
        return nil
    }

    /// The document number, 国办发明电〔2025〕7号, normalized to 〔〕 brackets and without spaces.
    private static func source(in notice: NoticeText) -> String? {
        let compact = notice.normalized.filter { !$0.isWhitespace }
        var scanner = NoticeScanner(compact, range: 0..<compact.count)
        while !scanner.isAtEnd {
            guard scanner.consume("国办发明电") else {
                scanner.advance()
                continue
            }
            let number = scanner.attempt { s -> String? in
                guard let open = s.current, "〔[【(".contains(open) else { return nil }
                s.advance()
                let yearStart = s.index
                guard let year = s.consumeDigits(maxCount: 4), s.index - yearStart == 4,
                    let close = s.current, "〕]】)".contains(close)
                else { return nil }
                s.advance()
                guard let serial = s.consumeDigits(maxCount: 4), s.consume("号") else { return nil }
                return "国办发明电〔\(year)〕\(serial)号"
            }
            if let number { return number }
        }
        return nil
    }

    /// The publication date: the last line after the items that is only a date (2025年11月4日 or
    /// 二〇二五年十一月四日), possibly after 国务院办公厅; for copies that run everything together, a date right after
    /// the last 国务院办公厅 at the end of the last item.
    private static func published(
        in notice: NoticeText,
        lastItem: Range<Int>
    ) throws(HolidayNoticeError) -> CivilDate? {
        for line in notice.lines.reversed() where line.lowerBound >= lastItem.upperBound {
            if let date = try signatureDate(in: notice, line) { return date }
        }
        let characters = notice.normalized
        let signature = lastItem.last { start in
            NoticeScanner(characters, range: start..<lastItem.upperBound).hasPrefix("国务院办公厅")
        }
        guard let signature else { return nil }
        return try signatureDate(in: notice, signature..<lastItem.upperBound)
    }

    /// The date in `range` when the range holds only a date, possibly after 国务院办公厅.
    private static func signatureDate(
        in notice: NoticeText,
        _ range: Range<Int>
    ) throws(HolidayNoticeError) -> CivilDate? {
        var scanner = NoticeScanner(notice.normalized, range: range)
        scanner.skipWhiteSpace()
        _ = scanner.consume("国务院办公厅")
        scanner.skipWhiteSpace()
        let start = scanner.index
        guard let parts = dateParts(&scanner) else { return nil }
        let end = scanner.index
        scanner.skipWhiteSpace()
        guard scanner.isAtEnd else { return nil }
        guard let date = CivilDate(year: parts.year, month: parts.month, day: parts.day) else {
            throw .impossibleDate(item: notice.quote(range), written: notice.quote(start..<end))
        }
        return date
    }

    /// Reads YYYY年M月D日 in digits or Chinese numerals.
    private static func dateParts(_ scanner: inout NoticeScanner) -> (year: Int, month: Int, day: Int)? {
        scanner.attempt { s -> (year: Int, month: Int, day: Int)? in
            let yearStart = s.index
            guard let year = s.consumeDigits(maxCount: 4) ?? s.consumeChineseNumber(), s.index - yearStart == 4,
                s.consume("年"),
                let month = s.consumeDigits(maxCount: 2) ?? s.consumeChineseNumber(), s.consume("月"),
                let day = s.consumeDigits(maxCount: 2) ?? s.consumeChineseNumber(), s.consume("日")
            else { return nil }
            return (year, month, day)
        }
    }
}
