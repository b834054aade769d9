import DubanCalendar

extension Schedule {
    /// The identity of one occurrence as the store keys it: the stable id and the ids it is made of.
    public struct Identity {
        /// `<plan>/<task>/<unit>/<period>`, the same as ``Schedule/id(of:)``.
        public var id: String
        public var plan: String
        public var task: String
        public var org: String
    }

    /// Calls `body` with the identity of each occurrence, in order: what ``id(of:)`` gives one at a time, built for
    /// a whole expansion at once.
    ///
    /// The `plan/task/` prefix of each task and the period key of each (task, school calendar, period, part) are
    /// built once and shared, so a million ids cost one string concatenation each, and the plan, task and unit ids
    /// handed out share their storage with the schedule's.
    public func forEachIdentity(of occurrences: [Occurrence], _ body: (Occurrence, Identity) throws -> Void) rethrows {
        struct PeriodSlot: Hashable {
            var task: Int32
            var school: Int32
            var period: Int32
            var part: UInt8
        }
        var prefixes = [String?](repeating: nil, count: tasks.count)
        var periodKeys: [PeriodSlot: String] = [:]
        for occurrence in occurrences {
            let taskIndex = Int(occurrence.task)
            let scheduled = tasks[taskIndex]
            let plan = plans[scheduled.plan].id
            let prefix: String
            if let known = prefixes[taskIndex] {
                prefix = known
            } else {
                prefix = plan + "/" + scheduled.task.id + "/"
                prefixes[taskIndex] = prefix
            }
            let school = schoolOfUnit[occurrence.org]
            let slot = PeriodSlot(
                task: occurrence.task, school: Int32(school ?? -1),
                period: scheduled.milestones.count > 1 && scheduled.rule == nil ? Int32(occurrence.nominalDue.year) : occurrence.period,
                part: occurrence.part)
            let periodKey: String
            if let known = periodKeys[slot] {
                periodKey = known
            } else {
                periodKey = self.periodKey(of: occurrence)
                periodKeys[slot] = periodKey
            }
            let org = directory.units[Int(occurrence.org)].id
            var id = prefix
            id.reserveCapacity(prefix.utf8.count + org.utf8.count + 1 + periodKey.utf8.count)
            id += org
            id += "/"
            id += periodKey
            try body(occurrence, Identity(id: id, plan: plan, task: scheduled.task.id, org: org))
        }
    }
}
