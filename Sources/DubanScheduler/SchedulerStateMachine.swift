public import DubanCalendar
public import DubanCore
public import Foundation

/// The scheduler's logic as a value: events in, actions out, no clock, no I/O.
///
/// It owns the timeline of pending events (reminders, due, overdue repeats) of a `Schedule`'s occurrences, built
/// lazily: occurrences are expanded and their events pushed onto a min-heap `horizonDays` at a time, and the next
/// stretch is built when the heap runs dry. Its `mutating` events return an `Action` that a thin async shell
/// (`SchedulerLoop`) carries out, following hummingbird's `HTTPConnectionStateHandler.StateMachine`.
///
/// ## Event rules
/// For each occurrence that is open (not closed), at office start (`SiteSettings.officeStart`, 08:30) in the
/// site's zone:
/// - `reminder(leadWorkingDays: n)` on `calendar.adding(workingDays: -n, to: due)`, for each of the task's lead
///   times;
/// - `due` on the due date;
/// - `overdue(k)` on `calendar.adding(workingDays: k × overdueEvery, to: due)`, k = 1 … `overdueRepeats`.
///
/// Events on days before the occurrence's window start (`Occurrence.start`) are dropped: no reminder before the
/// work exists. Each event has a stable key, `<occurrence id>#reminder-10`, `#due`, `#overdue-1`.
///
/// ## Firing, exactly once
/// `wake(now:)` fires every event whose instant is at or before `now`, whose occurrence is open and whose key is
/// not handled, in (instant, occurrence, kind) order and in batches of at most `maximumBatch`. A batch stays in
/// flight until `delivered(now:)` (it is done; the caller has recorded the keys as handled) or
/// `deliveryFailed(now:)` (it goes back on the timeline and fires again after a back-off). Only one batch is in
/// flight at a time. Within one machine an event leaves the timeline only by firing or by its occurrence being
/// closed, and identical copies of an entry (a reopen while the original is still queued) are popped together, so
/// nothing fires twice. Across restarts and reloads, `start` and `replace` take the handled keys from the store:
/// every event at or before `now` that is not handled fires once (catch-up, like systemd's `Persistent=true`).
///
/// ## Costs
/// `closed` is a bit flip and `reopened` pushes at most a handful of entries: O(log n) and independent of the
/// number of occurrences (entries of closed occurrences are dropped lazily when they reach the top). The heap
/// holds the events of at most `horizonDays` (16 bytes each); occurrences are held as expanded (28 bytes each).
public struct SchedulerStateMachine: Sendable {
    /// What the shell should do next.
    public enum Action: Hashable, Sendable {
        /// Hand these events to `deliver`, then report `delivered(now:)` or `deliveryFailed(now:)`.
        case fire([DueEvent])
        /// Sleep until this instant (or a change), then call `wake(now:)`.
        case sleep(until: Date)
        /// Nothing is scheduled: wait for a change.
        case idle
    }

    /// Sizes, for status lines and benchmarks.
    public struct Statistics: Hashable, Sendable {
        /// Occurrences expanded so far.
        public var occurrences: Int
        /// Bytes reserved for them.
        public var occurrenceBytes: Int
        /// Entries on the timeline (including entries of closed occurrences not yet dropped).
        public var timelineEntries: Int
        /// Bytes reserved for the timeline.
        public var timelineBytes: Int
        /// Bytes of the closed-occurrence bit set.
        public var closedBytes: Int
        /// The last day whose events are on the timeline.
        public var builtThrough: CivilDate
    }

    /// The batch in flight.
    private enum InFlight: Sendable {
        /// Entries of the current schedule.
        case current([TimelineEntry])
        /// Keys of a batch fired under a schedule since replaced.
        case carried(Set<String>)
    }

    /// The configuration in force.
    public let configuration: SchedulerConfiguration
    /// The schedule whose occurrences are scheduled.
    public private(set) var schedule: Schedule

    // Occurrences: expanded lazily, sorted by (due, task, period, part, org); indices are stable per schedule.
    private var occurrences: [Occurrence] = []
    private var expandedThrough: Int
    private var closedBits: [UInt64] = []
    /// Closed occurrences not expanded yet: period keys by task and unit.
    private var pendingClosed: [TaskUnit: Set<String>] = [:]

    // Per schedule.
    private var leadTimes: [[UInt16]] = []
    private var maximumLead = 0
    private var firstEventDay = 0
    /// The last day any event can fall on; nil when some task has no end.
    private var lastEventDay: Int?
    private var hasEvents = false

