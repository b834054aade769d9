import DubanCalendar
import Foundation
import Testing

private func read(_ text: String, _ conventions: TimeConventions = .default) throws -> TimeInterpretation {
    try TimeExpression.interpret(text, conventions: conventions)
}

@Suite("Folding")
struct TimeExpressionNormalizeTests {
    @Test(arguments: [
        ("完成时限:二〇二二年年底前。", "2022年年底"),
        ("完成时限：2022年底。", "2022年底"),
        ("时限:2022年6月30日以前", "2022年6月30日"),
        ("２０２２年１２月３１日", "2022年12月31日"),
        ("二零二五年", "2025年"),
        ("二〇二一—二〇二五年", "2021-2025年"),
        ("2018--2020年", "2018-2020年"),
        ("2021——2025年", "2021-2025年"),
        ("2021～2025年", "2021-2025年"),
        ("2021~2025年", "2021-2025年"),
        ("2021〜2025年", "2021-2025年"),
        ("2021–2025年", "2021-2025年"),
        ("2021‒2025年", "2021-2025年"),
        ("2021―2025年", "2021-2025年"),
        ("2021－2025年", "2021-2025年"),
        ("20212025年", "2021-2025年"),
        ("2021年至2025年", "2021-2025年"),
        ("2021年到2025年", "2021-2025年"),
        ("2021年-2025年底", "2021-2025年底"),
        ("每學期至少兩次", "每学期至少2次"),
        ("四年完成兩輪", "4年完成2轮"),
        ("十五个工作日", "15个工作日"),
        ("二十日内", "20日内"),
        ("一百天内", "100天内"),
        ("一个月内", "1个月内"),
        ("第一季度", "第1季度"),
        ("二〇二二年十二月三十一日", "2022年12月31日"),
        ("“十四五”期间", "十四五期间"),
        ("「十五五」時期", "十五五时期"),
        ("2022年6月以前", "2022年6月前"),
        (" 2022 年\t底 ", "2022年底"),
        ("（2022年底）", "2022年底"),
        ("2022年春季学期末前", "2022年春季学期末"),
        ("一人一机", "一人一机"),
        ("十五年一贯制", "15年一贯制"),
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(TimeExpression.normalize(input) == expected)
    }
}

@Suite("Point deadlines (EXPRESSIONS.md §1)")
struct TimeExpressionPointTests {
    @Test(arguments: [
        ("2022年底", "2022-12-31"),
        ("完成时限:2022年底。", "2022-12-31"),
        ("完成时限:2024年底。", "2024-12-31"),
        ("2022年末", "2022-12-31"),
        ("2022年年底", "2022-12-31"),
        ("2022年年末", "2022-12-31"),
        ("完成时限:2022年年底前。", "2022-12-31"),
        ("2022年底前完成", "2022-12-31"),
        ("2022年8月底", "2022-08-31"),
        ("完成时限:2022年6月底。", "2022-06-30"),
        ("2024年2月底", "2024-02-29"),
        ("2023年2月末", "2023-02-28"),
        ("2025年", "2025-12-31"),
        ("完成时限:2022年。", "2022-12-31"),
        ("到2025年", "2025-12-31"),
        ("到2025年,全州基本实现教育现代化", "2025-12-31"),
        ("到2022年底", "2022-12-31"),
        ("到2035年", "2035-12-31"),
        ("于2023年底前", "2023-12-31"),
        ("力争到2025年", "2025-12-31"),
        ("2025年前", "2025-12-31"),
    ])
    func yearAndMonthEnds(_ text: String, _ due: String) throws {
        let result = try read(text)
        #expect(result.due == day(due))
        #expect(result.windowStart == nil)
        #expect(result.recurrence == nil && result.limit == nil && !result.ongoing)
    }

