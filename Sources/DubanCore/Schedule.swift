public import DubanCalendar
public import Foundation

/// A task placed on the calendar: its plan, its resolved assignees, its effective window and period rule.
public struct ScheduledTask: Sendable {
    /// Index of the plan in `Schedule.plans`.
    public let plan: Int
    public let task: PlanTask
    /// Assigned units (indices into the directory's units), sorted, without duplicates.
    public let units: [Int32]
    /// First day work may happen.
    public let windowStart: CivilDate
    /// Last day of the window; nil when open-ended (长期坚持, a duty with no end).
    public let windowEnd: CivilDate?
    /// How the window is cut into periods, for recurring, quota and ongoing tasks.
    public let rule: PeriodRule?
    /// Nominal due dates of one-off work (a deadline, a target, the yearly milestones of a range).
    public let milestones: [CivilDate]
}

/// Plans × org directory × calendar: the pure function from admin files to dated, assigned occurrences.
///
/// Tasks are ordered by (plan id, task id) and units by id, so expansion output and occurrence ids do not depend
/// on the order of anything in the files.
public struct Schedule: Sendable {
    public let plans: [Plan]
    public let tasks: [ScheduledTask]
    public let directory: OrgDirectory
    public let calendar: WorkingDayCalendar
    public let settings: SiteSettings
    /// School calendars (校历) by org unit; a unit uses its own or its nearest ancestor's.
    public let schoolCalendars: [SchoolCalendar]
    private let taskIndex: [String: Int]
    /// For each unit index: the index in `schoolCalendars` of the calendar that applies, if any.
    let schoolOfUnit: [Int32: Int]

    /// Places validated plans on the calendar. Tasks whose assignees resolve to no unit get no occurrences.
    public init(
        plans: [Plan], directory: OrgDirectory, calendar: WorkingDayCalendar, settings: SiteSettings = .init(),
        schoolCalendars: [SchoolCalendar] = []
    ) {
        let sortedPlans = plans.sorted { $0.id < $1.id }
        var tasks: [ScheduledTask] = []
        for (planIndex, plan) in sortedPlans.enumerated() {
            for task in plan.tasks.sorted(by: { $0.id < $1.id }) {
                tasks.append(Schedule.place(task, plan: plan, planIndex: planIndex, directory: directory, settings: settings))
            }
        }
        self.plans = sortedPlans
        self.tasks = tasks
        self.directory = directory
        self.calendar = calendar
        self.settings = settings
        var index: [String: Int] = [:]
        for (i, scheduled) in tasks.enumerated() {
            index[sortedPlans[scheduled.plan].id + "/" + scheduled.task.id] = i
        }
        self.taskIndex = index
        self.schoolCalendars = schoolCalendars
        var byOrg: [String: Int] = [:]
        for (i, school) in schoolCalendars.enumerated() { byOrg[school.org] = i }
        var schoolOfUnit: [Int32: Int] = [:]
        if !byOrg.isEmpty {
            for (i, unit) in directory.units.enumerated() {
                if let own = byOrg[unit.id] {
                    schoolOfUnit[Int32(i)] = own
                } else if let inherited = directory.ancestors(of: unit.id).lazy.compactMap({ byOrg[$0] }).first {
                    schoolOfUnit[Int32(i)] = inherited
                }
            }
        }
        self.schoolOfUnit = schoolOfUnit
    }

    /// The school calendar that applies to unit `id` (its own or its nearest ancestor's), if any.
    public func schoolCalendar(forUnit id: String) -> SchoolCalendar? {
        directory.index(ofUnit: id).flatMap { schoolOfUnit[Int32($0)] }.map { schoolCalendars[$0] }
    }

    /// True when the task's dates depend on school terms (每学期 periods or a 学期末 deadline).
    func followsSchoolTerms(_ scheduled: ScheduledTask) -> Bool {
        scheduled.rule?.every == .semester || scheduled.task.due?.interpretation.termEnd != nil
    }

