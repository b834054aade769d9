/// Where an occurrence stands: still to do, done (办结), or waived with a reason.
///
/// The raw values are what the `occurrence.state` column holds.
public enum OccurrenceState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Not yet done: reminders and overdue notices apply.
    case open
    /// Completed (办结).
    case done
    /// Not required this time, with a reason in the note.
    case waived

    /// True for `done` and `waived`: nothing more is expected.
    public var isClosed: Bool { self != .open }
}
