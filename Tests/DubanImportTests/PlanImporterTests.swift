import DubanCalendar
import DubanCore
import DubanImport
import Testing

/// The importer on documents written for these tests (not the reference documents), in several styles.
@Suite struct PlanImporterTests {
    func draft(_ text: String, name: String = "test.txt") -> DraftPlan {
        PlanImporter(options: ImportOptions(documentName: name)).draft(text)
    }

    func date(_ text: String) -> CivilDate? { CivilDate(iso: text) }

    @Test func countyPlanFindsEveryScheduledThing() throws {
        let plan = draft(CountyPlanFixture.text, name: CountyPlanFixture.name)
        #expect(plan.title == "青山县义务教育优质均衡发展三年行动方案")
        #expect(plan.documentNumber == "青教发〔2024〕12号")
        #expect(plan.horizon?.end == date("2026-12-31"))

        // 到２０２６年 (full-width digits): two targets, one per metric, the second with a bare number and 不高于.
        let goals = plan.items.filter { $0.line == 5 }
        #expect(goals.count == 2)
        #expect(goals.allSatisfy { $0.kind == .target && $0.due == date("2026-12-31") })
        #expect(goals.first?.target?.value == 99)
        #expect(goals.first?.target?.unit == "%")
        #expect(goals.last?.target?.value == 0.45)
        #expect(goals.last?.target?.comparator == .atMost)

        // 完成时限 with 月底前, and the 责任单位 line after the task.
        let layout = try #require(plan.items.first { $0.line == 8 })
        #expect(layout.kind == .deadline)
        #expect(layout.due == date("2024-06-30"))
        #expect(layout.owners == ["县教育局规划股"])
        #expect(layout.quote.hasPrefix("完成全县义务教育学校布局规划修编"))

        // A build task with a count: the deadline and the count, both owned by the 牵头单位 only.
        let school = plan.items.filter { $0.line == 10 }
        #expect(Set(school.map(\.kind)) == [.deadline, .target])
        #expect(school.allSatisfy { $0.due == date("2025-08-31") && $0.owners == ["县教育局"] })
        #expect(school.first { $0.kind == .target }?.target?.value == 1080)

        // 每学年…一次 and 每季度…一次: two recurring duties on one line.
        let monitoring = plan.items.filter { $0.line == 13 }
        #expect(monitoring.map(\.recurrence?.every) == [.year, .quarter])
        #expect(monitoring.allSatisfy { $0.owners == ["县教研室"] })

        // 每年培训…200名,三年完成一轮: a yearly quota with a 3-year cycle.
        let training = try #require(plan.items.first { $0.line == 15 })
        #expect(training.kind == .quota)
        #expect(training.quota?.count == 200)
        #expect(training.quota?.per == .year)
        #expect(training.quota?.cycle == QuotaCycle(years: 3, rounds: 1))

        // 10个工作日 with an extension of 5, counted from 收到.
        let reply = try #require(plan.items.first { $0.line == 16 })
        #expect(reply.kind == .procedural)
        #expect(reply.limit == ProceduralLimit(count: 10, unit: .workingDays, extensionCount: 5))
        #expect(reply.trigger == "收到")
        #expect(plan.items.filter { $0.line == 16 }.count == 1)

        #expect(plan.items.first { $0.line == 17 }?.kind == .ongoing)

        let labs = try #require(plan.items.first { $0.line == 18 })
        #expect(labs.kind == .deadline)
        #expect(labs.due == date("2024-12-31"))
        #expect(labs.owners == ["各乡镇中心学校"])

        // 定期 names no period: a recurring duty flagged for the admin.
        let inspection = try #require(plan.items.first { $0.line == 20 })
        #expect(inspection.kind == .recurring)
        #expect(inspection.recurrence == nil)
        #expect(!inspection.flags.isEmpty)
        #expect(inspection.owners == ["县政府督查室"])

        // The indicator table under a dated caption: one target per row.
        let rows = plan.items.filter { $0.line == 23 || $0.line == 24 }
        #expect(rows.map(\.target?.value) == [12000, 95])
        #expect(rows.allSatisfy { $0.kind == .target && $0.due == date("2026-12-31") })

        // Phase headings with a month range: a milestone at the phase's end.
        let phases = plan.items.filter { $0.line == 7 || $0.line == 12 }
        #expect(phases.map(\.due) == [date("2024-12-31"), date("2026-12-31")])
        #expect(phases.map(\.windowStart) == [date("2024-01-01"), date("2025-01-01")])
        #expect(phases.first?.title == "第一阶段:启动实施")

        // 每年3月底前: a yearly duty due on 03-31.
        let report = try #require(plan.items.first { $0.line == 26 })
        #expect(report.kind == .recurring)
        #expect(report.recurrenceAt == "03-31")
        #expect(report.owners == ["各中小学"])

        // A year that is only context (2023年印发的原方案): listed as unmapped, with its line.
        #expect(plan.unmapped.map(\.line) == [27])
        #expect(plan.items.count == 17)
        #expect(plan.horizon == DateSpan(start: .startOfYear(2024), end: .endOfYear(2026)))
    }