    /// The period rule and one-off due dates of `scheduled` for units under school calendar `school`.
    func placement(_ scheduled: ScheduledTask, school: Int?) -> (rule: PeriodRule?, milestones: [CivilDate]) {
        guard let school, followsSchoolTerms(scheduled) else { return (scheduled.rule, scheduled.milestones) }
        let calendar = schoolCalendars[school]
        var rule = scheduled.rule
        rule?.school = calendar
        var milestones = scheduled.milestones
        if let term = scheduled.task.due?.interpretation.termEnd, let end = calendar.term(term)?.end,
            let last = milestones.indices.last, scheduled.task.window?.end == nil
        {
            milestones[last] = end
        }
        return (rule, milestones)
    }

    static func place(
        _ task: PlanTask, plan: Plan, planIndex: Int, directory: OrgDirectory, settings: SiteSettings
    ) -> ScheduledTask {
        var units = Set<Int32>()
        for assignee in task.assignees {
            for id in directory.resolve(assignee) {
                if let index = directory.index(ofUnit: id) { units.insert(Int32(index)) }
            }
        }
        let interpretation = task.due?.interpretation
        let dueDate = interpretation?.due
        // With nothing saying when work may start, the window opens early (2000-01-01) rather than on the due date,
        // so reminders before the due date are not lost.
        let start =
            task.window?.start ?? interpretation?.windowStart ?? plan.horizon?.start ?? plan.published
            ?? CivilDate.startOfYear(2000)
        var end: CivilDate?
        var rule: PeriodRule?
        var milestones: [CivilDate] = []
        let conventions = settings.conventions
        switch task.kind {
        case .deadline, .target:
            end = task.window?.end ?? dueDate ?? plan.horizon?.end
            if task.kind == .deadline, let all = interpretation?.milestones, all.count > 1 {
                milestones = all
            } else if let due = dueDate ?? end {
                milestones = [due]
            }
        case .recurring:
            end = task.window?.end ?? dueDate ?? plan.horizon?.end
            let recurrence = task.recurrence ?? Recurrence(every: .year)
            rule = PeriodRule(
                every: recurrence.every, interval: recurrence.interval, times: recurrence.times, conventions: conventions)
        case .quota:
            end = task.window?.end ?? dueDate ?? plan.horizon?.end
            switch task.quota?.per ?? .year {
            case .year: rule = PeriodRule(every: .year, conventions: conventions)
            case .semester: rule = PeriodRule(every: .semester, conventions: conventions)
            case .cycle:
                if let years = task.quota?.cycle?.years {
                    rule = PeriodRule(every: .year, interval: years, conventions: conventions)
                } else if let end {
                    milestones = [end]
                }
            }
        case .ongoing:
            end = task.window?.end
            let recurrence = task.recurrence ?? Recurrence(every: .year)
            rule = PeriodRule(
                every: recurrence.every, interval: recurrence.interval, times: recurrence.times, conventions: conventions)
        case .procedural:
            end = nil
        }
        return ScheduledTask(
            plan: planIndex, task: task, units: units.sorted(), windowStart: start, windowEnd: end, rule: rule,
            milestones: milestones)
    }

    // MARK: Expansion

    /// Every occurrence whose due date (after rolling) lies in `from...through`, sorted by due date, then task
    /// (plan id, task id), unit id, and period.
    public func expand(from: CivilDate, through: CivilDate) -> [Occurrence] {
        guard from <= through else { return [] }
        var result: [Occurrence] = []
        for index in tasks.indices {
            appendOccurrences(of: index, from: from, through: through, into: &result)
        }
        return Schedule.sortedByDue(result)
    }

    /// The occurrences of one task due in `from...through`, in period order then unit order.
    public func occurrences(ofTask index: Int, from: CivilDate, through: CivilDate) -> [Occurrence] {
        var result: [Occurrence] = []
        appendOccurrences(of: index, from: from, through: through, into: &result)
        return result
    }

