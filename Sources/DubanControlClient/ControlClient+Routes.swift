public import DubanControlAPI
public import Foundation

/// One typed method per route of ``APIRoute``. Changes take an optional request id (a new one when nil) that the
/// automatic retry reuses.
extension ControlClient {
    // MARK: Reads

    public func health() throws(ControlClientError) -> HealthBody {
        try get(APIRoute.health.path)
    }

    public func status() throws(ControlClientError) -> StatusBody {
        try get(APIRoute.status.path)
    }

    public func plans(limit: Int = ControlAPI.maximumLimit) throws(ControlClientError) -> Page<PlanSummary> {
        try get(APIRoute.plans.path, query: [(QueryName.limit, String(limit))])
    }

    public func plan(_ id: String) throws(ControlClientError) -> PlanDetail {
        try get(APIRoute.plan(id).path)
    }

    public func tasks(_ query: TaskQuery) throws(ControlClientError) -> Page<TaskSummary> {
        try get(APIRoute.tasks.path, query: query.queryItems.map { ($0.name, $0.value) })
    }

    public func milestones(_ query: MilestoneQuery) throws(ControlClientError) -> Page<Milestone> {
        try get(APIRoute.milestones.path, query: query.queryItems.map { ($0.name, $0.value) })
    }

    public func occurrence(_ id: String) throws(ControlClientError) -> OccurrenceDetail {
        try get(APIRoute.occurrence(id).path)
    }

    public func progress(of id: String) throws(ControlClientError) -> ProgressReport {
        try get(APIRoute.progress(id).path)
    }

    public func readings(_ query: ReadingsQuery) throws(ControlClientError) -> ReadingsReport {
        try get(APIRoute.readings.path, query: query.queryItems.map { ($0.name, $0.value) })
    }

    public func audit(_ query: AuditQuery) throws(ControlClientError) -> AuditPage {
        try get(APIRoute.audit.path, query: query.queryItems.map { ($0.name, $0.value) })
    }

    public func preview(_ query: PreviewQuery) throws(ControlClientError) -> PreviewBody {
        try get(APIRoute.preview.path, query: query.queryItems.map { ($0.name, $0.value) })
    }

    public func notifications(_ query: NotificationQuery) throws(ControlClientError) -> NotificationPage {
        try get(APIRoute.notifications.path, query: query.queryItems.map { ($0.name, $0.value) })
    }

    /// The milestones of `query` exported as iCalendar or CSV, in `language` (`zh` or `en`): the raw bytes.
    public func export(
        _ route: APIRoute,
        _ query: MilestoneQuery,
        language: String
    ) throws(ControlClientError) -> Data {
        let response = try send(
            "GET",
            route.path,
            query: query.queryItems.map { ($0.name, $0.value) } + [(QueryName.lang, language)]
        )
        guard (200..<300).contains(response.status) else { throw error(from: response) }
        return response.body
    }

    /// The ledger (台账) of `query` (every state unless the query names one).
    public func ledger(_ query: MilestoneQuery) throws(ControlClientError) -> Page<LedgerEntry> {
        try get(APIRoute.ledger.path, query: query.queryItems.map { ($0.name, $0.value) })
    }

    public func report(_ query: PeriodQuery) throws(ControlClientError) -> ReportBody {
        try get(APIRoute.report.path, query: query.queryItems.map { ($0.name, $0.value) })
    }

    /// The 督办单 issued, newest first.
    public func notices(_ query: NoticeQuery) throws(ControlClientError) -> NoticeList {
        try get(APIRoute.notices.path, query: query.queryItems.map { ($0.name, $0.value) })
    }

    /// One 督办单 as JSON.
    public func notice(_ number: String) throws(ControlClientError) -> NoticeDocumentBody {
        try get(APIRoute.notice(number).path)
    }

    /// One 督办单 as a document (`text`, `markdown` or `html`) in `language` (`zh` or `en`): the raw bytes.
    public func noticeDocument(_ number: String, format: NoticeFormat, language: String) throws(ControlClientError)
        -> Data
    {
        let response = try send(
            "GET", APIRoute.notice(number).path, query: [("format", format.rawValue), (QueryName.lang, language)])
        guard (200..<300).contains(response.status) else { throw error(from: response) }
        return response.body
    }

