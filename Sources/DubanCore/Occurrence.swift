public import DubanCalendar

/// One dated piece of work for one org unit: a task's deadline, one period of a duty, one review.
///
/// Compact on purpose (28 bytes): a schedule over a province can hold millions. Everything else (ids, titles,
/// quota shares, reminder dates) is derived from the `Schedule` that produced it.
public struct Occurrence: Hashable, Sendable {
    /// Index of the task in `Schedule.tasks`.
    public var task: Int32
    /// Index of the org unit in `Schedule.directory.units`.
    public var org: Int32
    /// Index of the period from the task's anchor (0 for one-off work).
    public var period: Int32
    /// 1-based part of the period when the duty is due several times per period; 0 when the period is whole.
    public var part: UInt8
    /// First day of the occurrence's window (day number).
    public var startDay: Int32
    /// The due date as the text gives it, before any roll (day number).
    public var nominalDueDay: Int32
    /// The due date after the roll rule (day number).
    public var dueDay: Int32

    public init(
        task: Int32, org: Int32, period: Int32, part: UInt8, startDay: Int32, nominalDueDay: Int32, dueDay: Int32
    ) {
        self.task = task
        self.org = org
        self.period = period
        self.part = part
        self.startDay = startDay
        self.nominalDueDay = nominalDueDay
        self.dueDay = dueDay
    }

    /// First day of the window.
    public var start: CivilDate { CivilDate(dayNumber: Int(startDay)) }
    /// The due date as written, before rolling.
    public var nominalDue: CivilDate { CivilDate(dayNumber: Int(nominalDueDay)) }
    /// The due date in force.
    public var due: CivilDate { CivilDate(dayNumber: Int(dueDay)) }
    /// True when the roll rule moved the due date.
    public var isRolled: Bool { dueDay != nominalDueDay }
}