    func appendOccurrences(of index: Int, from: CivilDate, through: CivilDate, into result: inout [Occurrence]) {
        let scheduled = tasks[index]
        guard !scheduled.units.isEmpty, scheduled.task.kind != .procedural else { return }
        guard !schoolOfUnit.isEmpty, followsSchoolTerms(scheduled) else {
            appendOccurrences(
                of: index, units: scheduled.units, rule: scheduled.rule, milestones: scheduled.milestones, from: from,
                through: through, into: &result)
            return
        }
        // Units under different school calendars get different term dates: expand each group on its own.
        var groups: [Int: [Int32]] = [:]
        for unit in scheduled.units { groups[schoolOfUnit[unit] ?? -1, default: []].append(unit) }
        var grouped: [Occurrence] = []
        for (school, units) in groups.sorted(by: { $0.key < $1.key }) {
            let (rule, milestones) = placement(scheduled, school: school >= 0 ? school : nil)
            appendOccurrences(
                of: index, units: units, rule: rule, milestones: milestones, from: from, through: through, into: &grouped)
        }
        // Keep the per-task order expansion promises: period, then unit.
        grouped.sort { ($0.period, $0.part, $0.org) < ($1.period, $1.part, $1.org) }
        result.append(contentsOf: grouped)
    }

    func appendOccurrences(
        of index: Int, units: [Int32], rule: PeriodRule?, milestones: [CivilDate], from: CivilDate, through: CivilDate,
        into result: inout [Occurrence]
    ) {
        let scheduled = tasks[index]
        let roll = scheduled.task.roll
        let taskNumber = Int32(index)
        @inline(__always) func emit(period: Int, part: Int, start: CivilDate, nominal: CivilDate) {
            let due = calendar.roll(nominal, roll)
            guard from <= due, due <= through else { return }
            let startDay = Int32(start.dayNumber)
            let nominalDay = Int32(nominal.dayNumber)
            let dueDay = Int32(due.dayNumber)
            for unit in units {
                result.append(
                    Occurrence(
                        task: taskNumber, org: unit, period: Int32(period), part: UInt8(part), startDay: startDay,
                        nominalDueDay: nominalDay, dueDay: dueDay))
            }
        }
        guard let rule else {
            var previousEnd: CivilDate?
            for (i, milestone) in milestones.enumerated() {
                let start = previousEnd.map { max($0.adding(days: 1), scheduled.windowStart) } ?? scheduled.windowStart
                emit(period: i, part: 0, start: min(start, milestone), nominal: milestone)
                previousEnd = milestone
            }
            return
        }
        let windowStart = scheduled.windowStart
        let windowEnd = scheduled.windowEnd ?? through.adding(days: 31)
        guard windowStart <= windowEnd else { return }
        let anchor = rule.unitOrdinal(containing: windowStart)
        // Skip periods that end well before `from` (a roll moves a date by at most a couple of weeks).
        let skipTo = rule.unitOrdinal(containing: max(windowStart, from.adding(days: -40)))
        var periodIndex = max(0, (skipTo - anchor) / rule.interval - 1)
        let stop = min(windowEnd, through.adding(days: 31))
        while true {
            let span = rule.periodSpan(anchor: anchor, index: periodIndex)
            if span.start > stop { break }
            let parts = rule.times
            for k in 1...parts {
                var partEnd = rule.partEnd(span, part: k)
                let partStart = max(rule.partStart(span, part: k), windowStart)
                if partEnd < windowStart { continue }
                if partEnd > windowEnd { partEnd = windowEnd }
                if parts == 1, let at = scheduled.task.recurrenceAt, rule.every == .year, rule.interval == 1 {
                    partEnd = min(partEnd, PeriodRule.date(year: span.start.year, at))
                }
                if partStart > partEnd { break }
                emit(period: periodIndex, part: parts == 1 ? 0 : k, start: partStart, nominal: partEnd)
            }
            periodIndex += 1
        }
    }

    /// A stable sort by due day: counting sort over the day span when it is compact, else a comparison sort.
    static func sortedByDue(_ items: [Occurrence]) -> [Occurrence] {
        guard items.count > 1 else { return items }
        var low = Int32.max
        var high = Int32.min
        for item in items {
            low = min(low, item.dueDay)
            high = max(high, item.dueDay)
        }
        let span = Int(high) - Int(low) + 1
        if span > items.count * 4 + 100_000 {
            return items.enumerated().sorted { a, b in
                a.element.dueDay != b.element.dueDay ? a.element.dueDay < b.element.dueDay : a.offset < b.offset
            }.map(\.element)
        }
        var counts = [Int](repeating: 0, count: span + 1)
        for item in items { counts[Int(item.dueDay - low) + 1] += 1 }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        return [Occurrence](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            for item in items {
                let slot = Int(item.dueDay - low)
                (buffer.baseAddress! + counts[slot]).initialize(to: item)
                counts[slot] += 1
            }
            initialized = items.count
        }
    }

