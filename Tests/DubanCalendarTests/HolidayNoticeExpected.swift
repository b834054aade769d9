import DubanCalendar
import Testing

/// One holiday as a year's notice arranges it, written out day by day: the tests' own record of the facts,
/// independent of the parser (no ranges are expanded here).
struct ExpectedHoliday: Sendable {
    var name: String
    var nameEn: String
    var off: [String]
    var work: [String]

    init(_ name: String, _ nameEn: String, off: [String], work: [String]) {
        self.name = name
        self.nameEn = nameEn
        self.off = off
        self.work = work
    }
}

/// A year's notice and what it must parse to.
struct NoticeCase: Sendable, CustomTestStringConvertible {
    var year: Int
    var text: String
    var source: String?
    var published: String
    var holidays: [ExpectedHoliday]

    var testDescription: String { "\(year)" }
}

/// The facts of each year's arrangement as literal tables. 与周末连休 days are listed as days off (2024's 元旦 starts
/// on 2023-12-30); a 补休 day is a day off; the weekend between a Saturday holiday and its Monday 补休 (2015 端午节) is
/// not listed, as the notice does not name it.
enum HolidayNoticeExpected {
    static let cases: [NoticeCase] = [
        NoticeCase(
            year: 2015, text: HolidayNoticeTexts.notice2015, source: "国办发明电〔2014〕28号",
            published: "2014-12-16", holidays: year2015
        ),
        NoticeCase(
            year: 2016, text: HolidayNoticeTexts.notice2016, source: "国办发明电〔2015〕18号",
            published: "2015-12-10", holidays: year2016
        ),
        NoticeCase(
            year: 2019, text: HolidayNoticeTexts.notice2019, source: "国办发明电〔2018〕15号",
            published: "2018-12-04", holidays: year2019
        ),
        NoticeCase(
            year: 2020, text: HolidayNoticeTexts.notice2020, source: "国办发明电〔2019〕16号",
            published: "2019-11-21", holidays: year2020
        ),
        NoticeCase(
            year: 2021, text: HolidayNoticeTexts.notice2021, source: "国办发明电〔2020〕27号",
            published: "2020-11-25", holidays: year2021
        ),
        NoticeCase(
            year: 2022, text: HolidayNoticeTexts.notice2022, source: "国办发明电〔2021〕11号",
            published: "2021-10-25", holidays: year2022
        ),
        NoticeCase(
            year: 2023, text: HolidayNoticeTexts.notice2023, source: "国办发明电〔2022〕16号",
            published: "2022-12-08", holidays: year2023
        ),
        NoticeCase(
            year: 2024, text: HolidayNoticeTexts.notice2024, source: "国办发明电〔2023〕7号",
            published: "2023-10-25", holidays: year2024
        ),
        NoticeCase(
            year: 2025, text: HolidayNoticeTexts.notice2025, source: "国办发明电〔2024〕12号",
            published: "2024-11-12", holidays: year2025
        ),
        NoticeCase(
            year: 2026, text: HolidayNoticeTexts.notice2026, source: nil,
            published: "2025-11-04", holidays: year2026
        ),
    ]

    /// The 2015 arrangement, day by day.
    static let year2015: [ExpectedHoliday] = [
        ExpectedHoliday(
            "元旦", "New Year's Day",
            off: ["2015-01-01", "2015-01-02", "2015-01-03"],
            work: ["2015-01-04"]
        ),
        ExpectedHoliday(
            "春节", "Spring Festival",
            off: [
                "2015-02-18", "2015-02-19", "2015-02-20", "2015-02-21", "2015-02-22", "2015-02-23",
                "2015-02-24",
            ],
            work: ["2015-02-15", "2015-02-28"]
        ),
        ExpectedHoliday(
            "清明节", "Qingming Festival",
            off: ["2015-04-05", "2015-04-06"],
            work: []
        ),
        ExpectedHoliday(
            "劳动节", "Labour Day",
            off: ["2015-05-01", "2015-05-02", "2015-05-03"],
            work: []
        ),
        ExpectedHoliday(
            "端午节", "Dragon Boat Festival",
            off: ["2015-06-20", "2015-06-22"],
            work: []
        ),
        ExpectedHoliday(
            "中秋节", "Mid-Autumn Festival",
            off: ["2015-09-27"],
            work: []
        ),
        ExpectedHoliday(
            "国庆节", "National Day",
            off: [
                "2015-10-01", "2015-10-02", "2015-10-03", "2015-10-04", "2015-10-05", "2015-10-06",
                "2015-10-07",
            ],
            work: ["2015-10-10"]
        ),
    ]

