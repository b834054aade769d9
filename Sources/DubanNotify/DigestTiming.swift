public import DubanCalendar
public import DubanCore
public import Foundation

/// When a notice goes out (pure). A notice of an immediate severity goes at once, whatever the day or hour.
/// Every other notice waits for the digest: the first working day's digest time at or after the event, so
/// nothing but an immediate notice is sent on a weekend, a holiday or outside office hours.
public struct DigestTiming: Sendable {
    public let policy: NotificationPolicy
    public let settings: SiteSettings
    public let calendar: WorkingDayCalendar

    public init(policy: NotificationPolicy, settings: SiteSettings, calendar: WorkingDayCalendar) {
        self.policy = policy
        self.settings = settings
        self.calendar = calendar
    }

    /// Whether `severity` skips the digest.
    public func isImmediate(_ severity: NoticeSeverity) -> Bool {
        policy.immediate.contains(severity)
    }

    /// The digest instant on `day`.
    public func digestInstant(on day: CivilDate) -> Date {
        settings.instant(day, at: policy.digestTime)
    }

    /// The first digest instant at or after `instant`: today's if it is a working day and the digest time has
    /// not passed, else the next working day's.
    public func nextDigest(atOrAfter instant: Date) -> Date {
        var day = settings.civilDate(of: instant)
        for _ in 0..<800 {
            if calendar.isWorkingDay(day) {
                let slot = digestInstant(on: day)
                if slot >= instant { return slot }
            }
            day = day.adding(days: 1)
        }
        return digestInstant(on: day)
    }

    /// When a notice of `severity` that fell at `instant` is sent: `instant` itself for an immediate one, else
    /// its digest.
    public func sendAt(_ instant: Date, severity: NoticeSeverity) -> Date {
        isImmediate(severity) ? instant : nextDigest(atOrAfter: instant)
    }
}
