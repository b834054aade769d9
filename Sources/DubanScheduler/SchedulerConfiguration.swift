public import Foundation

/// How the scheduler turns occurrences into events and paces its work.
///
/// | field | default | meaning |
/// |---|---|---|
/// | `overdueEvery` | 5 | working days between overdue repeats (overdue-k falls on due + k × this) |
/// | `overdueRepeats` | 3 | overdue events per occurrence (k = 1 … this); 0 for none |
/// | `horizonDays` | 400 | days of events the timeline is built ahead at a time |
/// | `maximumBatch` | 1000 | most events handed to `deliver` at once (catch-up comes in batches) |
/// | `retryDelay` | 5 s | wait after a failed delivery, doubled after each further failure |
/// | `maximumRetryDelay` | 300 s | cap on that wait |
/// | `catchUpWindow` | nil | at start, events older than this before `now` are skipped; nil fires every missed event |
public struct SchedulerConfiguration: Hashable, Sendable {
    /// Working days between overdue repeats (default 5).
    public var overdueEvery: Int
    /// How many overdue events follow the due event (default 3).
    public var overdueRepeats: Int
    /// Days of events built into the timeline at a time (default 400); the timeline is extended as time advances.
    public var horizonDays: Int
    /// The most events handed to `deliver` in one batch (default 1000).
    public var maximumBatch: Int
    /// Wait after a failed delivery before retrying (default 5 s), doubled after each further failure.
    public var retryDelay: TimeInterval
    /// Cap on the retry wait (default 300 s).
    public var maximumRetryDelay: TimeInterval
    /// How far back a start (or reload) catches up; nil (the default) fires every missed, unhandled event once,
    /// like systemd's `Persistent=true`.
    public var catchUpWindow: TimeInterval?

    /// A configuration; every parameter has the default documented on its property.
    public init(
        overdueEvery: Int = 5, overdueRepeats: Int = 3, horizonDays: Int = 400, maximumBatch: Int = 1000,
        retryDelay: TimeInterval = 5, maximumRetryDelay: TimeInterval = 300, catchUpWindow: TimeInterval? = nil
    ) {
        precondition(overdueEvery >= 1 && overdueRepeats >= 0 && overdueRepeats <= Int(UInt16.max))
        precondition(horizonDays >= 1 && maximumBatch >= 1 && retryDelay > 0 && maximumRetryDelay >= retryDelay)
        self.overdueEvery = overdueEvery
        self.overdueRepeats = overdueRepeats
        self.horizonDays = horizonDays
        self.maximumBatch = maximumBatch
        self.retryDelay = retryDelay
        self.maximumRetryDelay = maximumRetryDelay
        self.catchUpWindow = catchUpWindow
    }
}
