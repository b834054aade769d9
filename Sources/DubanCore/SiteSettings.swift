public import DubanCalendar
public import Foundation

/// A time of day, as `HH:MM`.
public struct TimeOfDay: Hashable, Sendable, Codable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (00:00–23:59).
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        self.init(hour: h, minute: m)
    }

    public var secondsFromMidnight: Int { hour * 3600 + minute * 60 }

    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

/// Site-wide conventions that turn dates into instants and fill what plans leave unsaid.
public struct SiteSettings: Hashable, Sendable {
    /// IANA time zone of the bureau (default Asia/Shanghai).
    public var timeZone: TimeZone
    /// A due date falls due at this time of day: the end of office hours (default 18:00).
    public var dueTime: TimeOfDay
    /// Office hours start (default 08:30).
    public var officeStart: TimeOfDay
    /// Default reminder lead times in working days (default 10 and 3).
    public var reminders: [Int]
    /// Default roll rule (default next, as the Civil Code rule for periods ending on a holiday).
    public var roll: RollRule
    /// Conventions for expressions the text leaves open (年初, 学期末, 上旬 …).
    public var conventions: TimeConventions
    /// The 来源 a task may name (`origin:`), in the order reports list them (default ``defaultOrigins``).
    public var origins: [String] = SiteSettings.defaultOrigins

    /// 领导批示, 会议议定, 上级交办, 年度重点工作, 人大建议, 政协提案, 群众诉求, 其他.
    public static let defaultOrigins = ["领导批示", "会议议定", "上级交办", "年度重点工作", "人大建议", "政协提案", "群众诉求", "其他"]

    public init(
        timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!,
        dueTime: TimeOfDay = TimeOfDay(hour: 18, minute: 0),
        officeStart: TimeOfDay = TimeOfDay(hour: 8, minute: 30),
        reminders: [Int] = [10, 3],
        roll: RollRule = .next,
        conventions: TimeConventions = .default
    ) {
        self.timeZone = timeZone
        self.dueTime = dueTime
        self.officeStart = officeStart
        self.reminders = reminders
        self.roll = roll
        self.conventions = conventions
    }

    /// The instant `time` on `date` in the site's zone.
    public func instant(_ date: CivilDate, at time: TimeOfDay) -> Date {
        let localSeconds = Double(date.dayNumber) * 86_400 + Double(time.secondsFromMidnight)
        // Resolve the zone offset at the local instant (iterate once for zones with DST changes).
        var guess = Date(timeIntervalSince1970: localSeconds - Double(timeZone.secondsFromGMT()))
        guess = Date(timeIntervalSince1970: localSeconds - Double(timeZone.secondsFromGMT(for: guess)))
        return guess
    }

    /// The due instant of `date`.
    public func dueInstant(_ date: CivilDate) -> Date {
        instant(date, at: dueTime)
    }

    /// The last day whose open occurrences are overdue at `now`: today once its due time has passed, else
    /// yesterday.
    public func overdueThrough(at now: Date) -> CivilDate {
        let today = civilDate(of: now)
        return now >= dueInstant(today) ? today : today.adding(days: -1)
    }

    /// The civil date of `instant` in the site's zone.
    public func civilDate(of instant: Date) -> CivilDate {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        return CivilDate(dayNumber: Int((local / 86_400).rounded(.down)))
    }
}
