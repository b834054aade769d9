import DubanCalendar
import DubanControlAPI
import DubanCore
import DubanScheduler
import DubanStore
import Foundation

/// The version duband reports (`--version`, `/v1/health`, the ready log line, the plugin handshake) and the one
/// the Debian package takes: `make deb` reads it from this line.
enum DubanVersion {
    static let current = "0.1.0"
}

extension Daemon {
    /// This request's view: the plans in force, now, and the scheduler's occurrences.
    func view() -> ControlView {
        ControlView(loaded: loaded, now: clock.now, machine: currentLoop?.stateMachine)
    }

    /// Tells the scheduler an occurrence was closed (done or waived): its reminders stop.
    func occurrenceClosed(_ id: String) async {
        currentLoop?.closed(id: id)
        startedBell.ring()
        await refreshTally()
        await noticeCompleted(id)
    }

    /// Tells the scheduler an occurrence is open again: its events not yet handled come back.
    func occurrenceReopened(_ id: String) async {
        guard let loop = currentLoop else { return }
        let handled = (try? await store.handledEventKeys()) ?? []
        loop.reopened(id: id, handled: handled)
        startedBell.ring()
        await refreshTally()
    }

    /// Re-plans after an occurrence started from an event appeared or moved (a start, an extension).
    func occurrenceRescheduled(_ record: OccurrenceRecord) async {
        startedBell.ring()
        await refreshTally()
    }
}

extension DaemonStatus {
    /// The API body of the status.
    var body: StatusBody {
        StatusBody(
            plans: plans,
            tasks: tasks,
            occurrences: occurrences,
            open: open,
            overdue: overdue,
            next: next,
            now: now,
            clock: clock,
            scaledClock: scaledClock,
            missingCalendarYears: missingCalendarYears,
            lastReload: lastReload?.body
        )
    }
}

extension ReloadResult {
    var body: ReloadBody { ReloadBody(ok: ok, at: at, errors: errors) }
}

extension EventNotice {
    /// The SSE body of a notice.
    var body: EventBody {
        EventBody(
            key: key,
            kind: kind,
            occurrence: occurrence,
            plan: plan,
            task: task,
            title: title,
            org: org,
            orgName: orgName,
            due: due.description,
            dueAt: dueAt,
            days: days,
            messageZh: message.zh,
            messageEn: message.en
        )
    }
}
