/// Why a holiday notice was refused: the item at fault, quoted as written, a stable code and a message in both
/// languages.
///
/// `code` is one of the strings in ``HolidayNoticeError/Code``; scripts and tests match on it, people read
/// `message`.
public struct HolidayNoticeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The offending item (or line) quoted as written in the notice; empty when the whole notice is at fault.
    public var item: String
    /// A stable identifier such as `weekday-mismatch`; see ``Code``.
    public var code: String
    public var message: LocalizedText

    public init(item: String, code: String, message: LocalizedText) {
        self.item = item
        self.code = code
        self.message = message
    }

    /// `code: message「item」` in Chinese.
    public var description: String {
        item.isEmpty ? "\(code): \(message.zh)" : "\(code): \(message.zh)「\(item)」"
    }

    /// The codes a notice can be refused with.
    public enum Code {
        /// Neither the title nor the caller gives the year.
        public static let noYear = "no-year"
        /// The caller's year differs from the title's.
        public static let yearMismatch = "year-mismatch"
        /// No numbered item such as 一、元旦:… could be read.
        public static let noItems = "no-items"
        /// Items are not numbered 一、二、三… in order, so one may be missing.
        public static let itemNumbering = "item-numbering"
        /// Two items name the same holiday.
        public static let duplicateHoliday = "duplicate-holiday"
        /// A date that does not exist, such as 2月30日.
        public static let impossibleDate = "impossible-date"
        /// A date far outside the notice's year.
        public static let dateOutsideYear = "date-outside-year"
        /// A 周X/星期X annotation that is not the date's real weekday.
        public static let weekdayMismatch = "weekday-mismatch"
        /// A 周X/星期X annotation naming no weekday, such as 周八.
        public static let unknownWeekday = "unknown-weekday"
        /// A range whose end precedes its start, that is too long, or that has no end.
        public static let badRange = "bad-range"
        /// A date that is neither 放假 nor 上班.
        public static let unclassifiedDate = "unclassified-date"
        /// An item with no day off.
        public static let noDaysOff = "no-days-off"
        /// A 共N天 count that differs from the number of days off.
        public static let countMismatch = "count-mismatch"
        /// A make-up working day (上班) that is not a Saturday or Sunday.
        public static let workdayNotWeekend = "workday-not-weekend"
        /// A 补休 day that falls on a weekend (a weekend is off anyway).
        public static let compensatoryOnWeekend = "compensatory-on-weekend"
        /// 与周末连休 when no weekend day adjoins the days off.
        public static let noAdjacentWeekend = "no-adjacent-weekend"
        /// A day that is both off and a working day, or off in two items.
        public static let overlappingDays = "overlapping-days"
    }
}

extension HolidayNoticeError {
    static func noYear() -> HolidayNoticeError {
        HolidayNoticeError(
            item: "",
            code: Code.noYear,
            message: LocalizedText(
                zh: "通知未写明年份(标题应为“关于20XX年部分节假日安排的通知”),调用时也未指定年份",
                en: "the notice gives no year (its title should read 关于20XX年部分节假日安排的通知) and none was passed"
            )
        )
    }