    @Test(arguments: [
        ("2022年6月前", "2022-05-31", "N月前=上月末"),
        ("2023年1月前", "2022-12-31", "N月前=上月末"),
        ("2022年年初", "2022-03-31", "年初=03-31"),
        ("完成时限:2022年年初。", "2022-03-31", "年初=03-31"),
        ("2022年初", "2022-03-31", "年初=03-31"),
        ("2022年年中", "2022-06-30", "年中=06-30"),
        ("2022年春季学期末前", "2022-07-15", "春季学期末=07-15"),
        ("2022年秋季学期末", "2023-01-20", "秋季学期末=次年01-20"),
    ])
    func conventionalPoints(_ text: String, _ due: String, _ convention: String) throws {
        let result = try read(text)
        #expect(result.due == day(due))
        #expect(result.conventions.contains(convention), "\(result.conventions)")
    }
}

@Suite("Windows and ranges (EXPRESSIONS.md §2)")
struct TimeExpressionRangeTests {
    @Test(arguments: [
        ("2022—2025年", "2022-01-01", "2025-12-31"),
        ("完成时限:2022—2025年。", "2022-01-01", "2025-12-31"),
        ("2022—2025年底", "2022-01-01", "2025-12-31"),
        ("2022—2025年年底", "2022-01-01", "2025-12-31"),
        ("2022-2025年", "2022-01-01", "2025-12-31"),
        ("2022-2025年年底", "2022-01-01", "2025-12-31"),
        ("2022-2023年", "2022-01-01", "2023-12-31"),
        ("2018--2020年", "2018-01-01", "2020-12-31"),
        ("20212025年", "2021-01-01", "2025-12-31"),
        ("2021～2025年", "2021-01-01", "2025-12-31"),
        ("2021–2025年", "2021-01-01", "2025-12-31"),
        ("2021―2025年", "2021-01-01", "2025-12-31"),
        ("2021－2025年", "2021-01-01", "2025-12-31"),
        ("2021年至2025年", "2021-01-01", "2025-12-31"),
        ("二〇二一年到二〇二五年", "2021-01-01", "2025-12-31"),
        ("在2022—2025年发展期间", "2022-01-01", "2025-12-31"),
        ("(2021-2025)", "2021-01-01", "2025-12-31"),
        ("2022—2022年", "2022-01-01", "2022-12-31"),
    ])
    func yearRanges(_ text: String, _ start: String, _ due: String) throws {
        let result = try read(text)
        #expect(result.windowStart == day(start))
        #expect(result.due == day(due))
        let first = day(start).year
        let last = day(due).year
        #expect(result.milestones == (first...last).map { CivilDate.endOfYear($0) })
    }

    @Test(arguments: [
        ("2022年3月-6月", "2022-03-01", "2022-06-30"),
        ("2022年9月1日至2023年7月15日", "2022-09-01", "2023-07-15"),
        ("2022年9月-2023年1月", "2022-09-01", "2023-01-31"),
    ])
    func dateRangesHaveNoYearlyMilestones(_ text: String, _ start: String, _ due: String) throws {
        let result = try read(text)
        #expect(result.windowStart == day(start))
        #expect(result.due == day(due))
        #expect(result.milestones.isEmpty)
    }

    @Test(arguments: [
        ("十四五", 2021, 2025),
        ("“十四五”", 2021, 2025),
        ("“十四五”期间", 2021, 2025),
        ("“十四五”时期", 2021, 2025),
        ("十四五规划期间", 2021, 2025),
        ("“十五五”期间", 2026, 2030),
        ("十五五", 2026, 2030),
        ("十三五时期", 2016, 2020),
        ("九五期间", 1996, 2000),
        ("“十四五”期间,紧紧围绕巩固脱贫攻坚成果", 2021, 2025),
    ])
    func fiveYearPlans(_ text: String, _ first: Int, _ last: Int) throws {
        let result = try read(text)
        #expect(result.windowStart == CivilDate.startOfYear(first))
        #expect(result.due == CivilDate.endOfYear(last))
        #expect(result.milestones.count == 5)
        #expect(result.milestones.last == result.due)
    }

