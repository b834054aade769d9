import DubanCalendar
import DubanCore
import DubanNotify
import Foundation
import Testing

/// When notices go out: digests on working days at the digest time only; immediate severities at once.
struct DigestTimingTests {
    let timing = DigestTiming(
        policy: NotificationPolicy(),
        settings: NotifyFixtures.settings,
        calendar: NotifyFixtures.calendar
    )
    let b = NotifyFixtures.beijing

    @Test func anEventAtOfficeStartJoinsThatDaysDigest() {
        // Friday 2022-12-30 08:30 is a working day; the digest is at 08:30 the same day.
        #expect(timing.sendAt(b(2022, 12, 30, 8, 30), severity: .info) == b(2022, 12, 30, 8, 30))
    }

    @Test func anEventAfterTheDigestWaitsForTheNextWorkingDay() {
        // Friday afternoon → the next working day is Tuesday 2023-01-03 (元旦 holiday 12-31 to 01-02).
        #expect(timing.sendAt(b(2022, 12, 30, 10, 0), severity: .warning) == b(2023, 1, 3, 8, 30))
        // 2023-09-30 falls in the 中秋/国庆 holiday (09-29 to 10-06); Saturday 10-07 is a make-up working day (调休).
        #expect(timing.sendAt(b(2023, 9, 30, 9, 0), severity: .info) == b(2023, 10, 7, 8, 30))
        #expect(timing.nextDigest(atOrAfter: b(2023, 10, 1, 0, 0)) == b(2023, 10, 7, 8, 30))
    }

    @Test func noDigestFallsOnAWeekendOrHoliday() {
        var instant = b(2022, 1, 1, 0, 0)
        let end = b(2024, 1, 1, 0, 0)
        while instant < end {
            let slot = timing.nextDigest(atOrAfter: instant)
            let day = NotifyFixtures.settings.civilDate(of: slot)
            #expect(NotifyFixtures.calendar.isWorkingDay(day), "\(day)")
            #expect(slot >= instant)
            instant = instant.addingTimeInterval(7 * 3600 + 13 * 60)
        }
    }

    @Test func criticalGoesAtOnceWhateverTheDay() {
        // 2023-10-01 is a holiday; critical notices are not held.
        #expect(timing.sendAt(b(2023, 10, 1, 3, 0), severity: .critical) == b(2023, 10, 1, 3, 0))
        var policy = NotificationPolicy()
        policy.immediate = []
        let held = DigestTiming(policy: policy, settings: NotifyFixtures.settings, calendar: NotifyFixtures.calendar)
        #expect(held.sendAt(b(2023, 10, 1, 3, 0), severity: .critical) == b(2023, 10, 7, 8, 30))
    }

    @Test func aConfiguredDigestTime() {
        var policy = NotificationPolicy()
        policy.digestTime = TimeOfDay(hour: 16, minute: 0)
        let afternoon = DigestTiming(
            policy: policy,
            settings: NotifyFixtures.settings,
            calendar: NotifyFixtures.calendar
        )
        #expect(afternoon.sendAt(b(2022, 12, 30, 8, 30), severity: .info) == b(2022, 12, 30, 16, 0))
    }
}