    // The timeline.
    private var timeline = Timeline()
    /// Every event on a day up to this one (and after `floor`) has been pushed.
    private var builtThrough = 0
    /// Events at or before this instant are never pushed (the catch-up window).
    private var floor = Int64.min
    private var handled: Set<String> = []
    private var inFlight: InFlight?
    private var retryNotBefore: Int64?
    private var nextRetryDelay: TimeInterval
    private var started = false
    private var instantCache: [Int: Int64] = [:]

    /// The earliest day expansion starts from.
    private static let expansionStart = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
    /// A roll moves a due date at most this far past its nominal date.
    private static let rollAllowance = 40
    /// The most horizon extensions one call makes while looking for the next event.
    private static let extensionsPerCall = 64

    /// A machine for `schedule`; call `start(now:handled:closed:)` before anything else that changes it.
    public init(schedule: Schedule, configuration: SchedulerConfiguration = .init()) {
        self.configuration = configuration
        self.schedule = schedule
        self.expandedThrough = SchedulerStateMachine.expansionStart - 1
        self.nextRetryDelay = configuration.retryDelay
        prepare()
    }

    // MARK: - Events

    /// Starts the timeline at `now` and fires what was missed.
    /// - Parameters:
    ///   - now: The current wall time.
    ///   - handled: Keys of events already handled (from the store); none of them fires.
    ///   - closed: Ids of closed occurrences (done or waived); their events do not fire.
    /// - Returns: `.fire` with the first catch-up batch, or what to wait for.
    public mutating func start(now: Date, handled: Set<String>, closed: Set<String> = []) -> Action {
        precondition(!started, "start(now:handled:closed:) is called once; use replace(…) to reload")
        started = true
        self.handled = handled
        addPendingClosed(closed)
        beginTimeline(now: now)
        return wake(now: now)
    }

    /// The clock reached `now`: fires every open, unhandled event at or before it (one batch at a time).
    /// - Returns: `.fire` with a batch, `.sleep(until:)` the next event, or `.idle`.
    public mutating func wake(now: Date) -> Action {
        precondition(started, "wake(now:) before start(now:handled:closed:)")
        precondition(inFlight == nil, "wake(now:) while a batch is in flight")
        let t = SchedulerStateMachine.seconds(now)
        if let retry = retryNotBefore {
            if t < retry { return .sleep(until: SchedulerStateMachine.date(retry)) }
            retryNotBefore = nil
        }
        var batch: [TimelineEntry] = []
        var events: [DueEvent] = []
        // Once a batch has events, the timeline is not extended (that can take a while with a million occurrences)
        // until the batch is delivered: the extension happens on the way to the next sleep, not before a delivery.
        while events.count < configuration.maximumBatch, let top = nextOpenEntry(extending: events.isEmpty),
            top.instant <= t
        {
            timeline.pop()
            while timeline.first == top { timeline.pop() }
            let event = makeEvent(top)
            if handled.contains(event.key) { continue }
            batch.append(top)
            events.append(event)
        }
        if events.isEmpty { return plan() }
        inFlight = .current(batch)
        return .fire(events)
    }

    /// The batch in flight was delivered and recorded as handled: continues with the next batch or the next wait.
    public mutating func delivered(now: Date) -> Action {
        guard let batch = inFlight else { preconditionFailure("delivered(now:) with no batch in flight") }
        if case .carried(let keys) = batch { handled.formUnion(keys) }
        inFlight = nil
        nextRetryDelay = configuration.retryDelay
        return wake(now: now)
    }

    /// Delivering the batch in flight failed: its events stay unhandled and fire again after a back-off
    /// (`retryDelay`, doubled after each further failure up to `maximumRetryDelay`).
    /// - Returns: `.sleep(until:)` the retry.
    public mutating func deliveryFailed(now: Date) -> Action {
        guard let batch = inFlight else { preconditionFailure("deliveryFailed(now:) with no batch in flight") }
        if case .current(let entries) = batch {
            for entry in entries { timeline.push(entry) }
        }
        // A carried batch needs nothing: the replacing timeline holds its events (they were not handled).
        inFlight = nil
        let retry = SchedulerStateMachine.seconds(now) + Int64(nextRetryDelay.rounded(.up))
        nextRetryDelay = min(nextRetryDelay * 2, configuration.maximumRetryDelay)
        retryNotBefore = retry
        return .sleep(until: SchedulerStateMachine.date(retry))
    }