    @Test func everyQuoteIsVerbatimAndShort() {
        let plan = draft(CountyPlanFixture.text)
        let lines = CountyPlanFixture.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for item in plan.items {
            #expect(lines[item.line - 1].contains(item.quote), "L\(item.line): \(item.quote)")
            #expect(item.quote.count <= 60)
            #expect(!item.title.isEmpty)
        }
    }

    @Test func ownersMapToOrgIDsWhenADirectoryIsGiven() throws {
        let directory = OrgDirectory(
            units: [
                OrgUnit(id: "qs", name: "县教育局", kind: .county),
                OrgUnit(id: "qs-plan", name: "县教育局规划股", kind: .office, parent: "qs"),
            ],
            groups: [])
        let plan = PlanImporter(options: ImportOptions(documentName: "x.txt", directory: directory)).draft(CountyPlanFixture.text)
        #expect(plan.items.first { $0.line == 8 }?.assignees == ["qs-plan"])
        #expect(plan.items.first { $0.line == 10 }?.assignees == ["qs"])
        // 县教研室 is not in the directory: left as text for the admin.
        #expect(plan.items.first { $0.line == 13 }?.assignees == [])
    }

    @Test func retrospectiveSectionsAndBaselinesGiveNothing() {
        let plan = draft(
            """
            一、发展现状
            截至2023年底，全市共有学校120所，每年培训教师500名。
            二、主要目标
            到2027年，学校达到130所。
            """)
        #expect(plan.items.count == 1)
        #expect(plan.items.first?.target?.value == 130)
        #expect(plan.items.first?.due == CivilDate(iso: "2027-12-31"))
    }

    @Test func semesterQuarterlyAndYearCycleDuties() {
        let plan = draft(
            """
            （一）常规管理
            各校每学期至少开展2次安全演练。市教育局每季度召开一次工作例会。
            建立年初部署、年中检查、年底考核的工作机制。
            """)
        let drill = plan.items.first { $0.line == 2 && $0.recurrence?.every == .semester }
        #expect(drill?.recurrence == Recurrence(every: .semester, times: 2, atLeast: true))
        #expect(drill?.owners == ["各校"])
        #expect(plan.items.contains { $0.line == 2 && $0.recurrence?.every == .quarter })
        #expect(plan.items.filter { $0.line == 3 }.map(\.recurrenceAt) == ["年初", "年中", "年底"])
    }

    @Test func vagueDatesAreFlaggedNotGuessed() {
        let plan = draft("各地要尽快出台实施细则。对发现的问题限期整改。")
        let soon = plan.items.first { $0.kind == .deadline }
        #expect(soon?.due == nil)
        #expect(soon?.flags.isEmpty == false)
        let fix = plan.items.first { $0.kind == .procedural }
        #expect(fix?.limit == nil)
        #expect(fix?.flags.isEmpty == false)
    }

