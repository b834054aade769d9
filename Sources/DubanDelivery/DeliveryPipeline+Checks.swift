import DubanCalendar
import DubanCore
import DubanPluginHost
import DubanPluginProtocol
import DubanScheduler
import DubanStore
import DubanSystemd
import Foundation
import Logging
import Synchronization

extension DeliveryPipeline {
    /// The actor a plugin's changes are recorded under: uid 4294967295 ((uid_t)-1, no user) and `plugin:NAME`.
    static func principal(ofPlugin name: String) -> Principal {
        Principal(uid: UInt32.max, user: "plugin:\(name)")
    }

    /// Runs one checker over every task it checks, for each unit's current occurrence (the first due today or
    /// later), and records what it found through the store, audited as the plugin. Request ids are derived from
    /// the plugin, occurrence, day and slot, so running the same check again changes nothing.
    func runCheck(_ checker: PluginSupervisor, slot: PluginScheduleSlot, at instant: Date) async {
        // Results write occurrence rows: wait for the first store sync (it runs after READY).
        guard (try? await context.waitUntilStoreSynced()) != nil else { return }
        let manifest = checker.manifest
        let schedule = context.deliveryPlans.schedule
        let today = schedule.settings.civilDate(of: instant)
        let actor = DeliveryPipeline.principal(ofPlugin: manifest.name)
        for (index, scheduled) in schedule.tasks.enumerated() {
            let plan = schedule.plans[scheduled.plan]
            guard manifest.checks(plan: plan.id, task: scheduled.task.id) else { continue }
            var current: [Int32: Occurrence] = [:]
            for occurrence in schedule.occurrences(ofTask: index, from: today, through: today.adding(days: 400))
            where occurrence.due >= today && current[occurrence.org] == nil {
                current[occurrence.org] = occurrence
            }
            guard !current.isEmpty else { continue }
            var occurrences: [CheckOccurrence] = []
            var byID: [String: Occurrence] = [:]
            for occurrence in current.values.sorted(by: { schedule.id(of: $0) < schedule.id(of: $1) }) {
                let id = schedule.id(of: occurrence)
                let unit = schedule.unit(of: occurrence)
                let state = try? await store.state(of: id)
                occurrences.append(
                    CheckOccurrence(
                        id: id,
                        org: unit.id,
                        orgName: unit.name,
                        period: schedule.periodKey(of: occurrence),
                        due: occurrence.due.description,
                        state: state.map { "\($0.state)" }
                    )
                )
                byID[id] = occurrence
            }
            let target = scheduled.task.target.flatMap {
                try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode($0))
            }
            let params = CheckParams(
                task: CheckTask(
                    plan: plan.id,
                    id: scheduled.task.id,
                    title: scheduled.task.title,
                    kind: scheduled.task.kind.rawValue,
                    target: target
                ),
                occurrences: occurrences,
                settings: manifest.settings
            )
            guard let result = try? await checker.check(params) else { continue }  // the host logged the failure
            for outcome in result.results {
                guard let occurrence = byID[outcome.occurrence] else { continue }
                let base = "plugin:\(manifest.name)/check/\(outcome.occurrence)/\(today)/\(slot.minuteOfDay)"
                await applyCheck(
                    outcome,
                    occurrence: occurrence,
                    schedule: schedule,
                    today: today,
                    actor: actor,
                    requestID: base
                )
            }
        }
    }

    /// Records one outcome: state, progress, reading. A retried check (same request id) is a no-op; a second run
    /// whose evidence differs is refused by the store as a reused id and ignored here.
    private func applyCheck(
        _ outcome: CheckOutcome,
        occurrence: Occurrence,
        schedule: Schedule,
        today: CivilDate,
        actor: Principal,
        requestID: String
    ) async {
        let id = outcome.occurrence
        let pluginName = String(actor.user.dropFirst("plugin:".count))
        let metadata: Logger.Metadata = [
            LogMetadataKey.plugin: .string(pluginName), LogMetadataKey.occurrence: .string(id),
        ]
        do {
            if let state = outcome.state {
                let recorded = try await store.state(of: id)
                let wanted: OccurrenceState = state == .done ? .done : .open
                if recorded?.state != wanted, !(wanted == .open && recorded?.state == .waived) {
                    _ = try await store.setState(
                        id: id,
                        to: wanted,
                        actor: actor,
                        note: "插件检查 / checked by plugin \(pluginName)",
                        evidence: outcome.evidence,
                        requestID: requestID + "/state"
                    )
                    if wanted == .done {
                        context.currentLoop?.closed(id: id)
                        await noticeCompleted(id)
                        let summary = schedule.summary(of: occurrence)
                        logger.notice(
                            "已办结 / done: \(summary.title)(\(summary.orgName)), 插件 \(pluginName) 检查确认 / confirmed by plugin",
                            metadata: JournalMessageID.completed.metadata.merging([
                                LogMetadataKey.by: .string(actor.user), LogMetadataKey.plan: .string(summary.plan),
                                LogMetadataKey.task: .string(summary.task), LogMetadataKey.org: .string(summary.org),
                                LogMetadataKey.title: .string(summary.title),
                                LogMetadataKey.orgName: .string(summary.orgName),
                                LogMetadataKey.occurrence: .string(id),
                            ]) { _, new in new }
                        )
                    } else {
                        let handled = try await store.handledEventKeys()
                        context.currentLoop?.reopened(id: id, handled: handled)
                    }
                }
            }
            if let progress = outcome.progress {
                _ = try await store.addProgress(
                    occurrenceID: id,
                    amount: progress,
                    on: today,
                    note: outcome.evidence,
                    actor: actor,
                    requestID: requestID + "/progress"
                )
            }
            if let reading = outcome.reading {
                let summary = schedule.summary(of: occurrence)
                _ = try await store.addReading(
                    taskKey: TaskKey(plan: summary.plan, task: summary.task, org: summary.org),
                    value: reading,
                    on: today,
                    note: outcome.evidence,
                    actor: actor,
                    requestID: requestID + "/reading"
                )
            }
        } catch let error as StoreError where error.code == .conflict {
            logger.debug("检查结果已记录 / check result already recorded: \(error)", metadata: metadata)
        } catch {
            logger.error("无法记录插件检查结果 / cannot record a check result: \(error)", metadata: metadata)
        }
        await context.refreshTally()
    }
}
