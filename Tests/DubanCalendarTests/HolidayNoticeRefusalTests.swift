import DubanCalendar
import Testing

/// Notices the parser must refuse, and what the refusal says.
@Suite("HolidayNotice: refusals")
struct HolidayNoticeRefusalTests {
    /// The error `parse` throws, or nil when it accepts the text.
    private func refusal(_ text: String, year: Int? = nil) -> HolidayNoticeError? {
        do {
            _ = try HolidayNotice.parse(text, year: year)
            return nil
        } catch {
            return error
        }
    }

    /// `notice` with `original` replaced by `replacement`, which must occur in it.
    private func edited(_ notice: String, _ original: String, _ replacement: String) throws -> String {
        try #require(notice.contains(original), "\(original) not in the notice")
        return notice.replacing(original, with: replacement)
    }

    @Test("one wrong weekday annotation refuses the notice and quotes that item as written")
    func wrongWeekday() throws {
        let text = try edited(HolidayNoticeTexts.notice2026, "1月4日（周日）上班", "1月4日（周六）上班")
        let error = try #require(refusal(text))
        #expect(error.code == HolidayNoticeError.Code.weekdayMismatch)
        #expect(error.item == "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周六）上班。")
        #expect(error.message.zh.contains("2026-01-04"))
        #expect(error.message.en.contains("Sunday"))
    }

    @Test("a wrong weekday inside a range's annotation, next to a lunar date, is caught")
    func wrongWeekdayInRange() throws {
        let text = try edited(HolidayNoticeTexts.notice2026, "（农历正月初七、周一）", "（农历正月初七、周二）")
        let error = try #require(refusal(text))
        #expect(error.code == "weekday-mismatch")
        #expect(error.item.hasPrefix("二、春节："))
    }

    @Test("10月11日(星期六) in 2020 is refused: 2020-10-11 was a Sunday")
    func wrongWeekdayCombinedItem() throws {
        let text = try edited(HolidayNoticeTexts.notice2020, "10月10日（星期六）", "10月11日（星期六）")
        let error = try #require(refusal(text))
        #expect(error.code == "weekday-mismatch")
        #expect(error.item.hasPrefix("六、国庆节、中秋节："))
    }

    @Test("a Traditional copy's refusal quotes the Traditional text")
    func wrongWeekdayTraditional() throws {
        let text = try edited(HolidayNoticeVariantTests.traditional2026, "9月20日（週日）", "9月20日（週六）")
        let error = try #require(refusal(text))
        #expect(error.code == "weekday-mismatch")
        #expect(error.item.hasPrefix("七、國慶節："))
    }

