import DubanCalendar
import Testing

/// Numbers no plan or notice holds, read as errors that quote them: never an arithmetic trap. Each input once
/// stopped the process (a 20-digit run added up in an `Int`), or was found by the fuzz targets (Fuzz/).
@Suite("Numbers out of range")
struct OutOfRangeNumberTests {
    private func refusal(_ text: String) -> TimeExpressionError? {
        do {
            _ = try TimeExpression.interpret(text)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "a run of more than four digits is out of range, quoted with its place",
        arguments: [
            ("99999999999999999999个工作日内", "99999999999999999999", 1),
            ("2022年99999999999999999999月底", "99999999999999999999", 6),
            ("２０２２０００００００００００００００年底", "2022000000000000000", 1),
            ("二〇二二〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇年底", "20220000000000000000", 1),
            ("每年不少于99999999999999999999次", "99999999999999999999", 6),
            ("延长不超过99999999999999999999个工作日", "99999999999999999999", 6),
        ])
    func longRun(text: String, digits: String, start: Int) throws {
        let error = try #require(refusal(text), "\(text) was accepted")
        #expect(error.code == TimeExpressionError.Code.numberOutOfRange)
        #expect(error.text == text)
        #expect(error.message.zh.contains(digits.count > 24 ? String(digits.prefix(24)) : digits), "\(error.message.zh)")
        #expect(error.message.zh.contains("第\(start)个字符"), "\(error.message.zh)")
        #expect(error.message.en.contains("character \(start)"), "\(error.message.en)")
    }

    @Test("a four-digit count is out of range; a four-digit year is not", arguments: ["1000个工作日内", "2000日内", "每年不少于1000次"])
    func fourDigitCount(text: String) throws {
        let error = try #require(refusal(text))
        #expect(error.code == TimeExpressionError.Code.numberOutOfRange, "\(error)")
        #expect(error.message.zh.contains("1到999"))
    }

    @Test("the largest counts still read")
    func largestCounts() throws {
        #expect(try TimeExpression.interpret("999个工作日内").limit?.count == 999)
        #expect(try TimeExpression.interpret("2199年底").due == CivilDate(year: 2199, month: 12, day: 31))
        #expect(refusal("2200年底")?.code == TimeExpressionError.Code.yearOutOfRange)
    }

    @Test("a notice whose numbers run long is read without a trap; a date or year that long is refused")
    func noticeWithLongDigits() throws {
        let long = String(repeating: "9", count: 40)
        for (original, replacement, refused) in [
            ("1月1日（周四）至3日（周六）", "1月\(long)日（周四）至3日（周六）", true),
            ("国务院办公厅关于2026年", "国务院办公厅关于\(long)年", true),
            ("共3天", "共\(long)天", false),
            ("一、元旦", "\(long)、元旦", false),
            ("二、春节", "二〇二二〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇、春节", true),
        ] {
            try #require(HolidayNoticeTexts.notice2026.contains(original), "\(original)")
            let text = HolidayNoticeTexts.notice2026.replacing(original, with: replacement)
            if refused {
                #expect(throws: HolidayNoticeError.self, "\(replacement)") { try HolidayNotice.parse(text) }
            } else {
                _ = try? HolidayNotice.parse(text)
            }
        }
    }

    @Test("dates keep to the supported years")
    func supportedYears() {
        #expect(CivilDate(year: Int.max, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 1_000_000, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 999_999, month: 12, day: 31) != nil)
        #expect(CivilDate(iso: "9999-12-31") != nil)
    }
}
