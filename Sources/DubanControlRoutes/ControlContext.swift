public import DubanControlAPI
public import DubanCore
public import DubanScheduler
public import DubanStore
public import DubanCalendar
public import DubanSupervision
import Foundation

/// What the control routes need from whoever serves them: the daemon in production, a test's own context over an
/// in-memory store, the fuzz target. The routes hold nothing else, so they run in process with no socket, no
/// scheduler loop and no plugins.
public protocol ControlContext: Sendable {
    /// The configuration in force (admin group, plan directory, locale).
    var configuration: DubanConfiguration { get }
    /// The daemon's clock (scaled in a rehearsal).
    var clock: any WallClock { get }
    /// The state store, through its protocol only.
    var store: any StateStore { get }
    /// Notices as they are delivered, for `GET /v1/events`.
    var events: EventBroadcaster { get }

    /// Returns once the store holds every occurrence of the plans in force (the first sync after start).
    func waitUntilStoreSynced() async throws
    /// This request's view: the plans in force, now, the scheduler's occurrences.
    func view() -> ControlView
    /// `GET /v1/status`.
    func statusBody() -> StatusBody
    /// `POST /v1/reload`: re-reads plans; `ok` false keeps the plans in force.
    func requestReload(reason: String) async -> ReloadBody
    /// `GET /v1/preview`: what the notices of `day` would be.
    func preview(_ day: CivilDate) async throws -> PreviewBody
    /// `GET /v1/plugins`.
    func pluginListing() async -> any Encodable & Sendable

    /// An occurrence was closed (done or waived): its reminders stop.
    func occurrenceClosed(_ id: String) async
    /// An occurrence is open again: its events not yet handled come back.
    func occurrenceReopened(_ id: String) async
    /// An occurrence started from an event appeared or moved (a start, an extension).
    func occurrenceRescheduled(_ record: OccurrenceRecord) async

    /// Tells the daemon a step of the supervision loop was taken (it journals the step) and the scheduler that it
    /// moved an occurrence: closed ones stop reminding,
    /// held ones (waiting for review, paused, moved by an extension) leave the plans' timeline, the others are
    /// back on it.
    func occurrenceStepped(_ record: OccurrenceRecord, step: SupervisionStep) async
}
