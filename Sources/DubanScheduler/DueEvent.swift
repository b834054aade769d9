public import DubanCore
public import Foundation

/// An event that has come due: a reminder, the due date itself, or an overdue repeat of one occurrence.
///
/// Made only when the event fires; the timeline holds compact entries instead.
public struct DueEvent: Hashable, Sendable, CustomStringConvertible {
    /// What the event announces.
    public enum Kind: Hashable, Sendable {
        /// Due in `leadWorkingDays` working days (a lead time of the task).
        case reminder(leadWorkingDays: Int)
        /// Due today.
        case due
        /// The `k`-th overdue notice (1-based).
        case overdue(Int)

        /// The key suffix: `reminder-10`, `due`, `overdue-1`.
        public var keySuffix: String {
            switch self {
            case .reminder(let n): return "reminder-\(n)"
            case .due: return "due"
            case .overdue(let k): return "overdue-\(k)"
            }
        }
    }

    /// The stable key, `<occurrence id>#<kind>` (`p/t/u001/2022#reminder-10`), under which the event is recorded
    /// as handled.
    public let key: String
    /// The occurrence's stable id.
    public let occurrenceID: String
    /// The occurrence.
    public let occurrence: Occurrence
    /// The occurrence's index in the state machine's expansion (valid for the schedule that fired it).
    public let occurrenceIndex: Int
    /// What the event announces.
    public let kind: Kind
    /// When the event falls: office start on its day, in the site's zone.
    public let instant: Date

    /// An event; `key` is derived from the id and kind.
    public init(occurrenceID: String, occurrence: Occurrence, occurrenceIndex: Int, kind: Kind, instant: Date) {
        self.key = occurrenceID + "#" + kind.keySuffix
        self.occurrenceID = occurrenceID
        self.occurrence = occurrence
        self.occurrenceIndex = occurrenceIndex
        self.kind = kind
        self.instant = instant
    }

    public var description: String { "\(key) @ \(instant)" }
}