    /// The 2016 arrangement, day by day.
    static let year2016: [ExpectedHoliday] = [
        ExpectedHoliday(
            "元旦", "New Year's Day",
            off: ["2016-01-01", "2016-01-02", "2016-01-03"],
            work: []
        ),
        ExpectedHoliday(
            "春节", "Spring Festival",
            off: [
                "2016-02-07", "2016-02-08", "2016-02-09", "2016-02-10", "2016-02-11", "2016-02-12",
                "2016-02-13",
            ],
            work: ["2016-02-06", "2016-02-14"]
        ),
        ExpectedHoliday(
            "清明节", "Qingming Festival",
            off: ["2016-04-02", "2016-04-03", "2016-04-04"],
            work: []
        ),
        ExpectedHoliday(
            "劳动节", "Labour Day",
            off: ["2016-05-01", "2016-05-02"],
            work: []
        ),
        ExpectedHoliday(
            "端午节", "Dragon Boat Festival",
            off: ["2016-06-09", "2016-06-10", "2016-06-11"],
            work: ["2016-06-12"]
        ),
        ExpectedHoliday(
            "中秋节", "Mid-Autumn Festival",
            off: ["2016-09-15", "2016-09-16", "2016-09-17"],
            work: ["2016-09-18"]
        ),
        ExpectedHoliday(
            "国庆节", "National Day",
            off: [
                "2016-10-01", "2016-10-02", "2016-10-03", "2016-10-04", "2016-10-05", "2016-10-06",
                "2016-10-07",
            ],
            work: ["2016-10-08", "2016-10-09"]
        ),
    ]

    /// The 2019 arrangement, day by day.
    static let year2019: [ExpectedHoliday] = [
        ExpectedHoliday(
            "元旦", "New Year's Day",
            off: ["2018-12-30", "2018-12-31", "2019-01-01"],
            work: ["2018-12-29"]
        ),
        ExpectedHoliday(
            "春节", "Spring Festival",
            off: [
                "2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08", "2019-02-09",
                "2019-02-10",
            ],
            work: ["2019-02-02", "2019-02-03"]
        ),
        ExpectedHoliday(
            "清明节", "Qingming Festival",
            off: ["2019-04-05", "2019-04-06", "2019-04-07"],
            work: []
        ),
        ExpectedHoliday(
            "劳动节", "Labour Day",
            off: ["2019-05-01"],
            work: []
        ),
        ExpectedHoliday(
            "端午节", "Dragon Boat Festival",
            off: ["2019-06-07", "2019-06-08", "2019-06-09"],
            work: []
        ),
        ExpectedHoliday(
            "中秋节", "Mid-Autumn Festival",
            off: ["2019-09-13", "2019-09-14", "2019-09-15"],
            work: []
        ),
        ExpectedHoliday(
            "国庆节", "National Day",
            off: [
                "2019-10-01", "2019-10-02", "2019-10-03", "2019-10-04", "2019-10-05", "2019-10-06",
                "2019-10-07",
            ],
            work: ["2019-09-29", "2019-10-12"]
        ),
    ]

    /// The 2020 arrangement, day by day.
    static let year2020: [ExpectedHoliday] = [
        ExpectedHoliday(
            "元旦", "New Year's Day",
            off: ["2020-01-01"],
            work: []
        ),
        ExpectedHoliday(
            "春节", "Spring Festival",
            off: [
                "2020-01-24", "2020-01-25", "2020-01-26", "2020-01-27", "2020-01-28", "2020-01-29",
                "2020-01-30",
            ],
            work: ["2020-01-19", "2020-02-01"]
        ),
        ExpectedHoliday(
            "清明节", "Qingming Festival",
            off: ["2020-04-04", "2020-04-05", "2020-04-06"],
            work: []
        ),
        ExpectedHoliday(
            "劳动节", "Labour Day",
            off: [
                "2020-05-01", "2020-05-02", "2020-05-03", "2020-05-04", "2020-05-05",
            ],
            work: ["2020-04-26", "2020-05-09"]
        ),
        ExpectedHoliday(
            "端午节", "Dragon Boat Festival",
            off: ["2020-06-25", "2020-06-26", "2020-06-27"],
            work: ["2020-06-28"]
        ),
        ExpectedHoliday(
            "国庆节、中秋节", "National Day & Mid-Autumn Festival",
            off: [
                "2020-10-01", "2020-10-02", "2020-10-03", "2020-10-04", "2020-10-05", "2020-10-06",
                "2020-10-07", "2020-10-08",
            ],
            work: ["2020-09-27", "2020-10-10"]
        ),
    ]

