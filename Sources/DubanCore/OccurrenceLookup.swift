public import DubanCalendar
import Synchronization

/// Stored occurrences looked up in the plans alone: each task is expanded on the due date the plans give, once per
/// task and day, and the occurrence picked by its id. Answers 交办 (the window start), the reminders and the
/// window of a record without the scheduler's timeline (which may not have started, or not expanded that far) and
/// without expanding a task per record. Shared by the copies of one value (one request, one sweep); safe to use
/// from several tasks.
public final class OccurrenceLookup: Sendable {
    let schedule: Schedule
    let cache = Mutex<[Key: [String: Occurrence]]>([:])

    struct Key: Hashable {
        var task: Int
        var day: CivilDate
    }

    public init(schedule: Schedule) {
        self.schedule = schedule
    }

    /// The occurrence `id` of `plan`/`task` that the plans make due on `planDue`; nil when the plans hold no such
    /// occurrence (a procedural one started from an event, a task since removed).
    public func occurrence(id: String, plan: String, task: String, planDue: CivilDate) -> Occurrence? {
        guard let index = schedule.taskIndex(plan: plan, task: task) else { return nil }
        let key = Key(task: index, day: planDue)
        if let known = cache.withLock({ $0[key] }) { return known[id] }
        var found: [String: Occurrence] = [:]
        for occurrence in schedule.occurrences(ofTask: index, from: planDue, through: planDue) {
            found[schedule.id(of: occurrence)] = occurrence
        }
        cache.withLock { entries in
            // Bounded: a sweep over a province touches a few thousand task-days.
            if entries.count > 100_000 { entries.removeAll(keepingCapacity: true) }
            entries[key] = found
        }
        return found[id]
    }

    /// The window start (交办) of that occurrence.
    public func start(id: String, plan: String, task: String, planDue: CivilDate) -> CivilDate? {
        occurrence(id: id, plan: plan, task: task, planDue: planDue)?.start
    }
}
