import DubanCalendar
import DubanCore

/// Builds plans and org directories in code, for tests and benchmarks.
public enum PlanBuilder {
    /// A directory with one root and `count` children named `u000`, `u001` … and a group `all` of them.
    public static func directory(units count: Int) -> OrgDirectory {
        var units = [OrgUnit(id: "root", name: "本级", kind: .prefecture)]
        for i in 0..<count {
            units.append(OrgUnit(id: "u" + pad(i, 3), name: "单位\(i)", kind: .county, parent: "root"))
        }
        let group = OrgGroup(id: "all", name: "全部单位", members: (0..<count).map { "u" + pad($0, 3) })
        return OrgDirectory(units: units, groups: [group])
    }

    /// A due spec for an explicit date (and optional window start), without going through the expression parser.
    public static func due(_ date: CivilDate, from start: CivilDate? = nil, text: String? = nil) -> DueSpec {
        DueSpec(text: text ?? date.description, interpretation: TimeInterpretation(text: text ?? date.description, due: date, windowStart: start))
    }

    /// A random task of a random kind over 2021–2026, assigned to `assignees`.
    public static func randomTask(id: String, assignees: [String], using rng: inout SeededGenerator) -> PlanTask {
        let kinds: [TaskKind] = [.deadline, .recurring, .quota, .target, .ongoing, .procedural]
        let kind = kinds[Int(rng.next() % UInt64(kinds.count))]
        let startYear = 2021 + Int(rng.next() % 3)
        let endYear = startYear + Int(rng.next() % 4)
        let start = CivilDate(year: startYear, month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))!
        let end = CivilDate(year: endYear, month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))!
        let (a, b) = start <= end ? (start, end) : (end, start)
        let rolls: [RollRule] = [.next, .previous, .none]
        var task = PlanTask(
            id: id, title: "任务 \(id)", kind: kind, assignees: assignees, due: due(b, from: a),
            reminders: [10, 3], roll: rolls[Int(rng.next() % 3)])
        switch kind {
        case .recurring, .ongoing:
            let periods: [RecurrencePeriod] = [.year, .semester, .quarter, .month, .week]
            let every = periods[Int(rng.next() % UInt64(periods.count))]
            let times = every == .week ? 1 : 1 + Int(rng.next() % 3)
            let interval = every == .year ? 1 + Int(rng.next() % 2) : 1
            task.recurrence = Recurrence(every: every, interval: interval, times: times, atLeast: rng.next() % 2 == 0)
            if kind == .ongoing { task.due = nil; task.window = DateSpan(start: a, end: b) }
        case .quota:
            let pers: [QuotaSpec.Per] = [.year, .semester, .cycle]
            let per = pers[Int(rng.next() % 3)]
            task.quota = QuotaSpec(count: Double(1 + rng.next() % 500), unit: "名", per: per, cycle: per == .cycle ? QuotaCycle(years: 2) : nil)
        case .target:
            task.target = TargetSpec(metric: "指标", value: 90, unit: "%")
        case .procedural:
            task.due = nil
            task.procedural = ProceduralSpec(limit: ProceduralLimit(count: 15, unit: .workingDays, extensionCount: 15))
        case .deadline:
            break
        }
        return task
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
