import DubanCalendar
import DubanCore
import DubanScheduler
import DubanStore
import DubanSupervision
import Foundation
import Logging
public import ServiceLifecycle
import Synchronization

extension DeliveryPipeline {
    /// Fires the reminder, due and overdue events of open occurrences started from an event (procedural limits)
    /// that are at or before now and not yet handled, through the same transaction and outbox as the schedule's
    /// events. Returns the next instant one falls due, or nil.
    func fireStartedOccurrences() async throws -> Date? {
        let timeline = try await startedTimeline(schedule: context.deliveryPlans.schedule)
        let now = clock.now
        let due = timeline.due(at: now)
        let handled = try await store.handledEventKeys(among: due.map(\.key))
        let fresh = due.filter { !handled.contains($0.key) }
        if !fresh.isEmpty { try await deliver(fresh) }
        let next = timeline.next(after: now)
        startedNext.withLock { $0 = next }
        return next
    }
}

extension DeliveryPipeline {
    /// The events of every open occurrence started from an event, from the store's records.
    func startedTimeline(schedule: Schedule) async throws -> StartedTimeline {
        // Started from events, and the plans' occurrences whose due date the supervision loop moved; not those
        // waiting for review or paused.
        let records = (try await store.startedOccurrences() + (try await store.movedOccurrences())).filter {
            $0.state == .open && $0.stage != .submitted && $0.stage != .paused
        }
        var items: [StartedTimeline.Item] = []
        for record in records {
            guard let task = schedule.taskIndex(plan: record.plan, task: record.task),
                let unit = schedule.directory.index(ofUnit: record.org),
                let eventDay = record.eventDay ?? record.loop?.assignedOn ?? record.planDue
            else { continue }
            items.append(
                StartedTimeline.Item(
                    id: record.id,
                    occurrence: Occurrence(
                        task: Int32(task),
                        org: Int32(unit),
                        period: 0,
                        part: 0,
                        startDay: Int32(eventDay.dayNumber),
                        nominalDueDay: Int32(record.due.dayNumber),
                        dueDay: Int32(record.due.dayNumber)
                    )
                )
            )
        }
        return StartedTimeline(
            items: items,
            schedule: schedule,
            configuration: configuration.schedulerConfiguration(firstFired: nil, now: clock.now)
        )
    }
}

/// Sleeps until the next event of an occurrence started from an event, fires it, and starts over; a start, an
/// extension, a change of state or a reload rings the pipeline's started bell
/// (``DeliveryPipeline/startedOccurrencesChanged()``) and cuts the sleep short.
public struct StartedOccurrencesService: Service {
    let pipeline: DeliveryPipeline

    public init(pipeline: DeliveryPipeline) {
        self.pipeline = pipeline
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            guard (try? await pipeline.context.waitUntilStoreSynced()) != nil else { return }
            while !Task.isCancelled {
                let next: Date
                pipeline.startedBell.clear()
                do {
                    next = try await pipeline.fireStartedOccurrences() ?? .distantFuture
                } catch {
                    if Task.isCancelled { return }
                    pipeline.logger.error(
                        "无法处理程序时限事项的提醒 / cannot fire events of started occurrences: \(error)"
                    )
                    next = pipeline.clock.now.addingTimeInterval(60)
                }
                await pipeline.startedBell.sleep(until: next, on: pipeline.clock)
            }
        }
    }
}
