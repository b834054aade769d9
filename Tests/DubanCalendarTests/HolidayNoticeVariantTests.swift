import DubanCalendar
import Testing

/// Copies of a notice in other shapes parse to the same arrangement: Traditional characters, full-width digits,
/// items run together, dashes for 至, ranges across the turn of the year.
@Suite("HolidayNotice: variant copies")
struct HolidayNoticeVariantTests {
    /// The 2026 notice in Traditional characters, with 週 for 周 and 農曆 annotations.
    static let traditional2026 = """
        國務院辦公廳關於2026年部分節假日安排的通知
        各省、自治區、直轄市人民政府，國務院各部委、各直屬機構：
        　　經國務院批準，現將2026年元旦、春節、清明節、勞動節、端午節、中秋節和國慶節放假調休日期的具體安排通知如下。
        　　一、元旦：1月1日（週四）至3日（週六）放假調休，共3天。1月4日（週日）上班。
        　　二、春節：2月15日（農曆臘月二十八、週日）至23日（農曆正月初七、週一）放假調休，共9天。\
        2月14日（週六）、2月28日（週六）上班。
        　　三、清明節：4月4日（週六）至6日（週一）放假，共3天。
        　　四、勞動節：5月1日（週五）至5日（週二）放假調休，共5天。5月9日（週六）上班。
        　　五、端午節：6月19日（週五）至21日（週日）放假，共3天。
        　　六、中秋節：9月25日（週五）至27日（週日）放假，共3天。
        　　七、國慶節：10月1日（週四）至7日（週三）放假調休，共7天。9月20日（週日）、10月10日（週六）上班。
        　　鼓勵單位和個人結合落實帶薪年休假等制度，實際形成較長假期，推動錯峰出行。節假日期間，各地區、各部門要妥善安排好\
        值班和安全、保衛、疫情防控等工作，遇有重大突發事件，要按規定及時報告並妥善處置，確保人民群眾祥和平安度過節日假期。

        國務院辦公廳
        2025年11月4日
        """

    /// The 2015 notice in Traditional characters: 補休, 與周末連休, 國辦發明電〔2014〕28號.
    static let traditional2015 = """
        國務院辦公廳關於2015年
        部分節假日安排的通知
        國辦發明電〔2014〕28號
        　　一、元旦：1月1日至3日放假調休，共3天。1月4日（星期日）上班。
        　　二、春節：2月18日至24日放假調休，共7天。2月15日（星期日）、2月28日（星期六）上班。
        　　三、清明節：4月5日放假，4月6日（星期一）補休。
        　　四、勞動節：5月1日放假，與周末連休。
        　　五、端午節：6月20日放假，6月22日（星期一）補休。
        　　六、中秋節：9月27日放假。
        　　七、國慶節：10月1日至7日放假調休，共7天。10月10日（星期六）上班。
        　　國務院辦公廳
        　　2014年12月16日
        """

    /// The 2025 notice with full-width digits throughout.
    static let fullWidth2025 = """
        国务院办公厅关于２０２５年部分节假日安排的通知
        国办发明电〔２０２４〕１２号
        一、元旦：１月１日（周三）放假１天，不调休。
        二、春节：１月２８日（农历除夕、周二）至２月４日（农历正月初七、周二）放假调休，共８天。１月２６日（周日）、２月８日（周六）上班。
        三、清明节：４月４日（周五）至６日（周日）放假，共３天。
        四、劳动节：５月１日（周四）至５日（周一）放假调休，共５天。４月２７日（周日）上班。
        五、端午节：５月３１日（周六）至６月２日（周一）放假，共３天。
        六、国庆节、中秋节：１０月１日（周三）至８日（周三）放假调休，共８天。９月２８日（周日）、１０月１１日（周六）上班。
        国务院办公厅
        ２０２４年１１月１２日
        """

    @Test("a Traditional-character copy parses the same as the Simplified one (2026, 週X and 農曆)")
    func traditional2026Copy() throws {
        #expect(try HolidayNotice.parse(Self.traditional2026) == HolidayNotice.parse(HolidayNoticeTexts.notice2026))
    }

    @Test("a Traditional-character copy parses the same as the Simplified one (2015, 補休 and 與周末連休)")
    func traditional2015Copy() throws {
        let parsed = try HolidayNotice.parse(Self.traditional2015)
        #expect(try parsed == HolidayNotice.parse(HolidayNoticeTexts.notice2015))
        #expect(parsed.source == "国办发明电〔2014〕28号")
        #expect(parsed.holidays.last?.name == "国庆节")
    }

    @Test("full-width digits parse the same as half-width ones")
    func fullWidthDigits() throws {
        #expect(try HolidayNotice.parse(Self.fullWidth2025) == HolidayNotice.parse(HolidayNoticeTexts.notice2025))
    }

    @Test("items run together on one line, ASCII punctuation, signed inline")
    func oneParagraph() throws {
        let text = "国务院办公厅关于2021年部分节假日安排的通知 国办发明电〔2020〕27号 各省、自治区、直辖市人民政府:"
            + "经国务院批准,现将安排通知如下。一、元旦:2021年1月1日至3日放假,共3天。"
            + "二、春节:2月11日至17日放假调休,共7天。2月7日(星期日)、2月20日(星期六)上班。"
            + "三、清明节:4月3日至5日放假调休,共3天。"
            + "四、劳动节:5月1日至5日放假调休,共5天。4月25日(星期日)、5月8日(星期六)上班。"
            + "五、端午节:6月12日至14日放假,共3天。"
            + "六、中秋节:9月19日至21日放假调休,共3天。9月18日(星期六)上班。"
            + "七、国庆节:10月1日至7日放假调休,共7天。9月26日(星期日)、10月9日(星期六)上班。"
            + "节假日期间,各地区、各部门要妥善安排好值班和安全、保卫等工作。国务院办公厅 2020年11月25日"
        #expect(try HolidayNotice.parse(text) == HolidayNotice.parse(HolidayNoticeTexts.notice2021))
    }