    /// The 2021 arrangement, day by day.
    static let year2021: [ExpectedHoliday] = [
        ExpectedHoliday(
            "元旦", "New Year's Day",
            off: ["2021-01-01", "2021-01-02", "2021-01-03"],
            work: []
        ),
        ExpectedHoliday(
            "春节", "Spring Festival",
            off: [
                "2021-02-11", "2021-02-12", "2021-02-13", "2021-02-14", "2021-02-15", "2021-02-16",
                "2021-02-17",
            ],
            work: ["2021-02-07", "2021-02-20"]
        ),
        ExpectedHoliday(
            "清明节", "Qingming Festival",
            off: ["2021-04-03", "2021-04-04", "2021-04-05"],
            work: []
        ),
        ExpectedHoliday(
            "劳动节", "Labour Day",
            off: [
                "2021-05-01", "2021-05-02", "2021-05-03", "2021-05-04", "2021-05-05",
            ],
            work: ["2021-04-25", "2021-05-08"]
        ),
        ExpectedHoliday(
            "端午节", "Dragon Boat Festival",
            off: ["2021-06-12", "2021-06-13", "2021-06-14"],
            work: []
        ),
        ExpectedHoliday(
            "中秋节", "Mid-Autumn Festival",
            off: ["2021-09-19", "2021-09-20", "2021-09-21"],
            work: ["2021-09-18"]
        ),
        ExpectedHoliday(
            "国庆节", "National Day",
            off: [
                "2021-10-01", "2021-10-02", "2021-10-03", "2021-10-04", "2021-10-05", "2021-10-06",
                "2021-10-07",
            ],
            work: ["2021-09-26", "2021-10-09"]
        ),
    ]

    /// The 2022 arrangement, day by day.
    static let year2022: [ExpectedHoliday] = [
        ExpectedHoliday(
            "元旦", "New Year's Day",
            off: ["2022-01-01", "2022-01-02", "2022-01-03"],
            work: []
        ),
        ExpectedHoliday(
            "春节", "Spring Festival",
            off: [
                "2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04", "2022-02-05",
                "2022-02-06",
            ],
            work: ["2022-01-29", "2022-01-30"]
        ),
        ExpectedHoliday(
            "清明节", "Qingming Festival",
            off: ["2022-04-03", "2022-04-04", "2022-04-05"],
            work: ["2022-04-02"]
        ),
        ExpectedHoliday(
            "劳动节", "Labour Day",
            off: [
                "2022-04-30", "2022-05-01", "2022-05-02", "2022-05-03", "2022-05-04",
            ],
            work: ["2022-04-24", "2022-05-07"]
        ),
        ExpectedHoliday(
            "端午节", "Dragon Boat Festival",
            off: ["2022-06-03", "2022-06-04", "2022-06-05"],
            work: []
        ),
        ExpectedHoliday(
            "中秋节", "Mid-Autumn Festival",
            off: ["2022-09-10", "2022-09-11", "2022-09-12"],
            work: []
        ),
        ExpectedHoliday(
            "国庆节", "National Day",
            off: [
                "2022-10-01", "2022-10-02", "2022-10-03", "2022-10-04", "2022-10-05", "2022-10-06",
                "2022-10-07",
            ],
            work: ["2022-10-08", "2022-10-09"]
        ),
    ]

    /// The 2023 arrangement, day by day.
    static let year2023: [ExpectedHoliday] = [
        ExpectedHoliday(
            "元旦", "New Year's Day",
            off: ["2022-12-31", "2023-01-01", "2023-01-02"],
            work: []
        ),
        ExpectedHoliday(
            "春节", "Spring Festival",
            off: [
                "2023-01-21", "2023-01-22", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26",
                "2023-01-27",
            ],
            work: ["2023-01-28", "2023-01-29"]
        ),
        ExpectedHoliday(
            "清明节", "Qingming Festival",
            off: ["2023-04-05"],
            work: []
        ),
        ExpectedHoliday(
            "劳动节", "Labour Day",
            off: [
                "2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03",
            ],
            work: ["2023-04-23", "2023-05-06"]
        ),
        ExpectedHoliday(
            "端午节", "Dragon Boat Festival",
            off: ["2023-06-22", "2023-06-23", "2023-06-24"],
            work: ["2023-06-25"]
        ),
        ExpectedHoliday(
            "中秋节、国庆节", "Mid-Autumn Festival & National Day",
            off: [
                "2023-09-29", "2023-09-30", "2023-10-01", "2023-10-02", "2023-10-03", "2023-10-04",
                "2023-10-05", "2023-10-06",
            ],
            work: ["2023-10-07", "2023-10-08"]
        ),
    ]

