import DubanCalendar
import DubanControlAPI
import DubanControlRoutes
import DubanDelivery
import DubanPluginHost
import DubanCore
import DubanScheduler
import DubanStore
import DubanSupervision
import Foundation
import Logging
import DubanSystemd

/// The daemon serves the control routes: they see it through ``ControlContext`` only.
extension Daemon: ControlContext {
    /// This request's view: the plans in force, now, and the scheduler's occurrences.
    public func view() -> ControlView {
        let (loaded, generation) = loadedGeneration
        return ControlView(
            schedule: loaded.schedule,
            missingYears: loaded.missingYears,
            now: clock.now,
            machine: currentLoop?.stateMachine,
            generation: generation,
            supervision: configuration.supervision,
            paceTolerance: configuration.notifications.behindPaceTolerance
        )
    }

    public func waitUntilStoreSynced() async throws {
        try await storeSynced.wait()
    }

    public func statusBody() -> StatusBody { status().body }

    public func requestReload(reason: String) async -> ReloadBody {
        await reload(reason: reason).body
    }

    public func pluginListing() async -> any Encodable & Sendable {
        PluginListing(plugins: await delivery.pluginStatistics())
    }

    public func preview(_ day: CivilDate) async throws -> PreviewBody {
        try await delivery.preview(day)
    }

    /// Tells the scheduler an occurrence was closed (done or waived): its reminders stop.
    public func occurrenceClosed(_ id: String) async {
        currentLoop?.closed(id: id)
        delivery.startedOccurrencesChanged()
        await refreshTally()
        await delivery.noticeCompleted(id)
    }

    /// Tells the scheduler an occurrence is open again: its events not yet handled come back.
    public func occurrenceReopened(_ id: String) async {
        guard let loop = currentLoop else { return }
        let handled = (try? await store.handledEventKeys()) ?? []
        loop.reopened(id: id, handled: handled)
        delivery.startedOccurrencesChanged()
        await refreshTally()
    }

    /// After a step of the supervision loop: closed → as ``occurrenceClosed(_:)``; held (waiting for review,
    /// paused, due date moved) → off the plans' timeline (the started timeline carries a moved one); otherwise
    /// back on it.
    public func occurrenceStepped(_ record: OccurrenceRecord, step: SupervisionStep) async {
        journal(step, of: record)
        await delivery.noticeStep(record, step: step)
        if record.state.isClosed {
            await occurrenceClosed(record.id)
            return
        }
        let held = record.stage == .submitted || record.stage == .paused || (record.dueShift > 0 && record.eventDay == nil)
        if held {
            currentLoop?.closed(id: record.id)
            delivery.startedOccurrencesChanged()
            await refreshTally()
        } else {
            await occurrenceReopened(record.id)
        }
    }

    /// One journal line per step of the loop, with its own MESSAGE_ID (docs/journal-events.md).
    func journal(_ step: SupervisionStep, of record: OccurrenceRecord) {
        guard let messageID = JournalMessageID.step(step.action) else { return }
        let schedule = loaded.schedule
        let title = schedule.taskIndex(plan: record.plan, task: record.task).map { schedule.tasks[$0].task.title }
            ?? record.task
        let orgName = schedule.directory.displayName(record.org)
        let name = SupervisionAction.all.first { $0.name == step.action }?.zh ?? step.action
        var fields: Logger.Metadata = [
            LogMetadataKey.by: .string(step.user), LogMetadataKey.step: .string(step.action),
            LogMetadataKey.stage: .string(step.to.rawValue), LogMetadataKey.plan: .string(record.plan),
            LogMetadataKey.task: .string(record.task), LogMetadataKey.title: .string(title),
            LogMetadataKey.org: .string(record.org), LogMetadataKey.orgName: .string(orgName),
            LogMetadataKey.occurrence: .string(record.id), LogMetadataKey.due: .string(step.due.description),
        ]
        if let evidence = step.evidence { fields[LogMetadataKey.evidence] = .string(evidence) }
        logger.notice(
            "督办:\(orgName)「\(title)」\(name)(\(step.user))→\(step.to.zh) / \(step.action) by \(step.user) → \(step.to.en)",
            metadata: messageID.metadata.merging(fields) { _, new in new }
        )
    }

    /// Re-plans after an occurrence started from an event appeared or moved (a start, an extension).
    public func occurrenceRescheduled(_ record: OccurrenceRecord) async {
        delivery.startedOccurrencesChanged()
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
