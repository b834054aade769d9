public import DubanCalendar

/// Every live (not archived) occurrence counted, and the open ones by due day: enough to say how many are open
/// and how many overdue at any moment without another query.
public struct OpenTally: Hashable, Sendable {
    /// Open occurrences due on one day.
    public struct DueCount: Hashable, Sendable {
        public var day: Int
        public var count: Int

        public init(day: Int, count: Int) {
            self.day = day
            self.count = count
        }
    }

    /// Live occurrences, whatever their state.
    public var total: Int
    /// Open occurrences per due day (day numbers), ascending.
    public var openByDue: [DueCount]

    public init(total: Int, openByDue: [DueCount]) {
        self.total = total
        self.openByDue = openByDue.sorted { $0.day < $1.day }
    }

    /// Open occurrences.
    public var open: Int { openByDue.reduce(0) { $0 + $1.count } }

    /// Open occurrences due on or before `day`.
    public func open(dueThrough day: CivilDate) -> Int {
        let limit = day.dayNumber
        var sum = 0
        for entry in openByDue {
            if entry.day > limit { break }
            sum += entry.count
        }
        return sum
    }
}
