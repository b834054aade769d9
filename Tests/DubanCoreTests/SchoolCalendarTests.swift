import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanTesting
import Testing

/// School calendars change term-based dates per unit: 学期末 deadlines, 每学期 periods, quiet breaks.
@Suite struct SchoolCalendarTests {
    func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }

    let directory = OrgDirectory(units: [
        OrgUnit(id: "pref", name: "州", kind: .prefecture),
        OrgUnit(id: "a", name: "甲县", kind: .county, parent: "pref"),
        OrgUnit(id: "b", name: "乙县", kind: .county, parent: "pref"),
        OrgUnit(id: "c", name: "丙县", kind: .county),
    ], groups: [OrgGroup(id: "all", name: "各县", members: ["a", "b", "c"])])

    var schools: [SchoolCalendar] {
        [
            SchoolCalendar(org: "pref", terms: [
                SchoolTerm(season: .autumn, start: d(2021, 9, 1), end: d(2022, 1, 14)),
                SchoolTerm(season: .spring, start: d(2022, 2, 21), end: d(2022, 7, 8)),
                SchoolTerm(season: .autumn, start: d(2022, 9, 1), end: d(2023, 1, 13)),
            ]),
            SchoolCalendar(org: "b", terms: [
                SchoolTerm(season: .spring, start: d(2022, 2, 28), end: d(2022, 7, 15)),
                SchoolTerm(season: .autumn, start: d(2022, 8, 29), end: d(2023, 1, 6)),
            ], quietDuringBreaks: false),
        ]
    }

    func schedule(_ task: PlanTask) -> Schedule {
        Schedule(
            plans: [Plan(id: "p", title: "计划", tasks: [task])], directory: directory,
            calendar: WorkingDayCalendar(years: CalendarLoader.bundledYears()), schoolCalendars: schools)
    }

    @Test func termEndDeadlineFollowsEachUnitsSchoolYear() throws {
        let interpretation = try TimeExpression.interpret("2022年春季学期末前")
        #expect(interpretation.termEnd == TermReference(year: 2022, season: .spring))
        let task = PlanTask(
            id: "t", title: "空间开通", kind: .deadline, assignees: ["all"], due: DueSpec(text: interpretation.text, interpretation: interpretation),
            roll: .none)
        let s = schedule(task)
        let byUnit = Dictionary(uniqueKeysWithValues: s.expand(from: d(2022, 1, 1), through: d(2022, 12, 31)).map { (s.unit(of: $0).id, $0.nominalDue) })
        #expect(byUnit["a"] == d(2022, 7, 8), "inherited from pref")
        #expect(byUnit["b"] == d(2022, 7, 15), "its own calendar")
        #expect(byUnit["c"] == d(2022, 7, 15), "no calendar: the convention (07-15)")
        #expect(s.schoolCalendar(forUnit: "a")?.org == "pref")
        #expect(s.schoolCalendar(forUnit: "c") == nil)
    }

    @Test func semesterDutyUsesRealTermDates() {
        let task = PlanTask(
            id: "t", title: "家长培训", kind: .recurring, assignees: ["a", "b"], due: PlanBuilder.due(d(2022, 12, 31), from: d(2022, 1, 1)),
            roll: .none, recurrence: Recurrence(every: .semester, times: 1))
        let s = schedule(task)
        let all = s.expand(from: d(2021, 1, 1), through: d(2023, 12, 31))
        let a = all.filter { s.unit(of: $0).id == "a" }.map { (s.periodKey(of: $0), $0.nominalDue) }
        let b = all.filter { s.unit(of: $0).id == "b" }.map { (s.periodKey(of: $0), $0.nominalDue) }
        #expect(a.map(\.0) == ["2021-autumn", "2022-spring", "2022-autumn"])
        #expect(a.map(\.1) == [d(2022, 1, 14), d(2022, 7, 8), d(2022, 12, 31)])
        #expect(b.map(\.0) == ["2021-autumn", "2022-spring", "2022-autumn"])
        // b has no autumn 2021 term: the convention applies (ends 2022-01-20).
        #expect(b.map(\.1) == [d(2022, 1, 20), d(2022, 7, 15), d(2022, 12, 31)])
        #expect(Set(all.map(s.id(of:))).count == all.count)
    }

    @Test func remindersInAQuietBreakMoveBeforeIt() {
        // Due 2022-08-31, in pref's summer break (07-09 … 08-31): reminders 10 and 3 working days before land in it.
        let task = PlanTask(
            id: "t", title: "网络升级", kind: .deadline, assignees: ["a", "b"], due: PlanBuilder.due(d(2022, 8, 31)), reminders: [10, 3],
            roll: .none)
        let s = schedule(task)
        let all = s.expand(from: d(2022, 1, 1), through: d(2022, 12, 31))
        let a = all.first { s.unit(of: $0).id == "a" }!
        let b = all.first { s.unit(of: $0).id == "b" }!
        #expect(s.reminderDates(of: a) == [d(2022, 7, 8)], "both moved to the last working day before the break, once")
        #expect(s.reminderDates(of: b) == [d(2022, 8, 17), d(2022, 8, 26)], "b's calendar is not quiet")
    }

    @Test func breaksAreTheGapsBetweenTerms() {
        let pref = schools[0]
        #expect(pref.breaks.map(\.name.zh) == ["寒假", "暑假"])
        #expect(pref.schoolBreak(containing: d(2022, 8, 1))?.start == d(2022, 7, 9))
        #expect(pref.schoolBreak(containing: d(2022, 5, 1)) == nil)
    }
}
