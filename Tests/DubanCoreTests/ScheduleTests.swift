import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanTesting
import Testing

@Suite struct ScheduleTests {
    let calendar = CalendarLoader.bundledYears().isEmpty ? WorkingDayCalendar.weekendsOnly : WorkingDayCalendar(years: CalendarLoader.bundledYears())
    let directory = PlanBuilder.directory(units: 5)

    func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }

    func schedule(_ tasks: [PlanTask], horizon: DateSpan? = nil) -> Schedule {
        Schedule(
            plans: [Plan(id: "p", title: "计划", horizon: horizon, tasks: tasks)], directory: directory, calendar: calendar)
    }

    @Test func deadlineFansOutOnePerUnit() {
        let task = PlanTask(id: "t", title: "建立县级资源库", kind: .deadline, assignees: ["all"], due: PlanBuilder.due(d(2022, 12, 30)))
        let s = schedule([task])
        let all = s.expand(from: d(2020, 1, 1), through: d(2030, 12, 31))
        #expect(all.count == 5)
        #expect(Set(all.map { s.unit(of: $0).id }) == ["u000", "u001", "u002", "u003", "u004"])
        #expect(all.allSatisfy { s.periodKey(of: $0) == "once" && $0.due == d(2022, 12, 30) })
        #expect(s.id(of: all[0]) == "p/t/u000/once")
        #expect(s.rollupUnit(of: all[0])?.id == "root")
    }

    @Test func twiceAYearSplitsIntoHalves() {
        let task = PlanTask(
            id: "inspect", title: "监督检查", kind: .recurring, assignees: ["u000"],
            due: PlanBuilder.due(d(2023, 12, 31), from: d(2022, 1, 1)), roll: .none,
            recurrence: Recurrence(every: .year, times: 2, atLeast: true))
        let s = schedule([task])
        let all = s.expand(from: d(2020, 1, 1), through: d(2030, 12, 31))
        #expect(all.map(\.nominalDue) == [d(2022, 6, 30), d(2022, 12, 31), d(2023, 6, 30), d(2023, 12, 31)])
        #expect(all.map { s.periodKey(of: $0) } == ["2022.1", "2022.2", "2023.1", "2023.2"])
        #expect(all.map(\.start) == [d(2022, 1, 1), d(2022, 7, 1), d(2023, 1, 1), d(2023, 7, 1)])
    }

    @Test func semesterDutyFollowsTermConventions() {
        let task = PlanTask(
            id: "parents", title: "家庭教育培训", kind: .recurring, assignees: ["u000"],
            due: PlanBuilder.due(d(2025, 12, 31), from: d(2023, 1, 1)), roll: .none,
            recurrence: Recurrence(every: .semester, times: 2))
        let s = schedule([task])
        let all = s.expand(from: d(2020, 1, 1), through: d(2030, 12, 31))
        // Autumn 2022 runs into 2023 (ends 01-20) and overlaps the window; then spring and autumn of 2023–2025,
        // the last autumn clipped at the window end.
        #expect(all.count == 13)
        #expect(s.periodKey(of: all[0]) == "2022-autumn.2")
        #expect(all[0].nominalDue == d(2023, 1, 20))
        #expect(all.last?.nominalDue == d(2025, 12, 31))
        #expect(all.contains { s.periodKey(of: $0) == "2024-spring.2" && $0.nominalDue == d(2024, 7, 15) })
    }

    @Test func quotaPerYearCarriesItsShare() {
        let task = PlanTask(
            id: "train", title: "州级年培训校长300名", kind: .quota, assignees: ["root"],
            due: PlanBuilder.due(d(2025, 12, 31), from: d(2022, 1, 1)), roll: .none,
            quota: QuotaSpec(count: 300, unit: "名", subject: "校长", per: .year, cycle: QuotaCycle(years: 4)))
        let s = schedule([task])
        let all = s.expand(from: d(2020, 1, 1), through: d(2030, 12, 31))
        #expect(all.map { s.periodKey(of: $0) } == ["2022", "2023", "2024", "2025"])
        #expect(all.allSatisfy { s.quotaShare(of: $0) == 300 })
        #expect(s.rollupUnit(of: all[0]) == nil)
    }

    @Test func quotaPerCycleIsOneOccurrencePerCycle() {
        let task = PlanTask(
            id: "cases", title: "4年累计遴选1000堂", kind: .quota, assignees: ["root"],
            due: PlanBuilder.due(d(2025, 12, 31), from: d(2022, 1, 1)), roll: .none,
            quota: QuotaSpec(count: 1000, unit: "堂", per: .cycle, cycle: QuotaCycle(years: 4)))
        let all = schedule([task]).expand(from: d(2020, 1, 1), through: d(2030, 12, 31))
        #expect(all.count == 1)
        #expect(all[0].nominalDue == d(2025, 12, 31))
        #expect(schedule([task]).periodKey(of: all[0]) == "2022-2025")
    }

    @Test func ongoingTaskIsReviewedYearlyWithoutEnd() {
        let task = PlanTask(id: "keep", title: "长期坚持", kind: .ongoing, assignees: ["u001"], roll: .none)
        let s = schedule([task], horizon: DateSpan(start: d(2022, 1, 1), end: d(2025, 12, 31)))
        let all = s.expand(from: d(2022, 1, 1), through: d(2030, 12, 31))
        #expect(all.map(\.nominalDue.year) == Array(2022...2030))
    }

    @Test func proceduralTasksHaveNoOccurrencesUntilStarted() {
        let task = PlanTask(
            id: "reply", title: "依申请公开答复", kind: .procedural, assignees: ["root"],
            procedural: ProceduralSpec(limit: ProceduralLimit(count: 15, unit: .workingDays, extensionCount: 15)))
        #expect(schedule([task]).expand(from: d(2020, 1, 1), through: d(2030, 12, 31)).isEmpty)
    }

    @Test func rangeDeadlineHasYearlyMilestones() {
        var interpretation = TimeInterpretation(text: "2022—2025年年底", due: d(2025, 12, 31), windowStart: d(2022, 1, 1))
        interpretation.milestones = [d(2022, 12, 31), d(2023, 12, 31), d(2024, 12, 31), d(2025, 12, 31)]
        let task = PlanTask(
            id: "bw", title: "联网提速", kind: .deadline, assignees: ["u002"], due: DueSpec(text: interpretation.text, interpretation: interpretation),
            roll: .none)
        let s = schedule([task])
        let all = s.expand(from: d(2020, 1, 1), through: d(2030, 12, 31))
        #expect(all.map { s.periodKey(of: $0) } == ["2022", "2023", "2024", "2025"])
        #expect(all[1].start == d(2023, 1, 1))
    }

    // MARK: Properties over random plans

    func randomSchedule(seed: UInt64, taskCount: Int = 60) -> (Schedule, [PlanTask]) {
        var rng = SeededGenerator(seed: seed)
        let groups = ["all", "root", "u001", "u003"]
        let tasks = (0..<taskCount).map { i in
            PlanBuilder.randomTask(id: "t\(i)", assignees: [groups[Int(rng.next() % 4)]], using: &rng)
        }
        return (Schedule(plans: [Plan(id: "p", title: "随机", tasks: tasks)], directory: directory, calendar: calendar), tasks)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func everyOccurrenceLiesInItsWindow(seed: UInt64) {
        let (s, _) = randomSchedule(seed: seed)
        let all = s.expand(from: d(2015, 1, 1), through: d(2032, 12, 31))
        #expect(!all.isEmpty)
        for occurrence in all {
            let scheduled = s.scheduledTask(of: occurrence)
            #expect(occurrence.start <= occurrence.nominalDue)
            #expect(scheduled.windowStart <= occurrence.start)
            if let end = scheduled.windowEnd { #expect(occurrence.nominalDue <= end) }
            #expect(occurrence.due == s.calendar.roll(occurrence.nominalDue, scheduled.task.roll))
        }
        // Sorted by due date, ids unique.
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.dueDay <= $1.dueDay })
        #expect(Set(all.map(s.id(of:))).count == all.count)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func countsPerPeriodMatchRecurrence(seed: UInt64) {
        let (s, _) = randomSchedule(seed: seed)
        let all = s.expand(from: d(2015, 1, 1), through: d(2032, 12, 31))
        var perPeriod: [String: Int] = [:]
        for occurrence in all where s.task(of: occurrence).kind == .recurring {
            let key = s.id(of: occurrence).split(separator: ".").first.map(String.init) ?? ""
            perPeriod[key, default: 0] += 1
        }
        for (key, count) in perPeriod {
            let taskID = key.split(separator: "/")[1]
            let task = s.tasks.first { $0.task.id == taskID }!.task
            // A period clipped by the window may hold fewer parts, never more.
            #expect(count <= task.recurrence!.times, "\(key)")
        }
        // Unclipped periods (strictly inside the window) hold exactly `times` parts.
        for scheduled in s.tasks where scheduled.task.kind == .recurring {
            guard let end = scheduled.windowEnd, let rule = scheduled.rule else { continue }
            let occurrences = s.occurrences(ofTask: s.tasks.firstIndex { $0.task.id == scheduled.task.id }!, from: d(2015, 1, 1), through: d(2032, 12, 31))
            let byPeriod = Dictionary(grouping: occurrences.filter { $0.org == scheduled.units.first }, by: \.period)
            for (_, items) in byPeriod {
                let first = items.map(\.start).min()!
                let last = items.map(\.nominalDue).max()!
                let fullSpan = first > scheduled.windowStart && last < end
                if fullSpan { #expect(items.count == rule.times) }
            }
        }
    }

    @Test(arguments: [21, 22] as [UInt64])
    func idsAreStableUnderReordering(seed: UInt64) {
        let (s, tasks) = randomSchedule(seed: seed)
        var rng = SeededGenerator(seed: seed &+ 100)
        let shuffledTasks = tasks.shuffled(using: &rng).map { task -> PlanTask in
            var t = task
            t.assignees = t.assignees.shuffled(using: &rng)
            return t
        }
        let shuffledUnits = directory.units.shuffled(using: &rng)
        let other = Schedule(
            plans: [Plan(id: "p", title: "随机", tasks: shuffledTasks)], directory: OrgDirectory(units: shuffledUnits, groups: directory.groups),
            calendar: calendar)
        let a = s.expand(from: d(2015, 1, 1), through: d(2032, 12, 31)).map(s.id(of:))
        let b = other.expand(from: d(2015, 1, 1), through: d(2032, 12, 31)).map(other.id(of:))
        #expect(a == b)
    }

    @Test func rangeQueriesAgreeWithFilteringTheWhole() {
        let (s, _) = randomSchedule(seed: 31)
        let whole = s.expand(from: d(2015, 1, 1), through: d(2032, 12, 31))
        for (from, through) in [(d(2022, 3, 1), d(2022, 9, 30)), (d(2024, 12, 25), d(2025, 1, 10)), (d(2026, 1, 1), d(2026, 1, 1))] {
            let part = s.expand(from: from, through: through)
            #expect(part.map(s.id(of:)) == whole.filter { from <= $0.due && $0.due <= through }.map(s.id(of:)))
        }
    }
}