    @Test func endOfFiveYearPlanIsADeadlineOnly() throws {
        let result = try read("十四五末")
        #expect(result.due == day("2025-12-31"))
        #expect(result.windowStart == nil)
    }
}

@Suite("Start dates")
struct TimeExpressionStartTests {
    @Test(
        arguments: [
            ("自2010年11月1日起", "2010-11-01", nil, [String]()),
            ("自2010年11月1日起正式受理依申请公开", "2010-11-01", nil, []),
            ("2021年秋季学期起", "2021-09-01", nil, ["秋季学期起=09-01"]),
            ("2022年春季学期起", "2022-03-01", nil, ["春季学期起=03-01"]),
            ("自2022年起", "2022-01-01", nil, []),
            ("从2022年9月起", "2022-09-01", nil, []),
            ("自2022年1月1日起至2025年12月31日", "2022-01-01", "2025-12-31", []),
        ] as [(String, String, String?, [String])])
    func windowStarts(_ text: String, _ start: String, _ due: String?, _ conventions: [String]) throws {
        let result = try read(text)
        #expect(result.windowStart == day(start))
        #expect(result.due == due.map(day))
        #expect(result.conventions == conventions)
    }
}

@Suite("Other bureaus' forms")
struct TimeExpressionOtherFormTests {
    @Test(arguments: [
        ("2022年12月31日", "2022-12-31"),
        ("2022年12月31日前", "2022-12-31"),
        ("2023年3月15日以前", "2023-03-15"),
        ("2022年6月30日之前", "2022-06-30"),
        ("2022年12月31号", "2022-12-31"),
        ("二〇二二年十二月底", "2022-12-31"),
        ("二零二二年六月三十日", "2022-06-30"),
        ("２０２２年６月底", "2022-06-30"),
        ("2022年6月", "2022-06-30"),
        ("2022年6月份", "2022-06-30"),
        ("2022年6月上旬", "2022-06-10"),
        ("2022年6月中旬", "2022-06-20"),
        ("2022年6月下旬", "2022-06-30"),
        ("2024年2月下旬", "2024-02-29"),
        ("2022年第一季度", "2022-03-31"),
        ("2022年第一季度末", "2022-03-31"),
        ("2022年一季度", "2022-03-31"),
        ("2022年二季度", "2022-06-30"),
        ("2022年第三季度末", "2022-09-30"),
        ("2022年第4季度", "2022-12-31"),
        ("2022年上半年", "2022-06-30"),
        ("2022年下半年", "2022-12-31"),
        ("2022年度", "2022-12-31"),
        ("2022年内", "2022-12-31"),
        ("2022年春季学期", "2022-07-15"),
        ("2022年秋季学期", "2023-01-20"),
        ("完成時限：２０２２年６月底。", "2022-06-30"),
        ("2022.6.30", "2022-06-30"),
        ("2022/12/31", "2022-12-31"),
        ("2022.6", "2022-06-30"),
        ("2022-12-31", "2022-12-31"),
    ])
    func otherForms(_ text: String, _ due: String) throws {
        #expect(try read(text).due == day(due))
    }
}

@Suite("Conventions")
struct TimeExpressionConventionTests {
    @Test func defaultsAreDocumented() {
        let c = TimeConventions.default
        #expect(c.yearStart == MonthDay(month: 3, day: 31))
        #expect(c.midYear == MonthDay(month: 6, day: 30))
        #expect(c.firstHalfEnd == MonthDay(month: 6, day: 30))
        #expect(c.springTerm == TermDates(start: MonthDay(month: 3, day: 1), end: MonthDay(month: 7, day: 15)))
        #expect(c.autumnTerm == TermDates(start: MonthDay(month: 9, day: 1), end: MonthDay(month: 1, day: 20)))
        #expect(c.autumnTerm.endsInNextYear && !c.springTerm.endsInNextYear)
        #expect(c.earlyMonthDay == 10 && c.midMonthDay == 20)
        #expect(c.beforeMonth == .endOfPreviousMonth)
    }

    @Test func looserBeforeMonthReading() throws {
        var conventions = TimeConventions.default
        conventions.beforeMonth = .endOfMonth
        let result = try read("2022年6月前", conventions)
        #expect(result.due == day("2022-06-30"))
        #expect(result.conventions == ["N月前=当月末"])
    }

    @Test func configuredDaysAreUsedAndReported() throws {
        let conventions = TimeConventions(
            yearStart: MonthDay(month: 2, day: 28), midYear: MonthDay(month: 7, day: 31),
            firstHalfEnd: MonthDay(month: 7, day: 15),
            springTerm: TermDates(start: MonthDay(month: 2, day: 20), end: MonthDay(month: 7, day: 10)),
            autumnTerm: TermDates(start: MonthDay(month: 8, day: 30), end: MonthDay(month: 1, day: 31)),
            earlyMonthDay: 11, midMonthDay: 21)
        #expect(try read("2022年年初", conventions).due == day("2022-02-28"))
        #expect(try read("2022年年初", conventions).conventions == ["年初=02-28"])
        #expect(try read("2022年年中", conventions).due == day("2022-07-31"))
        #expect(try read("2022年上半年", conventions).due == day("2022-07-15"))
        #expect(try read("2022年春季学期末前", conventions).due == day("2022-07-10"))
        #expect(try read("2022年春季学期末前", conventions).conventions == ["春季学期末=07-10"])
        #expect(try read("2022年秋季学期末", conventions).due == day("2023-01-31"))
        #expect(try read("2022年秋季学期起", conventions).windowStart == day("2022-08-30"))
        #expect(try read("2022年3月上旬", conventions).due == day("2022-03-11"))
        #expect(try read("2022年3月中旬", conventions).due == day("2022-03-21"))
        #expect(try read("2022年2月中旬", conventions).conventions == ["中旬=21日"])
    }

