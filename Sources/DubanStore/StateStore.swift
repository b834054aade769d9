public import DubanCalendar
public import DubanSupervision
public import Foundation

/// Everything duband remembers between runs: occurrence state, progress and readings, the events it has handled
/// with the notifications they caused, and the audit log.
///
/// Keyed by stable occurrence ids, so editing or reloading plan files never loses recorded work. Every method
/// that changes state runs in one transaction: it happens whole or not at all. Change methods are idempotent by
/// a client-supplied request id: a retry with the same id and the same request returns the first call's result
/// and changes nothing; the same id with a different request is refused with ``StoreError/Code/conflict``.
/// Arguments are validated before any state is touched.
///
/// The protocol names no database types, so a PostgreSQL backend can implement it beside
/// ``SQLiteStateStore``. Errors are ``StoreError``s. See docs/state-store.md for the schema and guarantees.
public protocol StateStore: Sendable {
    // MARK: Occurrences

    /// Makes the stored occurrences match the current expansion, in one transaction.
    ///
    /// Known ids keep their recorded state (their plan, task, org and due date are updated); new ids are stored
    /// as open; ids no longer present are archived, never deleted; archived ids that reappear are un-archived
    /// with their state intact.
    /// - Throws: ``StoreError/Code/invalidArgument`` when two rows share an id.
    @discardableResult
    func sync(_ rows: [OccurrenceRow]) async throws -> SyncReport

    /// Records an occurrence's state: done (办结), waived, or open again (reopen): an admin's direct change,
    /// written as a step of the loop too (closed, waived, in progress). A compare-and-set on the summary state:
    /// done and waive apply to an open occurrence, reopen to a done or waived one.
    /// - Returns: The occurrence after the change (on a retry, as it was after the first call).
    /// - Throws: ``StoreError/Code/notFound`` for an unknown id, ``StoreError/Code/stageChanged`` when it is not
    ///   in a state the change applies to, ``StoreError/Code/conflict`` for an archived occurrence or a reused
    ///   request id, ``StoreError/Code/invalidArgument`` for an empty request id or an oversized note.
    func setState(
        id: String,
        to state: OccurrenceState,
        actor: Principal,
        note: String?,
        evidence: String?,
        requestID: String
    ) async throws -> OccurrenceRecord

    /// Adds progress to a quota occurrence (`+30` on a day).
    /// - Parameter amount: Greater than 0 and at most ``RecordLimits/maximumAmount``.
    /// - Returns: The entry recorded (on a retry, the first call's entry).
    func addProgress(
        occurrenceID: String,
        amount: Double,
        on date: CivilDate,
        note: String?,
        actor: Principal,
        requestID: String
    ) async throws -> ProgressEntry

    /// Records a measured value of a target's indicator for one unit.
    /// - Throws: ``StoreError/Code/notFound`` when no stored occurrence has that plan, task and org.
    func addReading(
        taskKey: TaskKey,
        value: Double,
        on date: CivilDate,
        note: String?,
        actor: Principal,
        requestID: String
    ) async throws -> MetricReading

    /// The occurrence with `id`, or nil when the store has never seen it.
    func state(of id: String) async throws -> OccurrenceRecord?

    /// Ids of every occurrence that is done or waived (archived ones included).
    func closedOccurrenceIDs() async throws -> Set<String>

    /// The progress recorded for an occurrence: the sum and the entries, oldest first.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown id.
    func progress(of occurrenceID: String) async throws -> OccurrenceProgress

    /// The total progress recorded of each of `occurrenceIDs` that has any (at most ``SQLiteStateStore/maximumLimit``
    /// ids a call): for lights in lists, one query for a page.
    func progressTotals(of occurrenceIDs: [String]) async throws -> [String: Double]

    /// The readings of one task for one unit, by day then recording order.
    func readings(taskKey: TaskKey) async throws -> [MetricReading]

    /// Open, not archived occurrences due in `dueFrom...through`, ordered by due date then id, the first `limit`.
    func openMilestones(dueFrom: CivilDate, through: CivilDate, limit: Int) async throws -> [OccurrenceRecord]

    /// Open or closed occurrences matching `filter`, by due date then id, one page, with the total count.
    func occurrences(matching filter: OccurrenceFilter) async throws -> OccurrencePage

    /// Records a procedural occurrence started by an event (e.g. a disclosure request received on `eventDay`).
    /// It belongs to no plan expansion, so ``sync(_:)`` keeps it while its plan exists.
    /// - Throws: ``StoreError/Code/conflict`` when the id exists (the event was recorded under another request id).
    func startProcedure(
        _ row: OccurrenceRow,
        eventDay: CivilDate,
        note: String?,
        actor: Principal,
        requestID: String
    ) async throws -> OccurrenceRecord

