public import DubanCore
public import DubanNotify
public import DubanScheduler

/// The plans in force as delivery reads them: one consistent value, replaced whole on a good reload.
public struct DeliveryPlans: Sendable {
    public var schedule: Schedule
    /// The notification templates: built-in, with the admin's overrides.
    public var templates: NotificationTemplates

    public init(schedule: Schedule, templates: NotificationTemplates) {
        self.schedule = schedule
        self.templates = templates
    }
}

/// What the delivery pipeline reads back from the daemon that runs it: the plans in force, the scheduler loop, the
/// first store sync, and the status it keeps. Everything else (configuration, clock, store, logger, plugins) the
/// pipeline is given when it is made; its own state (the wake-ups, the next started event) it holds itself.
public protocol DeliveryContext: AnyObject, Sendable {
    /// The plans in force; read once per batch.
    var deliveryPlans: DeliveryPlans { get }
    /// The scheduler loop once running: how far it has delivered, and the closes and reopens of plugin checks.
    var currentLoop: SchedulerLoop? { get }
    /// Returns once the store holds every occurrence of the plans in force (the first sync after start); throws
    /// that sync's error when it failed.
    func waitUntilStoreSynced() async throws
    /// Re-reads the store's counts behind the status after a change of state, then publishes the status.
    func refreshTally() async
    /// Publishes the status (`STATUS=`) after events fired.
    func publishStatus()
    /// A notice was written to the journal (for `GET /v1/events`).
    func noticeJournalled(_ notice: EventNotice)
}
