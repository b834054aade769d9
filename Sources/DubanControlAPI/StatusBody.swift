public import Foundation

/// `GET /v1/health`.
public struct HealthBody: Hashable, Sendable, Codable {
    public var ok: Bool
    public var version: String

    public init(ok: Bool = true, version: String) {
        self.ok = ok
        self.version = version
    }
}

/// `GET /v1/status`: what the daemon is doing.
public struct StatusBody: Hashable, Sendable, Codable {
    public var plans: Int
    public var tasks: Int
    /// Occurrences the scheduler holds (the expansion range).
    public var occurrences: Int
    public var open: Int
    public var overdue: Int
    /// The next event the scheduler will fire, if any.
    public var next: Date?
    /// The daemon's "now" (scaled in a rehearsal).
    public var now: Date
    /// "system clock" or the scaled clock's description.
    public var clock: String
    public var scaledClock: Bool
    /// Years the schedule touches that have no holiday data.
    public var missingCalendarYears: [Int]
    public var lastReload: ReloadBody?

    enum CodingKeys: String, CodingKey {
        case plans, tasks, occurrences, open, overdue, next, now, clock
        case scaledClock = "scaled_clock"
        case missingCalendarYears = "missing_calendar_years"
        case lastReload = "last_reload"
    }

    public init(
        plans: Int, tasks: Int, occurrences: Int, open: Int, overdue: Int, next: Date?, now: Date, clock: String,
        scaledClock: Bool, missingCalendarYears: [Int], lastReload: ReloadBody?
    ) {
        self.plans = plans
        self.tasks = tasks
        self.occurrences = occurrences
        self.open = open
        self.overdue = overdue
        self.next = next
        self.now = now
        self.clock = clock
        self.scaledClock = scaledClock
        self.missingCalendarYears = missingCalendarYears
        self.lastReload = lastReload
    }
}

/// `POST /v1/reload` (200 when the plans were replaced, 422 with the diagnostics when they were kept).
public struct ReloadBody: Hashable, Sendable, Codable {
    public var ok: Bool
    public var at: Date
    /// `file:line:column: message` lines when the reload was refused.
    public var errors: [String]

    public init(ok: Bool, at: Date, errors: [String]) {
        self.ok = ok
        self.at = at
        self.errors = errors
    }
}

/// `POST /v1/backup`: where to write the copy (an absolute path that does not exist yet).
public struct BackupRequest: Hashable, Sendable, Codable {
    public var path: String

    public init(path: String) {
        self.path = path
    }
}

/// The answer to a backup.
public struct BackupResult: Hashable, Sendable, Codable {
    public var path: String

    public init(path: String) {
        self.path = path
    }
}