    @Test("2019's 5月5日 marked 星期六 is refused: it was a Sunday")
    func labourDay2019AsMisquoted() throws {
        let error = try #require(
            refusal("四、劳动节:5月1日至4日放假调休,共4天。4月28日(星期日)、5月5日(星期六)上班。", year: 2019)
        )
        #expect(error.code == "weekday-mismatch")
        // The corrected annotation parses.
        let parsed = try HolidayNotice.parse(
            "四、劳动节:5月1日至4日放假调休,共4天。4月28日(星期日)、5月5日(星期日)上班。",
            year: 2019
        )
        #expect(parsed.holidays[0].work.map(\.description) == ["2019-04-28", "2019-05-05"])
    }

    @Test("an annotation that names no weekday (周八) is refused")
    func unknownWeekday() throws {
        let error = try #require(refusal("一、元旦:1月1日(周八)放假。", year: 2026))
        #expect(error.code == "unknown-weekday")
    }

    @Test("a make-up working day that is not a Saturday or Sunday is refused")
    func workdayNotWeekend() throws {
        let text = try edited(HolidayNoticeTexts.notice2021, "10月9日（星期六）上班", "10月8日（星期五）上班")
        let error = try #require(refusal(text))
        #expect(error.code == "workday-not-weekend")
        #expect(error.item.hasPrefix("七、国庆节："))
    }

    @Test("an impossible date is refused", arguments: ["2月30日", "4月31日", "13月1日", "2月29日"])
    func impossibleDate(_ date: String) throws {
        let error = try #require(refusal("一、春节:\(date)放假。", year: 2026))
        #expect(error.code == "impossible-date")
        #expect(error.item == "一、春节:\(date)放假。")
    }

    @Test("共N天 must equal the days off")
    func countMismatch() throws {
        let text = try edited(HolidayNoticeTexts.notice2026, "放假调休，共7天。", "放假调休，共8天。")
        let error = try #require(refusal(text))
        #expect(error.code == "count-mismatch")
        #expect(error.item.hasPrefix("七、国庆节："))
    }

    @Test("a text with no readable item is refused", arguments: [
        "国务院办公厅关于2026年部分节假日安排的通知\n经国务院批准,现将安排通知如下。",
        "",
        "元旦放假三天,春节放假九天。",
    ])
    func noItems(_ text: String) throws {
        let error = try #require(refusal(text, year: 2026))
        #expect(error.code == "no-items")
        #expect(error.item.isEmpty)
    }

    @Test("without a title the year must be passed")
    func noYear() throws {
        let error = try #require(refusal("一、元旦:1月1日放假。"))
        #expect(error.code == "no-year")
    }

    @Test("a year passed that disagrees with the title is refused")
    func yearMismatch() throws {
        let error = try #require(refusal(HolidayNoticeTexts.notice2024, year: 2025))
        #expect(error.code == "year-mismatch")
        #expect(error.item == "国务院办公厅关于2024年")
    }

    @Test("a date that is neither 放假 nor 上班 is refused")
    func unclassifiedDate() throws {
        let error = try #require(refusal("七、国庆节:10月1日至7日,共7天。", year: 2026))
        #expect(error.code == "unclassified-date")
    }

    @Test("a range that ends before it starts, or has no end, is refused", arguments: [
        "七、国庆节:10月7日至1日放假。", "七、国庆节:10月1日至放假。", "七、国庆节:10月1日至11月15日放假。",
    ])
    func badRange(_ text: String) throws {
        let error = try #require(refusal(text, year: 2026))
        #expect(error.code == "bad-range")
    }

    @Test("与周末连休 with no weekend next to the day is refused")
    func noAdjacentWeekend() throws {
        let error = try #require(refusal("一、元旦:1月1日放假,与周末连休。", year: 2025))
        #expect(error.code == "no-adjacent-weekend")
    }

    @Test("补休 on a weekend day is refused")
    func compensatoryOnWeekend() throws {
        let error = try #require(refusal("三、清明节:4月5日放假,4月4日(星期六)补休。", year: 2015))
        #expect(error.code == "compensatory-on-weekend")
    }

    @Test("a day off in two items, or off and worked, is refused")
    func overlappingDays() throws {
        let twoItems = try #require(refusal("一、中秋节:10月1日放假。\n二、国庆节:10月1日至7日放假,共7天。", year: 2026))
        #expect(twoItems.code == "overlapping-days")
        #expect(twoItems.item == "二、国庆节:10月1日至7日放假,共7天。")
        let offAndWorked = try #require(refusal("一、中秋节:10月3日放假。\n二、国庆节:10月1日放假。10月3日(周六)上班。", year: 2026))
        #expect(offAndWorked.code == "overlapping-days")
    }

    @Test("the same holiday twice is refused")
    func duplicateHoliday() throws {
        let error = try #require(refusal("一、元旦:1月1日放假。\n二、元旦:1月2日放假。", year: 2026))
        #expect(error.code == "duplicate-holiday")
    }

    @Test("a gap in the item numbers is refused")
    func itemNumbering() throws {
        let text = try edited(HolidayNoticeTexts.notice2026, "　　三、清明节：4月4日（周六）至6日（周一）放假，共3天。\n", "")
        let error = try #require(refusal(text))
        #expect(error.code == "item-numbering")
        #expect(error.item.hasPrefix("四、劳动节："))
    }

    @Test("a date far outside the notice's year is refused")
    func dateOutsideYear() throws {
        let error = try #require(refusal("七、国庆节:2031年10月1日放假。", year: 2026))
        #expect(error.code == "date-outside-year")
    }

    @Test("an impossible publication date is refused")
    func impossiblePublicationDate() throws {
        let text = try edited(HolidayNoticeTexts.notice2026, "2025年11月4日", "2025年11月31日")
        let error = try #require(refusal(text))
        #expect(error.code == "impossible-date")
        #expect(error.item == "2025年11月31日")
    }
}
