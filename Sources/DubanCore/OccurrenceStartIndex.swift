public import DubanCalendar

/// The window starts (交办) of stored occurrences, found from the plans alone: each task is expanded on the due
/// date the plans give, once per task and day, and the occurrence picked by its id. For when the scheduler's
/// timeline is not at hand (before its first start), so that 交办 and the 签收时限 never fall back to the due date.
public struct OccurrenceStartIndex {
    let schedule: Schedule
    var cache: [Key: [String: CivilDate]] = [:]

    struct Key: Hashable {
        var task: Int
        var day: CivilDate
    }

    public init(schedule: Schedule) {
        self.schedule = schedule
    }

    /// The window start of occurrence `id` of `plan`/`task` that the plans make due on `planDue`; nil when the
    /// plans hold no such occurrence (a procedural one started from an event, a task since removed).
    public mutating func start(id: String, plan: String, task: String, planDue: CivilDate) -> CivilDate? {
        guard let index = schedule.taskIndex(plan: plan, task: task) else { return nil }
        let key = Key(task: index, day: planDue)
        if let known = cache[key] { return known[id] }
        var starts: [String: CivilDate] = [:]
        for occurrence in schedule.occurrences(ofTask: index, from: planDue, through: planDue) {
            starts[schedule.id(of: occurrence)] = occurrence.start
        }
        // Bounded: a sweep over a province touches a few thousand task-days.
        if cache.count > 100_000 { cache.removeAll(keepingCapacity: true) }
        cache[key] = starts
        return starts[id]
    }
}