    @Test("元旦 written 12月31日至1月2日 starts in the year before")
    func rangeIntoTheNoticeYear() throws {
        let parsed = try HolidayNotice.parse("一、元旦:12月31日至1月2日放假调休,共3天。", year: 2023)
        #expect(parsed.holidays[0].off.map(\.description) == ["2022-12-31", "2023-01-01", "2023-01-02"])
    }

    @Test("a make-up day written 12月29日 beside 12月30日至1月1日 is in December of the year before")
    func makeUpDayBeforeTheTurnOfTheYear() throws {
        let parsed = try HolidayNotice.parse("一、元旦:12月30日至1月1日放假调休,共3天。12月29日(星期六)上班。", year: 2019)
        #expect(parsed.holidays[0].off.map(\.description) == ["2018-12-30", "2018-12-31", "2019-01-01"])
        #expect(parsed.holidays[0].work.map(\.description) == ["2018-12-29"])
    }

    @Test("dashes and tildes mark ranges like 至", arguments: ["至", "—", "-", "－", "～", "~", "——"])
    func rangeMarks(_ mark: String) throws {
        let parsed = try HolidayNotice.parse(
            "一、春节:1月31日\(mark)2月6日放假调休,共7天。1月29日(星期六)、1月30日(星期日)上班。\n"
                + "二、劳动节:4月30日\(mark)5月4日放假调休,共5天。",
            year: 2022
        )
        #expect(parsed.holidays.map { $0.off.count } == [7, 5])
        #expect(parsed.holidays[1].off.first?.description == "2022-04-30")
        #expect(parsed.holidays[1].off.last?.description == "2022-05-04")
    }

    @Test("notes that are not weekdays are ignored: 除夕, 大年初六, 农历…")
    func otherAnnotations() throws {
        let spring = try HolidayNotice.parse(
            "二、春节:2月18日(除夕)至24日(大年初六)放假调休,共7天。2月15日(星期日)、2月28日(星期六)上班。",
            year: 2015
        )
        #expect(spring.holidays[0].off.count == 7)
        let midAutumn = try HolidayNotice.parse(
            "六、中秋节:9月15日(星期四,农历中秋节当日)至17日放假调休,共3天。9月18日(星期日)上班。",
            year: 2016
        )
        #expect(midAutumn.holidays[0].off.map(\.description) == ["2016-09-15", "2016-09-16", "2016-09-17"])
        #expect(midAutumn.holidays[0].work.map(\.description) == ["2016-09-18"])
    }

    @Test("a bare day after a list separator takes the month before it: 10月8日(星期六)、9日(星期日)上班")
    func bareDayInList() throws {
        let parsed = try HolidayNotice.parse("一、国庆节:10月1日至7日放假调休,共7天。10月8日(星期六)、9日(星期日)上班。", year: 2016)
        #expect(parsed.holidays[0].work.map(\.description) == ["2016-10-08", "2016-10-09"])
    }

    @Test("a notice without a title needs the year; Arabic item numbers; a Chinese-numeral date line")
    func noTitle() throws {
        let text = """
            1、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。
            2、清明节:4月4日(周六)至6日(周一)放假,共三天。
            国务院办公厅
            二〇二五年十一月四日
            """
        let parsed = try HolidayNotice.parse(text, year: 2026)
        #expect(parsed.year == 2026)
        #expect(parsed.source == nil)
        #expect(parsed.published == CivilDate(year: 2025, month: 11, day: 4))
        #expect(parsed.holidays.map(\.name) == ["元旦", "清明节"])
    }

    @Test("调休上班 is a working day; advice after a comma is cut, its 除夕(2月9日) ignored; unknown names have no English")
    func workingDayWordingAndAdvice() throws {
        let parsed = try HolidayNotice.parse(
            "一、纪念日:9月3日至5日放假调休,共3天。9月6日(星期日)调休上班。\n"
                + "二、春节:2月18日至24日放假调休,共7天。2月15日(星期日)、2月28日(星期六)上班,"
                + "鼓励各单位安排职工在除夕(2月18日)休息。",
            year: 2015
        )
        #expect(parsed.holidays[0].off.map(\.description) == ["2015-09-03", "2015-09-04", "2015-09-05"])
        #expect(parsed.holidays[0].work.map(\.description) == ["2015-09-06"])
        #expect(parsed.holidays[0].nameEn == nil)
        #expect(parsed.holidays[1].work.map(\.description) == ["2015-02-15", "2015-02-28"])
    }

    @Test("English names come from the table; combined names are joined with &")
    func englishNames() {
        #expect(HolidayNotice.englishName(for: "中秋节、国庆节") == "Mid-Autumn Festival & National Day")
        #expect(HolidayNotice.englishName(for: "国庆节、中秋节") == "National Day & Mid-Autumn Festival")
        #expect(HolidayNotice.englishName(for: "元旦") == "New Year's Day")
        #expect(HolidayNotice.englishName(for: "抗战胜利纪念日") == nil)
    }
}