    /// Extends (延期) an open occurrence started from an event by `workingDays`; extensions may total at most
    /// `allowed`. `newDue` moves a due date by working days (the store knows no calendar).
    func extend(
        id: String,
        workingDays: Int,
        allowed: Int,
        reason: String,
        actor: Principal,
        requestID: String,
        newDue: @escaping @Sendable (CivilDate, Int) -> CivilDate
    ) async throws -> OccurrenceRecord

    /// Per plan and task: occurrences (not archived), open ones, open ones due on or before `overdueThrough`, and
    /// the earliest open due date on or after `openFrom`; only units in `orgs` when given.
    func taskCounts(orgs: [String]?, overdueThrough: CivilDate, openFrom: CivilDate) async throws -> [TaskCounts]

    /// Live occurrences counted and the open ones by due day, for the daemon's status.
    func openTally() async throws -> OpenTally

    /// Occurrences started from events that are not archived, by due date.
    func startedOccurrences() async throws -> [OccurrenceRecord]

    // MARK: The supervision loop

    /// Takes one step of the supervision loop (签收, 进展反馈, 延期申请 …) on an occurrence, in one transaction: a
    /// compare-and-set on the stage the asker saw (`step.expected`), then `transition` (the loop's pure function,
    /// given the occurrence as stored and the civil day of the store's clock in its zone) gives the next record;
    /// the occurrence's stage, summary state, loop record and due date are written with the step (the ledger's
    /// row) and the audit line. Idempotent by `requestID`.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown id; ``StoreError/Code/stageChanged`` when the stage is
    ///   not `step.expected` or the loop refuses the step there; ``StoreError/Code/invalidArgument`` when the
    ///   loop's rules refuse it; ``StoreError/Code/conflict`` for an archived occurrence or a reused request id.
    func supervise(
        id: String,
        step: SupervisionStepRequest,
        actor: Principal,
        requestID: String,
        transition: @escaping @Sendable (OccurrenceRecord, CivilDate) throws(SupervisionError) -> SupervisionRecord
    ) async throws -> SupervisionOutcome

    /// The steps taken on each of `occurrenceIDs` (the ledger's rows), oldest first; ids without steps are left out.
    func steps(of occurrenceIDs: [String]) async throws -> [String: [SupervisionStep]]

    /// Open occurrences the plans' timeline must not remind of: waiting for review, paused, or (of the plans)
    /// with a due date the loop moved, whose events ``movedOccurrences()`` carries instead.
    func heldOccurrenceIDs() async throws -> Set<String>

    /// Open occurrences of the plans (not started from events) whose due date the loop moved, by due date.
    func movedOccurrences() async throws -> [OccurrenceRecord]

    // MARK: Events and outbox

    /// Records fired events as handled together with the notifications they cause, in one transaction.
    ///
    /// Events whose key is already recorded are ignored, and so are their outbox entries and waiting notices
    /// (`dispatches`: one per event, notifier channel and receiver, kept until their digest is recorded).
    /// - Returns: The events newly recorded by this call, in the order given.
    /// - Throws: ``StoreError/Code/invalidArgument`` when an outbox entry or notice names an event not in `events`;
    ///   on any error nothing is recorded.
    @discardableResult
    func recordFired(_ events: [FiredEvent], outbox: [OutboxEntry], dispatches: [DispatchEntry]) async throws
        -> [FiredEvent]

    /// The keys of every event recorded as handled.
    func handledEventKeys() async throws -> Set<String>

    /// When the first event ever recorded was fired (the first start's catch-up began a day before it), or nil.
    func firstFiredAt() async throws -> Date?

    /// Which of `keys` are recorded as handled.
    func handledEventKeys(among keys: [String]) async throws -> Set<String>

    /// The earliest scheduled instant of the events of `kind` recorded, or nil when there is none.
    func firstScheduledAt(kind: String) async throws -> Date?

    /// Undelivered notifications for `channel` whose next attempt is due at `now`, oldest first.
    func pendingOutbox(channel: String, now: Date, limit: Int) async throws -> [OutboxRecord]

    /// Notifications newest first (by outbox id), with their events: every one, pending, failed or delivered,
    /// on one channel or all, older than outbox id `before`.
    func notifications(
        _ filter: NotificationRecord.Filter,
        channel: String?,
        limit: Int,
        before: Int64?
    ) async throws -> [NotificationRecord]