    /// The 2024 arrangement, day by day.
    static let year2024: [ExpectedHoliday] = [
        ExpectedHoliday(
            "元旦", "New Year's Day",
            off: ["2023-12-30", "2023-12-31", "2024-01-01"],
            work: []
        ),
        ExpectedHoliday(
            "春节", "Spring Festival",
            off: [
                "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15",
                "2024-02-16", "2024-02-17",
            ],
            work: ["2024-02-04", "2024-02-18"]
        ),
        ExpectedHoliday(
            "清明节", "Qingming Festival",
            off: ["2024-04-04", "2024-04-05", "2024-04-06"],
            work: ["2024-04-07"]
        ),
        ExpectedHoliday(
            "劳动节", "Labour Day",
            off: [
                "2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05",
            ],
            work: ["2024-04-28", "2024-05-11"]
        ),
        ExpectedHoliday(
            "端午节", "Dragon Boat Festival",
            off: ["2024-06-08", "2024-06-09", "2024-06-10"],
            work: []
        ),
        ExpectedHoliday(
            "中秋节", "Mid-Autumn Festival",
            off: ["2024-09-15", "2024-09-16", "2024-09-17"],
            work: ["2024-09-14"]
        ),
        ExpectedHoliday(
            "国庆节", "National Day",
            off: [
                "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-05", "2024-10-06",
                "2024-10-07",
            ],
            work: ["2024-09-29", "2024-10-12"]
        ),
    ]

    /// The 2025 arrangement, day by day.
    static let year2025: [ExpectedHoliday] = [
        ExpectedHoliday(
            "元旦", "New Year's Day",
            off: ["2025-01-01"],
            work: []
        ),
        ExpectedHoliday(
            "春节", "Spring Festival",
            off: [
                "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02",
                "2025-02-03", "2025-02-04",
            ],
            work: ["2025-01-26", "2025-02-08"]
        ),
        ExpectedHoliday(
            "清明节", "Qingming Festival",
            off: ["2025-04-04", "2025-04-05", "2025-04-06"],
            work: []
        ),
        ExpectedHoliday(
            "劳动节", "Labour Day",
            off: [
                "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05",
            ],
            work: ["2025-04-27"]
        ),
        ExpectedHoliday(
            "端午节", "Dragon Boat Festival",
            off: ["2025-05-31", "2025-06-01", "2025-06-02"],
            work: []
        ),
        ExpectedHoliday(
            "国庆节、中秋节", "National Day & Mid-Autumn Festival",
            off: [
                "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06",
                "2025-10-07", "2025-10-08",
            ],
            work: ["2025-09-28", "2025-10-11"]
        ),
    ]

    /// The 2026 arrangement, day by day.
    static let year2026: [ExpectedHoliday] = [
        ExpectedHoliday(
            "元旦", "New Year's Day",
            off: ["2026-01-01", "2026-01-02", "2026-01-03"],
            work: ["2026-01-04"]
        ),
        ExpectedHoliday(
            "春节", "Spring Festival",
            off: [
                "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                "2026-02-21", "2026-02-22", "2026-02-23",
            ],
            work: ["2026-02-14", "2026-02-28"]
        ),
        ExpectedHoliday(
            "清明节", "Qingming Festival",
            off: ["2026-04-04", "2026-04-05", "2026-04-06"],
            work: []
        ),
        ExpectedHoliday(
            "劳动节", "Labour Day",
            off: [
                "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
            ],
            work: ["2026-05-09"]
        ),
        ExpectedHoliday(
            "端午节", "Dragon Boat Festival",
            off: ["2026-06-19", "2026-06-20", "2026-06-21"],
            work: []
        ),
        ExpectedHoliday(
            "中秋节", "Mid-Autumn Festival",
            off: ["2026-09-25", "2026-09-26", "2026-09-27"],
            work: []
        ),
        ExpectedHoliday(
            "国庆节", "National Day",
            off: [
                "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06",
                "2026-10-07",
            ],
            work: ["2026-09-20", "2026-10-10"]
        ),
    ]
}
