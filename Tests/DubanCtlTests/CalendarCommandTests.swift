import DubanTesting
import Foundation
import Testing

/// `dubanctl calendar …` and the `--calendar-dir` override, through the built binary.
@Suite struct CalendarCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func explainSaysWhyInBothLanguages() throws {
        let zh = try BinaryRunner.run("dubanctl", ["calendar", "explain", "2026-10-10", "--lang", "zh"])
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("上班") && zh.stdout.contains("国庆节") && zh.stdout.contains("国办发明电〔2025〕7号"))
        let en = try BinaryRunner.run("dubanctl", ["calendar", "explain", "2026-10-03", "--lang", "en"])
        #expect(en.stdout.contains("day off") && en.stdout.contains("National Day"), "\(en.stdout)")
        let object = try json(try BinaryRunner.run("dubanctl", ["calendar", "explain", "2026-02-14", "--json"]).stdout)
        #expect(object["working"] as? Bool == true)
        #expect(object["kind"] as? String == "makeup_workday")
        #expect(object["holiday"] as? String == "春节")
        #expect(object["source"] as? String == "国办发明电〔2025〕7号")
        #expect(Set(object.keys).isSuperset(of: ["date", "working", "kind", "holiday", "source"]))
    }

    @Test func monthGridMarksHolidaysAndMakeupDays() throws {
        let zh = try BinaryRunner.run("dubanctl", ["calendar", "show", "2026-10", "--lang", "zh"])
        #expect(zh.status == 0)
        #expect(zh.stdout.contains(" 1休") && zh.stdout.contains("10班"), "\(zh.stdout)")
        #expect(!zh.stdout.contains("\u{1B}["), "no colour when not a terminal")
        let en = try BinaryRunner.run("dubanctl", ["calendar", "show", "2026-10", "--lang", "en"])
        #expect(en.stdout.contains(" 1H") && en.stdout.contains("10W") && en.stdout.contains("October 2026"))
    }

    /// A notice in the published style for 2026 (facts of 国办发明电〔2025〕7号).
    static let notice2026 = """
        国务院办公厅关于2026年部分节假日安排的通知
        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
        　　经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
        　　一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
        　　二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
        　　三、清明节：4月4日（周六）至6日（周一）放假，共3天。
        　　四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
        　　五、端午节：6月19日（周五）至21日（周日）放假，共3天。
        　　六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
        　　七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
        国务院办公厅
        2025年11月4日
        """

    @Test func importWritesAYearFileTheCalendarUses() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let notice = try dir.write("notice-2026.txt", Self.notice2026)
        let printed = try BinaryRunner.run("dubanctl", ["calendar", "import", notice])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.contains("year: 2026") && printed.stdout.contains("2026-10-01..2026-10-07"), "\(printed.stdout)")
        let out = dir.url.appendingPathComponent("calendars").path
        let written = try BinaryRunner.run("dubanctl", ["calendar", "import", notice, "--output", out])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/holidays-2026.yaml"))
        // The override replaces the bundled 2026 and gives the same answers.
        let explained = try json(try BinaryRunner.run("dubanctl", ["calendar", "explain", "2026-10-10", "--json", "--calendar-dir", out]).stdout)
        #expect(explained["kind"] as? String == "makeup_workday")
        let again = try BinaryRunner.run("dubanctl", ["calendar", "import", notice, "--output", out])
        #expect(again.status == 1, "refuses to overwrite without --force")
    }

    @Test func importRefusesASelfContradictoryNoticeQuotingTheItem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let wrong = Self.notice2026.replacingOccurrences(of: "5月9日（周六）上班", with: "5月9日（周日）上班")
        let notice = try dir.write("wrong.txt", wrong)
        let result = try BinaryRunner.run("dubanctl", ["calendar", "import", notice, "--output", dir.url.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("劳动节"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("holidays-2026.yaml").path))
    }

    @Test func anOverrideYearMakesItsDatesNoLongerProvisional() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        // Not a real arrangement: a test fixture for a year the bundled data does not have.
        try dir.write(
            "holidays-2027.yaml",
            """
            year: 2027
            source: 测试用数据(非真实通知)
            holidays:
              - name: 元旦
                off: 2027-01-01..2027-01-03
            """)
        let without = try json(try BinaryRunner.run("dubanctl", ["workdays", "add", "2026-12-31", "1", "--json"]).stdout)
        #expect(without["provisional"] as? Bool == true)
        let with = try json(
            try BinaryRunner.run("dubanctl", ["workdays", "add", "2026-12-31", "1", "--json", "--calendar-dir", dir.url.path]).stdout)
        #expect(with["provisional"] as? Bool == false)
        #expect((with["result"] as? [String: Any])?["date"] as? String == "2027-01-04")
    }

    @Test func dueExplainsAProceduralLimitDayByDay() throws {
        let result = try BinaryRunner.run("dubanctl", ["due", "15个工作日内", "--from", "2026-09-28", "--explain", "--lang", "zh"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2026-10-23"), "\(result.stdout)")
        #expect(result.stdout.contains("国庆节"))
        #expect(result.stdout.contains("15 2026-10-23"))
        let rolled = try BinaryRunner.run("dubanctl", ["due", "2026年10月3日", "--lang", "zh"])
        #expect(rolled.stdout.contains("原定10月3日(国庆节),顺延至10月8日"), "\(rolled.stdout)")
    }
}

/// `dubanctl calendar terms` on the bundled examples.
@Suite struct CalendarTermsCommandTests {
    @Test func unitFollowsItsAncestorsSchoolCalendar() throws {
        let result = try BinaryRunner.run("dubanctl", ["calendar", "terms", "--plans", "examples/", "--org", "kangle", "--year", "2022", "--lang", "zh"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("沿用 临夏州教育局 的校历"))
        #expect(result.stdout.contains("暑假") && result.stdout.contains("2022-07-09"))
        let json = try BinaryRunner.run("dubanctl", ["calendar", "terms", "--plans", "examples/", "--org", "jishishan", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["calendar_org"] as? String == "jishishan")
        #expect(object["defaults"] as? Bool == false)
    }

    @Test func unitWithoutAnySchoolCalendarSaysDefaultsApply() throws {
        let result = try BinaryRunner.run("dubanctl", ["calendar", "terms", "--plans", "examples/", "--org", "tengchong", "--year", "2026", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("the defaults apply"))
        #expect(result.stdout.contains("2026-07-15"))
    }
}
