import DubanControlRoutes
import DubanDelivery

/// The daemon is what the delivery pipeline reads back from: the plans in force, the scheduler loop, the first
/// store sync (``waitUntilStoreSynced()``, shared with ``ControlContext``), the status.
extension Daemon: DeliveryContext {
    public var deliveryPlans: DeliveryPlans {
        let loaded = self.loaded
        return DeliveryPlans(schedule: loaded.schedule, templates: loaded.templates)
    }

    /// Subscribers of `GET /v1/events` hear of every notice written to the journal.
    public func noticeJournalled(_ notice: EventNotice) {
        events.publish(notice.body)
    }
}