    @Test func plainDatesUseNoConvention() throws {
        for text in ["2022年底", "2022—2025年", "2022年8月底", "2022年12月31日", "十四五"] {
            #expect(try read(text).conventions.isEmpty, "\(text)")
        }
    }

    @Test func monthDayCodesAsMonthDash() throws {
        let data = try JSONEncoder().encode(MonthDay(month: 3, day: 31))
        #expect(String(decoding: data, as: UTF8.self) == "\"03-31\"")
        #expect(try JSONDecoder().decode(MonthDay.self, from: Data("\"07-15\"".utf8)) == MonthDay(month: 7, day: 15))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MonthDay.self, from: Data("\"02-30\"".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MonthDay.self, from: Data("\"13-01\"".utf8)) }
        #expect(MonthDay("02-29")?.date(in: 2023) == day("2023-02-28"))
    }

    @Test func conventionsRoundTripAndDecodePartially() throws {
        var conventions = TimeConventions.default
        conventions.beforeMonth = .endOfMonth
        conventions.autumnTerm.end = MonthDay(month: 1, day: 25)
        let data = try JSONEncoder().encode(conventions)
        #expect(try JSONDecoder().decode(TimeConventions.self, from: data) == conventions)
        let partial = #"{"yearStart": "01-31", "beforeMonth": "end_of_month"}"#
        let decoded = try JSONDecoder().decode(TimeConventions.self, from: Data(partial.utf8))
        #expect(decoded.yearStart == MonthDay(month: 1, day: 31))
        #expect(decoded.beforeMonth == .endOfMonth)
        #expect(decoded.springTerm == TimeConventions.default.springTerm)
        let bad = #"{"earlyMonthDay": 25, "midMonthDay": 20}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TimeConventions.self, from: Data(bad.utf8)) }
    }

    @Test func interpretationEncodesDatesAsISO() throws {
        let data = try JSONEncoder().encode(try read("2022—2023年"))
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""windowStart":"2022-01-01""#))
        #expect(json.contains(#""due":"2023-12-31""#))
        #expect(try JSONDecoder().decode(TimeInterpretation.self, from: data) == (try read("2022—2023年")))
    }
}

@Suite("Recurrence (EXPRESSIONS.md §5)")
struct TimeExpressionRecurrenceTests {
    @Test(arguments: [
        ("每年", Recurrence(every: .year)),
        ("每年不少于2次", Recurrence(every: .year, times: 2, atLeast: true)),
        ("每年不少于2次监督检查", Recurrence(every: .year, times: 2, atLeast: true)),
        ("每年开展两次", Recurrence(every: .year, times: 2)),
        ("每年3次以上", Recurrence(every: .year, times: 3, atLeast: true)),
        ("每年培训100名中小学思政课教师", Recurrence(every: .year)),
        ("每学期", Recurrence(every: .semester)),
        ("每学期2次", Recurrence(every: .semester, times: 2)),
        ("每学期对学生家长开展家庭教育知识培训2次", Recurrence(every: .semester, times: 2)),
        ("每學期至少2次", Recurrence(every: .semester, times: 2, atLeast: true)),
        ("每学期至少一次", Recurrence(every: .semester, times: 1, atLeast: true)),
        ("每季度", Recurrence(every: .quarter)),
        ("每季", Recurrence(every: .quarter)),
        ("每月", Recurrence(every: .month)),
        ("每个月", Recurrence(every: .month)),
        ("每周", Recurrence(every: .week)),
        ("每週", Recurrence(every: .week)),
        ("每两周", Recurrence(every: .week, interval: 2)),
        ("每天", Recurrence(every: .day)),
        ("每日", Recurrence(every: .day)),
        ("每半年", Recurrence(every: .month, interval: 6)),
        ("每三年", Recurrence(every: .year, interval: 3)),
        ("每三年一次", Recurrence(every: .year, interval: 3)),
        ("每三年调整一次", Recurrence(every: .year, interval: 3)),
        ("每学年", Recurrence(every: .year)),
        ("一年两次", Recurrence(every: .year, times: 2)),
        ("三年一次", Recurrence(every: .year, interval: 3)),
        ("年度", Recurrence(every: .year)),
        ("分年度", Recurrence(every: .year)),
        ("每年度", Recurrence(every: .year)),
        ("逐年", Recurrence(every: .year)),
        ("逐年只增不减", Recurrence(every: .year)),
        ("年检", Recurrence(every: .year)),
        ("按季度", Recurrence(every: .quarter)),
        ("每年中小学生体质健康测试", Recurrence(every: .year)),
        ("每周一次", Recurrence(every: .week)),
        ("每季度末", Recurrence(every: .quarter)),
    ])
    func recurrences(_ text: String, _ expected: Recurrence) throws {
        let result = try read(text)
        #expect(result.recurrence == expected)
        #expect(result.due == nil && result.windowStart == nil)
    }