    public func score(_ query: PeriodQuery) throws(ControlClientError) -> ScoreBody {
        try get(APIRoute.score.path, query: query.queryItems.map { ($0.name, $0.value) })
    }

    public func board(_ query: BoardQuery) throws(ControlClientError) -> BoardBody {
        try get(APIRoute.board.path, query: query.queryItems.map { ($0.name, $0.value) })
    }

    // MARK: Changes

    /// A step of the supervision loop (acknowledge, feedback, extension-request …).
    public func step(
        _ id: String, _ action: APIRoute.OccurrenceAction, _ body: StepRequest, requestID: String? = nil
    ) throws(ControlClientError) -> StepChange {
        try change(APIRoute.occurrenceAction(id, action).path, body: body, requestID: requestID)
    }

    public func done(_ id: String, _ body: DoneRequest, requestID: String? = nil) throws(ControlClientError)
        -> OccurrenceChange
    {
        try change(APIRoute.occurrenceAction(id, .done).path, body: body, requestID: requestID)
    }

    public func reopen(_ id: String, _ body: ReopenRequest, requestID: String? = nil) throws(ControlClientError)
        -> OccurrenceChange
    {
        try change(APIRoute.occurrenceAction(id, .reopen).path, body: body, requestID: requestID)
    }

    public func waive(_ id: String, _ body: WaiveRequest, requestID: String? = nil) throws(ControlClientError)
        -> OccurrenceChange
    {
        try change(APIRoute.occurrenceAction(id, .waive).path, body: body, requestID: requestID)
    }

    public func extend(_ id: String, _ body: ExtendRequest, requestID: String? = nil) throws(ControlClientError)
        -> OccurrenceChange
    {
        try change(APIRoute.occurrenceAction(id, .extend).path, body: body, requestID: requestID)
    }

    public func addProgress(
        _ id: String,
        _ body: ProgressRequest,
        requestID: String? = nil
    ) throws(ControlClientError) -> ProgressChange {
        try change(APIRoute.progress(id).path, body: body, requestID: requestID)
    }

    public func addReading(_ body: ReadingRequest, requestID: String? = nil) throws(ControlClientError) -> ReadingChange
    {
        try change(APIRoute.readings.path, body: body, requestID: requestID)
    }

    public func start(_ body: StartRequest, requestID: String? = nil) throws(ControlClientError) -> OccurrenceChange {
        try change(APIRoute.procedures.path, body: body, requestID: requestID)
    }

    public func backup(to path: String, requestID: String? = nil) throws(ControlClientError) -> BackupResult {
        try change(APIRoute.backup.path, body: BackupRequest(path: path), requestID: requestID)
    }

    /// Asks the daemon to re-read its plans. A refused reload (422 with the diagnostics, the old plans kept) is an
    /// answer, not an error: check `ok`.
    public func reload(requestID: String? = nil) throws(ControlClientError) -> ReloadBody {
        let response = try send(
            "POST",
            APIRoute.reload.path,
            body: Data("{}".utf8),
            idempotencyKey: requestID ?? ControlClient.newRequestID()
        )
        if response.status == 422, let body = try? ControlClient.decoder.decode(ReloadBody.self, from: response.body) {
            return body
        }
        return try decode(ReloadBody.self, from: response)
    }

    // MARK: Events

    /// Follows `GET /v1/events`, handing each notice (and its raw JSON line) to `onEvent` until it returns false.
    public func watch(onEvent: (EventBody, String) throws -> Bool) throws {
        try events(APIRoute.events.path) { event in
            guard let body = try? ControlClient.decoder.decode(EventBody.self, from: Data(event.data.utf8)) else {
                throw ControlClientError(
                    code: .badResponse,
                    message: "事件无法解读:\(event.data.prefix(200)) / unreadable event: \(event.data.prefix(200))",
                    socketPath: socketPath
                )
            }
            return try onEvent(body, event.data)
        }
    }
}
