/// One pending event on the timeline, 16 bytes: no strings until it fires.
///
/// Entries are totally ordered by (instant, occurrence, kind, sequence), so the timeline pops them in a
/// deterministic order and identical entries (an event pushed twice) pop next to each other.
struct TimelineEntry: Hashable, Comparable, Sendable {
    /// The kinds, in the order they sort at one instant.
    enum Kind: UInt8, Sendable {
        case reminder = 0
        case due = 1
        case overdue = 2

        /// The public kind of an event of this kind with `sequence`.
        func eventKind(sequence: UInt16) -> DueEvent.Kind {
            switch self {
            case .reminder: return .reminder(leadWorkingDays: Int(sequence))
            case .due: return .due
            case .overdue: return .overdue(Int(sequence))
            }
        }
    }

    /// Seconds since 1970-01-01 UTC.
    var instant: Int64
    /// Index of the occurrence in the state machine's expansion.
    var occurrence: UInt32
    /// The kind.
    var kind: Kind
    /// The lead time in working days (reminder) or the repeat number (overdue); 0 for due.
    var sequence: UInt16

    static func < (a: TimelineEntry, b: TimelineEntry) -> Bool {
        if a.instant != b.instant { return a.instant < b.instant }
        if a.occurrence != b.occurrence { return a.occurrence < b.occurrence }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        return a.sequence < b.sequence
    }

    /// The public kind.
    var eventKind: DueEvent.Kind { kind.eventKind(sequence: sequence) }
}
