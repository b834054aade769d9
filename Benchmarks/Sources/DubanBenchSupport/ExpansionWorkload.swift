public import DubanCalendar
public import DubanCore

/// The expansion target's workload: 10,000 yearly tasks × 100 org units × 5 years (2022–2026).
///
/// 100 plans of 100 tasks each, every task a once-a-year duty over 2022-01-01 … 2026-12-31 assigned to the group
/// `all` of 100 county units, so `expand(from: 2022-01-01, through: 2026-12-31)` yields 5,000,000 occurrences.
/// Each task falls due on its own day of the year (`recurrenceAt`, spread over every month) with the default
/// roll to the next working day, so the calendar, the rolls and the sort all see realistic spread; no day chosen
/// rolls out of 2026 (2026-12-31 is a working day), which `init` checks.
public struct ExpansionWorkload: Sendable {
    public static let plans = 100
    public static let tasksPerPlan = 100
    public static let units = 100
    public static let years = 2022...2026

    public let schedule: Schedule
    public let from: CivilDate
    public let through: CivilDate
    /// tasks × units × years: 5,000,000.
    public let expectedCount: Int

    public init(calendar: WorkingDayCalendar) {
        let from = CivilDate.startOfYear(ExpansionWorkload.years.lowerBound)
        let through = CivilDate.endOfYear(ExpansionWorkload.years.upperBound)
        var plans: [Plan] = []
        for p in 0..<ExpansionWorkload.plans {
            var tasks: [PlanTask] = []
            for t in 0..<ExpansionWorkload.tasksPerPlan {
                let n = p * ExpansionWorkload.tasksPerPlan + t
                let interpretation = TimeInterpretation(
                    text: "2022—2026年每年", due: through, windowStart: from, recurrence: Recurrence(every: .year))
                var task = PlanTask(
                    id: "t" + ExpansionWorkload.pad(t, 3), title: "年度任务 \(n)", kind: .recurring, assignees: ["all"],
                    due: DueSpec(text: interpretation.text, interpretation: interpretation), roll: .next,
                    recurrence: Recurrence(every: .year))
                task.recurrenceAt = MonthDay(month: 1 + n % 12, day: 1 + (n / 12) % 28)
                tasks.append(task)
            }
            plans.append(Plan(id: "plan" + ExpansionWorkload.pad(p, 3), title: "计划 \(p)", tasks: tasks))
        }
        self.schedule = Schedule(plans: plans, directory: ExpansionWorkload.directory(), calendar: calendar)
        self.from = from
        self.through = through
        self.expectedCount =
            ExpansionWorkload.plans * ExpansionWorkload.tasksPerPlan * ExpansionWorkload.units
            * ExpansionWorkload.years.count
    }

    /// One root and `units` children `u000` … `u099`, and the group `all` of the children
    /// (the shape of `DubanTesting.PlanBuilder.directory(units:)`).
    static func directory() -> OrgDirectory {
        var units = [OrgUnit(id: "root", name: "本级", kind: .prefecture)]
        var members: [String] = []
        for i in 0..<ExpansionWorkload.units {
            let id = "u" + pad(i, 3)
            units.append(OrgUnit(id: id, name: "单位\(i)", kind: .county, parent: "root"))
            members.append(id)
        }
        return OrgDirectory(units: units, groups: [OrgGroup(id: "all", name: "全部单位", members: members)])
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