    /// The occurrence at `index` was closed (done or waived): its pending events will not fire.
    /// - Returns: The wait that follows (never `.fire`). O(log n): the entries are dropped when they come up.
    public mutating func closed(occurrenceIndex index: Int) -> Action {
        precondition(occurrences.indices.contains(index), "no occurrence \(index)")
        closedBits[index >> 6] |= 1 << UInt64(index & 63)
        return started ? plan() : .idle
    }

    /// The occurrence at `index` was reopened: its events fire again, those already past at once.
    /// - Parameters:
    ///   - index: The occurrence.
    ///   - handled: Keys of this occurrence's events already handled (from the store, read under the same lock
    ///     that `deliver` records under): every other event of it at or before `now` fires at the next wake.
    /// - Returns: The wait that follows (never `.fire`).
    public mutating func reopened(occurrenceIndex index: Int, handled: Set<String>) -> Action {
        precondition(occurrences.indices.contains(index), "no occurrence \(index)")
        guard isClosed(occurrenceIndex: index) else { return started ? plan() : .idle }
        closedBits[index >> 6] &= ~(1 << UInt64(index & 63))
        guard started else { return .idle }
        var inFlightEntries: Set<TimelineEntry> = []
        if case .current(let entries) = inFlight { inFlightEntries = Set(entries) }
        let id = schedule.id(of: occurrences[index])
        for entry in entries(ofOccurrenceAt: index, days: Int.min...builtThrough)
        where entry.instant > floor && !inFlightEntries.contains(entry)
            && !handled.contains(id + "#" + entry.eventKind.keySuffix)
        {
            timeline.push(entry)
        }
        return plan()
    }

    /// Closes the occurrence with this id, whether or not it has been expanded yet.
    public mutating func closed(id: String) -> Action {
        guard let (task, unit, period) = parse(id) else { return started ? plan() : .idle }
        if let index = index(task: task, unit: unit, period: period) { return closed(occurrenceIndex: index) }
        pendingClosed[TaskUnit(task: task, unit: unit), default: []].insert(String(period))
        return started ? plan() : .idle
    }

    /// Reopens the occurrence with this id, whether or not it has been expanded yet; see
    /// `reopened(occurrenceIndex:handled:)`.
    public mutating func reopened(id: String, handled: Set<String>) -> Action {
        guard let (task, unit, period) = parse(id) else { return started ? plan() : .idle }
        if let index = index(task: task, unit: unit, period: period) {
            return reopened(occurrenceIndex: index, handled: handled)
        }
        let key = TaskUnit(task: task, unit: unit)
        pendingClosed[key]?.remove(String(period))
        if pendingClosed[key]?.isEmpty == true { pendingClosed[key] = nil }
        return started ? plan() : .idle
    }

    /// Replaces the schedule (a reload) and rebuilds the timeline from the handled keys, as a start would.
    ///
    /// A batch in flight stays in flight: if it is then delivered its keys count as handled, and if it fails its
    /// events fire from the new timeline.
    /// - Parameters:
    ///   - schedule: The new schedule.
    ///   - handled: Keys of events already handled (from the store).
    ///   - closed: Ids of closed occurrences.
    ///   - now: The current wall time.
    /// - Returns: The wait that follows (never `.fire`; a wait at or before `now` means "wake now").
    public mutating func replace(schedule: Schedule, handled: Set<String>, closed: Set<String>, now: Date) -> Action {
        var carried: Set<String> = []
        switch inFlight {
        case .current(let entries): carried = Set(entries.map { makeEvent($0).key })
        case .carried(let keys): carried = keys
        case nil: break
        }
        self.schedule = schedule
        occurrences = []
        closedBits = []
        expandedThrough = SchedulerStateMachine.expansionStart - 1
        pendingClosed = [:]
        instantCache = [:]
        prepare()
        self.handled = handled
        inFlight = inFlight == nil ? nil : .carried(carried)
        addPendingClosed(closed)
        started = true
        beginTimeline(now: now)
        return plan()
    }

    // MARK: - Queries

    /// Sizes of what the machine holds.
    public var statistics: Statistics {
        Statistics(
            occurrences: occurrences.count,
            occurrenceBytes: occurrences.capacity * MemoryLayout<Occurrence>.stride,
            timelineEntries: timeline.count,
            timelineBytes: timeline.reservedBytes,
            closedBytes: closedBits.capacity * MemoryLayout<UInt64>.stride,
            builtThrough: CivilDate(dayNumber: builtThrough)
        )
    }

    /// The number of occurrences expanded so far (indices below it are valid).
    public var expandedCount: Int { occurrences.count }