    @Test(
        arguments: [
            ("年初", "年初=03-31"),
            ("年中", "年中=06-30"),
            ("年底", nil),
            ("每年年底", nil),
            ("每年上半年", "上半年=06-30"),
            ("每学期末", "春季学期末=07-15"),
            ("春季学期末", "春季学期末=07-15"),
            ("秋季学期", "秋季学期末=次年01-20"),
            ("每月上旬", "上旬=10日"),
        ] as [(String, String?)])
    func phasesRecurWithTheirConvention(_ text: String, _ convention: String?) throws {
        let result = try read(text)
        #expect(result.recurrence != nil)
        #expect(result.due == nil)
        if let convention {
            #expect(result.conventions.contains(convention), "\(result.conventions)")
        } else {
            #expect(result.conventions.isEmpty)
        }
    }
}

@Suite("Procedural limits (EXPRESSIONS.md §4)")
struct TimeExpressionLimitTests {
    @Test(arguments: [
        ("15个工作日内", ProceduralLimit(count: 15, unit: .workingDays)),
        ("十五个工作日", ProceduralLimit(count: 15, unit: .workingDays)),
        ("自收到申请之日起15个工作日内", ProceduralLimit(count: 15, unit: .workingDays)),
        ("形成或者变更之日起20个工作日内", ProceduralLimit(count: 20, unit: .workingDays)),
        ("自收到申请之日起15个工作日内予以答复", ProceduralLimit(count: 15, unit: .workingDays)),
        ("30日内", ProceduralLimit(count: 30, unit: .calendarDays)),
        ("七天内", ProceduralLimit(count: 7, unit: .calendarDays)),
        ("一个月内", ProceduralLimit(count: 1, unit: .months)),
        ("一个月内完成信息更新", ProceduralLimit(count: 1, unit: .months)),
        ("2年内", ProceduralLimit(count: 24, unit: .months)),
        ("当场", ProceduralLimit(count: 0, unit: .workingDays)),
        ("能够当场答复的,当场予以答复", ProceduralLimit(count: 0, unit: .workingDays)),
        ("延长期限最长不得超过15个工作日", ProceduralLimit(count: 0, unit: .workingDays, extensionCount: 15)),
        (
            "自收到申请之日起15个工作日内予以答复;需要延长答复期限的,延长期限最长不得超过15个工作日",
            ProceduralLimit(count: 15, unit: .workingDays, extensionCount: 15)
        ),
    ])
    func limits(_ text: String, _ expected: ProceduralLimit) throws {
        let result = try read(text)
        #expect(result.limit == expected)
        #expect(result.due == nil && result.recurrence == nil)
    }

    @Test func conventionsOfLimits() throws {
        #expect(try read("当场").conventions == ["当场=0个工作日"])
        #expect(try read("2年内").conventions == ["2年=24个月"])
    }
}

@Suite("Cycles and ongoing duties (EXPRESSIONS.md §5, §6)")
struct TimeExpressionCycleTests {
    @Test(arguments: [
        ("三年完成一轮", QuotaCycle(years: 3, rounds: 1)),
        ("四年完成一轮", QuotaCycle(years: 4, rounds: 1)),
        ("四年完成两轮", QuotaCycle(years: 4, rounds: 2)),
        ("四年完成一轮的目标", QuotaCycle(years: 4, rounds: 1)),
        ("每3年至少完成一轮", QuotaCycle(years: 3, rounds: 1)),
        ("5年一周期", QuotaCycle(years: 5)),
        ("4年累计", QuotaCycle(years: 4)),
    ])
    func cycles(_ text: String, _ expected: QuotaCycle) throws {
        let result = try read(text)
        #expect(result.cycle == expected)
        #expect(result.due == nil)
    }

