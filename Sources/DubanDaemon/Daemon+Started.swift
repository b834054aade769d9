import DubanCalendar
import DubanCore
import DubanScheduler
import DubanStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

extension Daemon {
    /// Fires the reminder, due and overdue events of open occurrences started from an event (procedural limits)
    /// that are at or before now and not yet handled, through the same transaction and outbox as the schedule's
    /// events. Returns the next instant one falls due, or nil.
    func fireStartedOccurrences() async throws -> Date? {
        let timeline = try await startedTimeline(schedule: loaded.schedule)
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

extension Daemon {
    /// The events of every open occurrence started from an event, from the store's records.
    func startedTimeline(schedule: Schedule) async throws -> StartedTimeline {
        let records = try await store.startedOccurrences().filter { $0.state == .open }
        var items: [StartedTimeline.Item] = []
        for record in records {
            guard let task = schedule.taskIndex(plan: record.plan, task: record.task),
                let unit = schedule.directory.index(ofUnit: record.org), let eventDay = record.eventDay
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
        return StartedTimeline(items: items, schedule: schedule, configuration: schedulerConfiguration(firstFired: nil))
    }
}

/// Sleeps until the next event of an occurrence started from an event, fires it, and starts over; a start, an
/// extension, a change of state or a reload rings ``Daemon/startedBell`` and cuts the sleep short.
struct StartedOccurrencesService: Service {
    let daemon: Daemon

    func run() async throws {
        await cancelWhenGracefulShutdown {
            guard (try? await daemon.storeSynced.wait()) != nil else { return }
            while !Task.isCancelled {
                let next: Date
                daemon.startedBell.clear()
                do {
                    next = try await daemon.fireStartedOccurrences() ?? .distantFuture
                } catch {
                    if Task.isCancelled { return }
                    daemon.logger.error("无法处理程序时限事项的提醒 / cannot fire events of started occurrences: \(error)")
                    next = daemon.clock.now.addingTimeInterval(60)
                }
                await daemon.startedBell.sleep(until: next, on: daemon.clock)
            }
        }
    }
}