    /// Marks notifications as delivered; ids already delivered are left as they are.
    func markDelivered(ids: [Int64]) async throws

    /// Records a failed delivery: one more attempt, the error, and when to try again.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown id, ``StoreError/Code/conflict`` once delivered.
    func markFailed(id: Int64, error: String, retryAt: Date) async throws

    // MARK: 督办单

    /// Issues the 督办单 of the ladder event `eventKey` on `occurrenceID` (of unit `org`): the next number of
    /// `prefix` in the year of `issuedOn` (``SupervisionNoticeNumber/next(after:prefix:issuedOn:)``, no gap), and
    /// the document `make` renders with it, kept for good. Idempotent by `eventKey`: a second call returns what
    /// the first issued, so a crash between issuing and delivering neither skips nor repeats a number.
    func issueSupervisionNotice(
        eventKey: String, occurrenceID: String, org: String, prefix: String, issuedOn: CivilDate,
        make: @escaping @Sendable (SupervisionNoticeNumber) -> SupervisionNoticeDocument
    ) async throws -> IssuedSupervisionNotice

    /// The 督办单 issued, newest first: of one occurrence, or of the units in `orgs`, or all; at most `limit`.
    func supervisionNotices(occurrenceID: String?, orgs: Set<String>?, limit: Int) async throws
        -> [IssuedSupervisionNotice]

    /// The 督办单 with `number` (临教督〔2026〕12号), if issued.
    func supervisionNotice(number: String) async throws -> IssuedSupervisionNotice?

    // MARK: Waiting notices and digests

    /// Notices waiting for a digest whose time has come (`send_at <= now`), by channel, receiver, time and id.
    func dueDispatches(now: Date, limit: Int) async throws -> [DispatchRecord]

    /// Notices still waiting for their digest, newest first, with an id below `before` (paging), optionally of one
    /// channel.
    func waitingDispatches(channel: String?, limit: Int, before: Int64?) async throws -> [DispatchRecord]

    /// The notices a digest carried.
    func dispatches(inDigest key: String) async throws -> [DispatchRecord]

    /// When the next waiting notice is due, if any.
    func nextDispatchAt() async throws -> Date?

    /// Sets waiting notices aside that cannot be sent (an unreadable row), marking them with `reason` in place of a
    /// digest key, so they neither block nor repeat.
    func setDispatchesAside(ids: [Int64], reason: String) async throws

    /// Records digests in one transaction: each as an event of kind `digest` with its outbox entry, and the notices
    /// it carries marked with its key. A notice already carried by another digest is left out of this one; a
    /// digest left with no notice is not recorded.
    /// - Returns: The keys recorded.
    @discardableResult
    func recordDigests(_ digests: [DigestEntry]) async throws -> [String]

    // MARK: Change notification

    /// A value that differs after any change committed to the store, by this process or another: caches of
    /// answers computed from the store (page totals, a rendered page) are valid while it stays the same. Cheap to
    /// read.
    func changeVersion() async throws -> StoreVersion

    // MARK: Audit and backup

    /// Appends a line to the audit log (for changes outside this protocol, such as a reload).
    /// - Returns: The id of the new line.
    @discardableResult
    func appendAudit(_ entry: AuditEntry) async throws -> Int64

    /// The newest audit lines first, at most `limit`, older than id `before` when given (to page back).
    func auditLog(limit: Int, before: Int64?) async throws -> [AuditRecord]

    /// The newest audit lines about `target` (an occurrence id, a task key), at most `limit`.
    func auditLog(target: String, limit: Int) async throws -> [AuditRecord]

    /// Writes a consistent copy of the whole store to a new file at `path`, while other calls go on.
    /// - Throws: ``StoreError/Code/alreadyExists`` when `path` exists.
    func backup(to path: String) async throws
}

/// What ``StateStore/changeVersion()`` returns: equal values mean no change was committed in between.
public struct StoreVersion: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { value }
}

extension StateStore {
    /// ``dueDispatches(now:limit:)`` with the default page of 10,000.
    public func dueDispatches(now: Date) async throws -> [DispatchRecord] {
        try await dueDispatches(now: now, limit: 10_000)
    }

    /// ``recordFired(_:outbox:dispatches:)`` without waiting notices.
    @discardableResult
    public func recordFired(_ events: [FiredEvent], outbox: [OutboxEntry]) async throws -> [FiredEvent] {
        try await recordFired(events, outbox: outbox, dispatches: [])
    }
}