    /// The occurrence at `index`.
    public func occurrence(at index: Int) -> Occurrence { occurrences[index] }

    /// True when the occurrence at `index` is closed.
    public func isClosed(occurrenceIndex index: Int) -> Bool {
        closedBits[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// The index of an expanded occurrence (binary search), or nil.
    public func index(of occurrence: Occurrence) -> Int? {
        var low = 0
        var high = occurrences.count
        while low < high {
            let mid = (low + high) / 2
            if SchedulerStateMachine.precedes(occurrences[mid], occurrence) { low = mid + 1 } else { high = mid }
        }
        return low < occurrences.count && occurrences[low] == occurrence ? low : nil
    }

    /// The index of the expanded occurrence with stable id `<plan>/<task>/<unit>/<period>`, or nil when there is
    /// none (yet). Costs one task's expansion.
    public func index(ofID id: String) -> Int? {
        guard let (task, unit, period) = parse(id) else { return nil }
        return index(task: task, unit: unit, period: period)
    }

    /// The index of the expanded occurrence of `task` for `unit` whose period key is `period`.
    private func index(task: Int32, unit: Int32, period: Substring) -> Int? {
        guard expandedThrough >= SchedulerStateMachine.expansionStart else { return nil }
        let candidates = schedule.occurrences(
            ofTask: Int(task),
            from: CivilDate(dayNumber: SchedulerStateMachine.expansionStart),
            through: CivilDate(dayNumber: expandedThrough)
        )
        for candidate in candidates where candidate.org == unit && schedule.periodKey(of: candidate) == period {
            return index(of: candidate)
        }
        return nil
    }

    /// Splits a stable id `<plan>/<task>/<unit>/<period>` into task index, unit index and period key.
    private func parse(_ id: String) -> (task: Int32, unit: Int32, period: Substring)? {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, let task = schedule.taskIndex(plan: String(parts[0]), task: String(parts[1])),
            let unit = schedule.directory.index(ofUnit: String(parts[2]))
        else { return nil }
        return (Int32(task), Int32(unit), parts[3])
    }

    /// Every event of the occurrence at `index`, whether handled, closed or past, in order.
    public func events(ofOccurrenceAt index: Int) -> [DueEvent] {
        var copy = self
        return copy.entries(ofOccurrenceAt: index, days: Int.min...Int.max).sorted().map { copy.makeEvent($0) }
    }

    // MARK: - Timeline

    /// Per-schedule tables: lead times by task, the first and last days any event can fall on.
    private mutating func prepare() {
        let calendar = schedule.calendar
        leadTimes = schedule.tasks.map { EventRules.leadTimes($0.task.reminders) }
        maximumLead = leadTimes.map { Int($0.first ?? 0) }.max() ?? 0
        var first = Int.max
        var last = Int.min
        var unbounded = false
        for scheduled in schedule.tasks where !scheduled.units.isEmpty && scheduled.task.kind != .procedural {
            if scheduled.rule != nil {
                first = min(first, scheduled.windowStart.dayNumber)
                if let end = scheduled.windowEnd { last = max(last, end.dayNumber) } else { unbounded = true }
            } else if let lastMilestone = scheduled.milestones.max(), let firstMilestone = scheduled.milestones.min() {
                first = min(first, scheduled.windowStart.dayNumber, firstMilestone.dayNumber)
                last = max(last, lastMilestone.dayNumber)
            }
        }
        hasEvents = first != Int.max
        firstEventDay = hasEvents ? first : 0
        let overdueSpan = configuration.overdueEvery * configuration.overdueRepeats
        lastEventDay =
            unbounded || !hasEvents
            ? nil
            : calendar.addingWorkingDays(overdueSpan, toDayNumber: last + SchedulerStateMachine.rollAllowance)
    }

    /// Empties the timeline and sets its floor for a start at `now`.
    private mutating func beginTimeline(now: Date) {
        timeline.removeAll()
        retryNotBefore = nil
        nextRetryDelay = configuration.retryDelay
        if let window = configuration.catchUpWindow {
            floor = SchedulerStateMachine.seconds(now.addingTimeInterval(-window))
            let floorDay = schedule.settings.civilDate(of: SchedulerStateMachine.date(floor)).dayNumber
            builtThrough = max(firstEventDay, floorDay) - 1
        } else {
            floor = Int64.min
            builtThrough = firstEventDay - 1
        }
    }

    /// What to wait for: the next open event (or the retry, if later), or nothing.
    private mutating func plan() -> Action {
        guard let top = nextOpenEntry() else {
            if !hasEvents || lastEventDay.map({ builtThrough >= $0 }) == true { return .idle }
            // Extension gave up after many empty stretches: look again when the built stretch is reached.
            return .sleep(until: SchedulerStateMachine.date(dayInstant(builtThrough)))
        }
        let at = max(top.instant, retryNotBefore ?? Int64.min)
        return .sleep(until: SchedulerStateMachine.date(at))
    }

    /// The earliest entry of an open occurrence, dropping entries of closed ones and extending the timeline
    /// when it runs dry.
    private mutating func nextOpenEntry(extending: Bool = true) -> TimelineEntry? {
        var extensions = 0
        while true {
            if let top = timeline.first {
                if isClosed(occurrenceIndex: Int(top.occurrence)) {
                    timeline.pop()
                    continue
                }
                return top
            }
            timeline.trim()
            guard extending, hasEvents, lastEventDay.map({ builtThrough < $0 }) ?? true,
                extensions < SchedulerStateMachine.extensionsPerCall
            else { return nil }
            extend(throughDay: builtThrough + configuration.horizonDays)
            extensions += 1
        }
    }

    /// Pushes the events of every open occurrence on days `builtThrough + 1 … day`.
    private mutating func extend(throughDay day: Int) {
        let from = builtThrough + 1
        guard day >= from else { return }
        let calendar = schedule.calendar
        let overdueSpan = configuration.overdueEvery * configuration.overdueRepeats
        // An occurrence has an event in from…day only if its due date lies in lowDue…highDue: adding working days
        // is monotonic, and events lie between due − maximumLead and due + overdueSpan working days.
        let lowDue = calendar.addingWorkingDays(-overdueSpan, toDayNumber: from) - 1
        let highDue = calendar.addingWorkingDays(maximumLead, toDayNumber: day) + 1
        ensureExpanded(throughDay: highDue)
        var index = firstIndex(dueOnOrAfter: lowDue)
        var days: [EventDay] = []
        while index < occurrences.count, Int(occurrences[index].dueDay) <= highDue {
            if !isClosed(occurrenceIndex: index) {
                days.removeAll(keepingCapacity: true)
                appendEventDays(ofOccurrenceAt: index, days: from...day, into: &days)
                for event in days {
                    let entry = TimelineEntry(
                        instant: dayInstant(event.day),
                        occurrence: UInt32(index),
                        kind: event.kind,
                        sequence: event.sequence
                    )
                    if entry.instant > floor { timeline.push(entry) }
                }
            }
            index += 1
        }
        builtThrough = day
    }

    /// A task and a unit, to find pending closures.
    private struct TaskUnit: Hashable, Sendable {
        var task: Int32
        var unit: Int32
    }

    /// A task's period (and part), whose key all its units share.
    private struct PeriodRef: Hashable {
        var task: Int32
        var period: Int32
        var part: UInt8
    }

    /// The day, kind and sequence of one event, before its instant is looked up.
    private struct EventDay {
        var day: Int
        var kind: TimelineEntry.Kind
        var sequence: UInt16
    }

    /// Appends each event of the occurrence at `index` on a day in `days`, dropping days before the occurrence's
    /// window start.
    private func appendEventDays(ofOccurrenceAt index: Int, days: ClosedRange<Int>, into buffer: inout [EventDay]) {
        let occurrence = occurrences[index]
        EventRules.forEachEventDay(
            due: Int(occurrence.dueDay),
            start: Int(occurrence.startDay),
            leads: leadTimes[Int(occurrence.task)],
            calendar: schedule.calendar,
            configuration: configuration
        ) { day, kind, sequence in
            if days.contains(day) { buffer.append(EventDay(day: day, kind: kind, sequence: sequence)) }
        }
    }

    /// The timeline entries of the occurrence at `index` on days in `days`.
    private mutating func entries(ofOccurrenceAt index: Int, days: ClosedRange<Int>) -> [TimelineEntry] {
        var buffer: [EventDay] = []
        appendEventDays(ofOccurrenceAt: index, days: days, into: &buffer)
        return buffer.map {
            TimelineEntry(instant: dayInstant($0.day), occurrence: UInt32(index), kind: $0.kind, sequence: $0.sequence)
        }
    }

    /// Expands occurrences due up to `day` (and a horizon beyond), appending them in order.
    private mutating func ensureExpanded(throughDay day: Int) {
        guard day > expandedThrough else { return }
        let through = day + configuration.horizonDays
        var chunk = schedule.expand(
            from: CivilDate(dayNumber: expandedThrough + 1),
            through: CivilDate(dayNumber: through)
        )
        expandedThrough = through
        if !zip(chunk, chunk.dropFirst()).allSatisfy({ !SchedulerStateMachine.precedes($1, $0) }) {
            chunk.sort(by: SchedulerStateMachine.precedes)
        }
        let base = occurrences.count
        occurrences.append(contentsOf: chunk)
        let words = (occurrences.count + 63) / 64
        if closedBits.count < words { closedBits.append(contentsOf: repeatElement(0, count: words - closedBits.count)) }
        guard !pendingClosed.isEmpty else { return }
        // Period keys are strings; units of one task share them, so each is made once per task period.
        var periodKeys: [PeriodRef: String] = [:]
        for index in base..<occurrences.count {
            let occurrence = occurrences[index]
            let taskUnit = TaskUnit(task: occurrence.task, unit: occurrence.org)
            guard pendingClosed[taskUnit] != nil else { continue }
            let ref = PeriodRef(task: occurrence.task, period: occurrence.period, part: occurrence.part)
            let key: String
            if let cached = periodKeys[ref] {
                key = cached
            } else {
                key = schedule.periodKey(of: occurrence)
                periodKeys[ref] = key
            }
            if pendingClosed[taskUnit]?.remove(key) != nil {
                closedBits[index >> 6] |= 1 << UInt64(index & 63)
                if pendingClosed[taskUnit]?.isEmpty == true { pendingClosed[taskUnit] = nil }
            }
        }
    }

    /// Records closed ids at a start or reload, before anything is expanded: each waits for its occurrence.
    /// Ids that name no task or unit of the schedule (a task since removed) are ignored.
    private mutating func addPendingClosed(_ ids: Set<String>) {
        precondition(occurrences.isEmpty, "closed ids are recorded before expansion")
        // Ids repeat their plan/task and unit prefixes: look each up once.
        var tasks: [Substring: Int32?] = [:]
        var units: [Substring: Int32?] = [:]
        for id in ids {
            let parts = id.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 4 else { continue }
            let taskKey = id[parts[0].startIndex..<parts[1].endIndex]
            let task: Int32?
            if let known = tasks[taskKey] {
                task = known
            } else {
                task = schedule.taskIndex(plan: String(parts[0]), task: String(parts[1])).map { Int32($0) }
                tasks[taskKey] = task
            }
            let unit: Int32?
            if let known = units[parts[2]] {
                unit = known
            } else {
                unit = schedule.directory.index(ofUnit: String(parts[2])).map { Int32($0) }
                units[parts[2]] = unit
            }
            guard let task, let unit else { continue }
            pendingClosed[TaskUnit(task: task, unit: unit), default: []].insert(String(parts[3]))
        }
    }

    /// The first expanded occurrence due on or after `day`.
    private func firstIndex(dueOnOrAfter day: Int) -> Int {
        var low = 0
        var high = occurrences.count
        while low < high {
            let mid = (low + high) / 2
            if Int(occurrences[mid].dueDay) < day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The fired form of an entry: id and key strings are made here, and only here.
    private func makeEvent(_ entry: TimelineEntry) -> DueEvent {
        let occurrence = occurrences[Int(entry.occurrence)]
        return DueEvent(
            occurrenceID: schedule.id(of: occurrence),
            occurrence: occurrence,
            occurrenceIndex: Int(entry.occurrence),
            kind: entry.eventKind,
            instant: SchedulerStateMachine.date(entry.instant)
        )
    }

    /// Office start on `day` in the site's zone, in seconds since 1970 (cached per day).
    private mutating func dayInstant(_ day: Int) -> Int64 {
        if let cached = instantCache[day] { return cached }
        let settings = schedule.settings
        let date = settings.instant(CivilDate(dayNumber: day), at: settings.officeStart)
        let instant = SchedulerStateMachine.seconds(date)
        instantCache[day] = instant
        return instant
    }

    /// The expansion order: due day, task, period, part, unit.
    private static func precedes(_ a: Occurrence, _ b: Occurrence) -> Bool {
        if a.dueDay != b.dueDay { return a.dueDay < b.dueDay }
        if a.task != b.task { return a.task < b.task }
        if a.period != b.period { return a.period < b.period }
        if a.part != b.part { return a.part < b.part }
        return a.org < b.org
    }

    static func seconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }

    static func date(_ seconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(seconds))
    }
}