    @Test func standingStandardsAreOngoingWithATarget() {
        let plan = draft("各级学校用于图书购置的经费不低于公用经费的5%。")
        #expect(plan.items.count == 1)
        #expect(plan.items.first?.kind == .ongoing)
        #expect(plan.items.first?.target?.value == 5)
        #expect(plan.items.first?.target?.comparator == .atLeast)
    }

    @Test func titlesAndOtherPlansPeriodsAreNotDeadlines() {
        let plan = draft("为落实《某省教育发展规划（2021—2025年）》，制定本方案。2024年，是攻坚之年。")
        #expect(plan.items.isEmpty)
        #expect(plan.unmapped.count == 1)
        #expect(plan.unmapped.first?.line == 1)
    }
}

/// Goal paragraphs whose date governs the numbered sub-goals under them.
@Suite struct CarriedDateTests {
    @Test func subGoalsInheritTheParagraphDate() {
        let plan = PlanImporter(options: ImportOptions(documentName: "t.txt")).draft(
            """
            二、工作目标
            到2027年，基本实现全县学前教育普及普惠。
            （一）乡镇中心幼儿园建设任务全部完成。
            （二）公办园在园幼儿占比均达到55%。
            三、主要措施
            （一）加强师资，乡村教师培训全部完成。
            """)
        let due = CivilDate(iso: "2027-12-31")
        #expect(plan.items.map(\.line) == [2, 3, 4])
        #expect(plan.items.prefix(3).allSatisfy { $0.due == due })
        #expect(plan.items[1].kind == .deadline)
        #expect(plan.items[2].target?.metric == "公办园在园幼儿占比")
        #expect(plan.items[2].target?.value == 55)
        // After the next section heading the date no longer applies, and an undated 完成 is not a deadline.
        #expect(!plan.items.contains { $0.line == 6 })
    }
}

/// A task list laid out as a table, as many 实施方案 attach it (附件:任务分解表).
@Suite struct TaskTableTests {
    @Test func rowsOfATaskTableAreTasksWithTheirOwnersAndDeadlines() throws {
        let plan = PlanImporter(options: ImportOptions(documentName: "t.txt")).draft(
            """
            附件：重点任务分解表
            序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |
            1 | 制定学校食堂管理办法 | 县教育局 | 县市场监管局 | 2025年3月底前 |
            2 | 开展校园安全隐患排查 | 各中小学 | | 每半年 |
            3 | 落实课后服务经费保障 | 县财政局、县教育局 | | 长期坚持 |
            4 | 建立家校共育平台 | 县教育局 | | 适时 |
            县教育局按季度通报各校工作进展。
            """)
        #expect(plan.items.map(\.line) == [3, 4, 5, 6, 7])
        let rules = plan.items[0]
        #expect(rules.kind == .deadline)
        #expect(rules.due == CivilDate(iso: "2025-03-31"))
        #expect(rules.owners == ["县教育局"])
        #expect(rules.title == "制定学校食堂管理办法")
        #expect(plan.items[1].kind == .recurring)
        #expect(plan.items[1].recurrence == Recurrence(every: .month, interval: 6))
        #expect(plan.items[1].owners == ["各中小学"])
        #expect(plan.items[2].kind == .ongoing)
        #expect(plan.items[2].owners == ["县财政局", "县教育局"])
        // 适时 names no date: the task is kept with its date to fill, and the row is listed as unmapped.
        #expect(plan.items[3].due == nil)
        #expect(!plan.items[3].flags.isEmpty)
        #expect(plan.unmapped.map(\.line) == [6])
        #expect(plan.items[4].recurrence?.every == .quarter)
        #expect(plan.items[4].owners == ["县教育局"])
    }
}