    // MARK: Reading an occurrence

    /// The scheduled task an occurrence belongs to.
    public func scheduledTask(of occurrence: Occurrence) -> ScheduledTask {
        tasks[Int(occurrence.task)]
    }

    /// The task an occurrence belongs to.
    public func task(of occurrence: Occurrence) -> PlanTask {
        tasks[Int(occurrence.task)].task
    }

    /// The plan an occurrence belongs to.
    public func plan(of occurrence: Occurrence) -> Plan {
        plans[tasks[Int(occurrence.task)].plan]
    }

    /// The org unit an occurrence is assigned to.
    public func unit(of occurrence: Occurrence) -> OrgUnit {
        directory.units[Int(occurrence.org)]
    }

    /// The index of task `taskID` in plan `planID`.
    public func taskIndex(plan planID: String, task taskID: String) -> Int? {
        taskIndex[planID + "/" + taskID]
    }

    /// The period fragment of the occurrence id: `once`, `2022`, `2022-Q3`, `2022-spring`, `2022.1` …
    public func periodKey(of occurrence: Occurrence) -> String {
        let scheduled = tasks[Int(occurrence.task)]
        if let rule = placement(scheduled, school: schoolOfUnit[occurrence.org]).rule {
            let anchor = rule.unitOrdinal(containing: scheduled.windowStart)
            return rule.key(anchor: anchor, index: Int(occurrence.period), part: Int(occurrence.part))
        }
        if scheduled.milestones.count > 1 { return "\(occurrence.nominalDue.year)" }
        if scheduled.task.kind == .quota { return "cycle" }
        return "once"
    }

    /// The stable id `<plan>/<task>/<unit>/<period>`.
    public func id(of occurrence: Occurrence) -> String {
        let scheduled = tasks[Int(occurrence.task)]
        return plans[scheduled.plan].id + "/" + scheduled.task.id + "/" + directory.units[Int(occurrence.org)].id + "/"
            + periodKey(of: occurrence)
    }

    /// The unit whose roll-up this occurrence counts toward: the assignee's parent, when the task fans out to
    /// several of its children.
    public func rollupUnit(of occurrence: Occurrence) -> OrgUnit? {
        let scheduled = tasks[Int(occurrence.task)]
        guard let parentID = directory.units[Int(occurrence.org)].parent, let parent = directory.unit(parentID) else {
            return nil
        }
        let siblings = scheduled.units.filter { directory.units[Int($0)].parent == parentID }
        return siblings.count > 1 ? parent : nil
    }

    /// The count due in this occurrence's period, for quota tasks.
    public func quotaShare(of occurrence: Occurrence) -> Double? {
        task(of: occurrence).quota?.count
    }

    /// The dates reminders fall on: each lead time counted back in working days from the due date.
    /// A reminder that would fall in a school break of a calendar marked quiet moves to the last working day
    /// before the break (never dropped: a deadline just after the summer break still gets its warnings).
    public func reminderDates(of occurrence: Occurrence) -> [CivilDate] {
        let due = occurrence.due
        let school = schoolOfUnit[occurrence.org].map { schoolCalendars[$0] }
        var dates: [CivilDate] = []
        for lead in task(of: occurrence).reminders {
            var date = calendar.adding(workingDays: -lead, to: due)
            if let school, school.quietDuringBreaks, let gap = school.schoolBreak(containing: date) {
                date = calendar.previousWorkingDay(before: gap.start)
            }
            if !dates.contains(date) { dates.append(date) }
        }
        return dates
    }

    /// The instant the occurrence falls due: end of office hours on its due date in the site's zone.
    public func dueInstant(of occurrence: Occurrence) -> Date {
        settings.dueInstant(occurrence.due)
    }

    /// True when the due date lies in a year without holiday data (computed on weekends only).
    public func isProvisional(_ occurrence: Occurrence) -> Bool {
        calendar.isProvisional(occurrence.due) || calendar.isProvisional(occurrence.nominalDue)
    }
}