    static func yearMismatch(item: String, title: Int, given: Int) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.yearMismatch,
            message: LocalizedText(
                zh: "标题写的是\(title)年,但指定的年份是\(given)年",
                en: "the title says \(title) but the year passed is \(given)"
            )
        )
    }

    static func noItems() -> HolidayNoticeError {
        HolidayNoticeError(
            item: "",
            code: Code.noItems,
            message: LocalizedText(
                zh: "通知中没有可识别的节假日条目(应形如“一、元旦:1月1日放假”)",
                en: "no holiday item could be read (items look like 一、元旦:1月1日放假)"
            )
        )
    }

    static func itemNumbering(item: String, expected: Int, found: Int) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.itemNumbering,
            message: LocalizedText(
                zh: "条目编号应为第\(expected)项,实际为第\(found)项,可能缺少或重复了条目",
                en: "expected item number \(expected) but found \(found); an item may be missing or repeated"
            )
        )
    }

    static func duplicateHoliday(item: String, name: String) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.duplicateHoliday,
            message: LocalizedText(zh: "“\(name)”出现了不止一次", en: "\(name) appears more than once")
        )
    }

    static func impossibleDate(item: String, written: String) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.impossibleDate,
            message: LocalizedText(zh: "日期“\(written)”不存在", en: "the date \(written) does not exist")
        )
    }

    static func dateOutsideYear(item: String, date: CivilDate, year: Int) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.dateOutsideYear,
            message: LocalizedText(
                zh: "日期\(date)不在\(year)年的安排范围内",
                en: "the date \(date) lies outside the \(year) arrangement"
            )
        )
    }

    static func weekdayMismatch(item: String, date: CivilDate, written: String) -> HolidayNoticeError {
        let actual = NoticeText.weekdayNames[date.weekday - 1]
        return HolidayNoticeError(
            item: item,
            code: Code.weekdayMismatch,
            message: LocalizedText(
                zh: "\(date)标注为“\(written)”,实际是周\(actual.zh)",
                en: "\(date) is marked \(written) but is a \(actual.en)"
            )
        )
    }

    static func unknownWeekday(item: String, written: String) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.unknownWeekday,
            message: LocalizedText(zh: "“\(written)”不是星期几", en: "\(written) names no weekday")
        )
    }

    static func badRange(item: String, written: String) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.badRange,
            message: LocalizedText(
                zh: "日期范围“\(written)”无效(结束早于开始、超过31天或缺少结束日期)",
                en: "the range \(written) is invalid (ends before it starts, spans over 31 days, or has no end)"
            )
        )
    }

    static func unclassifiedDate(item: String, written: String) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.unclassifiedDate,
            message: LocalizedText(
                zh: "无法判断“\(written)”是放假还是上班",
                en: "cannot tell whether \(written) is a day off (放假) or a working day (上班)"
            )
        )
    }

    static func noDaysOff(item: String) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.noDaysOff,
            message: LocalizedText(zh: "该条目没有列出放假日期", en: "the item gives no day off")
        )
    }

    static func countMismatch(item: String, written: Int, found: Int) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.countMismatch,
            message: LocalizedText(
                zh: "写明共\(written)天,但列出的放假日期共\(found)天",
                en: "the item says \(written) days but lists \(found) days off"
            )
        )
    }

    static func workdayNotWeekend(item: String, date: CivilDate) -> HolidayNoticeError {
        let actual = NoticeText.weekdayNames[date.weekday - 1]
        return HolidayNoticeError(
            item: item,
            code: Code.workdayNotWeekend,
            message: LocalizedText(
                zh: "调休上班日\(date)是周\(actual.zh),应为周六或周日",
                en: "the make-up working day \(date) is a \(actual.en), not a Saturday or Sunday"
            )
        )
    }

    static func compensatoryOnWeekend(item: String, date: CivilDate) -> HolidayNoticeError {
        let actual = NoticeText.weekdayNames[date.weekday - 1]
        return HolidayNoticeError(
            item: item,
            code: Code.compensatoryOnWeekend,
            message: LocalizedText(
                zh: "补休日\(date)是周\(actual.zh),补休应在工作日",
                en: "the compensatory day off \(date) is a \(actual.en), not a weekday"
            )
        )
    }

    static func noAdjacentWeekend(item: String) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.noAdjacentWeekend,
            message: LocalizedText(
                zh: "写明“与周末连休”,但放假日期前后没有周末",
                en: "the item says 与周末连休 but no weekend adjoins its days off"
            )
        )
    }

    static func overlappingDays(item: String, date: CivilDate) -> HolidayNoticeError {
        HolidayNoticeError(
            item: item,
            code: Code.overlappingDays,
            message: LocalizedText(
                zh: "\(date)同时被安排为放假和上班,或在两个条目中都放假",
                en: "\(date) is both a day off and a working day, or off in two items"
            )
        )
    }
}