    @Test(arguments: ["长期坚持", "完成时限:长期坚持。", "持续", "常态化", "持续开展校外培训机构专项治理工作", "常态化开展"])
    func ongoing(_ text: String) throws {
        let result = try read(text)
        #expect(result.ongoing)
        #expect(result.due == nil && result.recurrence == nil)
    }
}

@Suite("Errors")
struct TimeExpressionErrorTests {
    @Test(arguments: [
        ("2023年2月30日", TimeExpressionError.Code.invalidDate),
        ("2022年2月29日", TimeExpressionError.Code.invalidDate),
        ("2022年4月31日", TimeExpressionError.Code.invalidDate),
        ("2022年13月底", TimeExpressionError.Code.invalidDate),
        ("2022年0月", TimeExpressionError.Code.invalidDate),
        ("2022年第5季度", TimeExpressionError.Code.invalidDate),
        ("2025—2022年", TimeExpressionError.Code.reversedRange),
        ("2025年至2022年底", TimeExpressionError.Code.reversedRange),
        ("1850年底", TimeExpressionError.Code.yearOutOfRange),
        ("尽快", TimeExpressionError.Code.vague),
        ("早日", TimeExpressionError.Code.vague),
        ("限期", TimeExpressionError.Code.vague),
        ("中期", TimeExpressionError.Code.vague),
        ("定期", TimeExpressionError.Code.periodUnstated),
        ("五年后", TimeExpressionError.Code.relative),
        ("通过5年努力", TimeExpressionError.Code.relative),
        ("明年", TimeExpressionError.Code.relative),
        ("截至2020年底", TimeExpressionError.Code.baseline),
        ("3年", TimeExpressionError.Code.ambiguousDuration),
        ("6个月", TimeExpressionError.Code.ambiguousDuration),
        ("每年6月底前报送", TimeExpressionError.Code.unsupported),
        ("每月5日前", TimeExpressionError.Code.unsupported),
        ("每周一", TimeExpressionError.Code.unsupported),
        ("每月初", TimeExpressionError.Code.unsupported),
        ("每年第一季度", TimeExpressionError.Code.unsupported),
        ("2023-02-30", TimeExpressionError.Code.invalidDate),
        ("2022.2.30", TimeExpressionError.Code.invalidDate),
        ("2022年寒假前", TimeExpressionError.Code.unrecognized),
        ("2022年第一季度前", TimeExpressionError.Code.unrecognized),
        ("十四五中期", TimeExpressionError.Code.unrecognized),
        ("全面提高教育质量", TimeExpressionError.Code.unrecognized),
        ("十五年一贯制", TimeExpressionError.Code.unrecognized),
        ("3—6岁", TimeExpressionError.Code.unrecognized),
        ("0930-6214328", TimeExpressionError.Code.unrecognized),
        ("8:30-12:00", TimeExpressionError.Code.unrecognized),
        ("2022年6月前完成整改并上报", TimeExpressionError.Code.unrecognized),
        ("中国教育现代化2035", TimeExpressionError.Code.unrecognized),
        ("", TimeExpressionError.Code.empty),
        ("  。", TimeExpressionError.Code.empty),
    ])
    func rejects(_ text: String, _ code: String) {
        do {
            let result = try TimeExpression.interpret(text)
            Issue.record("\(text) read as \(result)")
        } catch {
            #expect(error.code == code, "\(text): \(error.message.en)")
            #expect(error.text == text)
            if !text.trimmingCharacters(in: .whitespaces).isEmpty, code != TimeExpressionError.Code.empty {
                #expect(error.message.zh.contains("“\(text)”"), "\(error.message.zh)")
                #expect(error.message.en.contains("\"\(text)\""), "\(error.message.en)")
            }
        }
    }

    @Test func messagesAreChineseFirst() {
        #expect(throws: TimeExpressionError.self) { try TimeExpression.interpret("2023年2月30日") }
        do {
            _ = try TimeExpression.interpret("2023年2月30日")
        } catch {
            #expect(error.description == error.message.zh)
            #expect(error.message.text(.en).hasPrefix("the time expression"))
        }
    }
}
