/// Turns an item's written dates into civil dates, in the order the item writes them, and checks each against its
/// 周X/星期X annotation.
///
/// A date without a year takes the notice's year, with two exceptions at the turn of the year:
/// - a range whose end comes before its start in the calendar (12月30日至1月1日) crosses the turn of the year; when
///   it is the item's first date it ends in the notice's year (the 元旦 holiday of 20XX starts in December of the
///   year before);
/// - any later December or January date takes the year (the notice's, the one before or the one after) that puts
///   it nearest the item's first date, so a make-up day 12月29日 beside 12月30日至1月1日 lands in December too.
///
/// A bare day (the 3日 of 1月1日至3日, or 9日 in 10月8日、9日) takes the year and month of the date before it.
struct NoticeDateResolver {
    /// The notice's year.
    let year: Int
    /// The item, quoted as written, for errors.
    let item: String
    /// The item's first date.
    private(set) var reference: CivilDate?
    /// The latest date read.
    private(set) var previous: CivilDate?

    init(year: Int, item: String) {
        self.year = year
        self.item = item
    }

    /// Every day from `start` through `end` (just `start` when `end` is nil).
    mutating func resolve(_ start: NoticeDate, through end: NoticeDate?) throws(HolidayNoticeError) -> [CivilDate] {
        guard let end else {
            return [try single(start)]
        }
        let written = start.written + "至" + end.written
        guard let startMonth = start.month ?? previous?.month else {
            throw .unclassifiedDate(item: item, written: written)
        }
        let endMonth = end.month ?? startMonth
        let crosses = (endMonth, end.day) < (startMonth, start.day)
        // Only a December-to-January range may end before it starts in the calendar.
        if crosses, start.year == nil || end.year == nil, startMonth != 12 || endMonth != 1 {
            throw .badRange(item: item, written: written)
        }
        let startYear: Int
        let endYear: Int
        switch (start.year, end.year) {
        case let (first?, last?):
            startYear = first
            endYear = last
        case let (first?, nil):
            startYear = first
            endYear = crosses ? first + 1 : first
        case let (nil, last?):
            endYear = last
            startYear = crosses ? last - 1 : last
        case (nil, nil):
            if start.month == nil, let previous {
                startYear = previous.year
            } else if crosses, reference == nil {
                startYear = year - 1
            } else {
                startYear = nearestYear(month: startMonth, day: start.day)
            }
            endYear = crosses ? startYear + 1 : startYear
        }
        let first = try civilDate(startYear, startMonth, start.day, written: start.written)
        try check(first, against: start)
        let last = try civilDate(endYear, endMonth, end.day, written: end.written)
        try check(last, against: end)
        guard first <= last, first.days(to: last) <= 30 else {
            throw .badRange(item: item, written: written)
        }
        note(first)
        note(last)
        return (0...first.days(to: last)).map { first.adding(days: $0) }
    }

    private mutating func single(_ written: NoticeDate) throws(HolidayNoticeError) -> CivilDate {
        let resolvedYear: Int
        let month: Int
        if let writtenMonth = written.month {
            month = writtenMonth
            resolvedYear = written.year ?? nearestYear(month: month, day: written.day)
        } else if let previous {
            month = previous.month
            resolvedYear = previous.year
        } else {
            throw .unclassifiedDate(item: item, written: written.written)
        }
        let date = try civilDate(resolvedYear, month, written.day, written: written.written)
        try check(date, against: written)
        note(date)
        return date
    }

    /// The notice's year, or for December and January dates after the item's first date, the neighbouring year
    /// that puts the date nearest the first date.
    private func nearestYear(month: Int, day: Int) -> Int {
        guard let reference, month == 1 || month == 12, (1...31).contains(day) else { return year }
        let candidate = month == 12 ? year - 1 : year + 1
        func distance(_ y: Int) -> Int {
            abs(reference.days(to: CivilDate(year: y, month: month, day: min(day, 28))!))
        }
        return distance(candidate) < distance(year) ? candidate : year
    }

    private mutating func note(_ date: CivilDate) {
        if reference == nil { reference = date }
        previous = date
    }

    /// The date, or an error when it does not exist or lies outside December of the year before through January
    /// of the year after.
    private func civilDate(_ y: Int, _ m: Int, _ d: Int, written: String) throws(HolidayNoticeError) -> CivilDate {
        guard let date = CivilDate(year: y, month: m, day: d) else {
            throw .impossibleDate(item: item, written: written)
        }
        let earliest = CivilDate(year: year - 1, month: 12, day: 1)!
        let latest = CivilDate(year: year + 1, month: 1, day: 31)!
        guard date >= earliest, date <= latest else {
            throw .dateOutsideYear(item: item, date: date, year: year)
        }
        return date
    }

    /// Checks every 周X/星期X/礼拜X in the date's annotation against its real weekday; 农历… parts and other notes
    /// (除夕, 大年初六) are ignored.
    private func check(_ date: CivilDate, against written: NoticeDate) throws(HolidayNoticeError) {
        guard let annotation = written.annotation else { return }
        let parts = annotation.split(whereSeparator: { "、,; ".contains($0) }).map { String($0) }
        for part in parts where !part.hasPrefix("农历") {
            for prefix in ["星期", "礼拜", "周"] where part.hasPrefix(prefix) {
                let rest = part.dropFirst(prefix.count)
                if rest == "末" { break }
                guard rest.count == 1, let named = rest.first.flatMap(NoticeText.weekday(named:)) else {
                    throw .unknownWeekday(item: item, written: part)
                }
                guard named == date.weekday else {
                    throw .weekdayMismatch(item: item, date: date, written: part)
                }
                break
            }
        }
    }
}
