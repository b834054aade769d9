import DubanCalendar
import DubanControlAPI
import DubanControlServer
import DubanCore
import DubanExport
import DubanStore
import DubanSupervision
import Foundation

extension ControlRoutes {
    /// The roles of a peer: those the configuration's `roles:` grants its user and groups, and admin for root and
    /// the admin group.
    func roles(of peer: PeerIdentity) -> [SupervisionRole] {
        let groups = peer.groupNames
        var roles = RoleGrant.roles(of: peer.user, groups: groups, in: context.configuration.roles)
        if peer.uid == 0 || groups.contains(context.configuration.adminGroup), !roles.contains(.admin) {
            roles.append(.admin)
        }
        return roles
    }

    /// The org units a peer may read, or nil for every one: without `roles:` in the configuration reads are open
    /// to whoever may connect (as before the loop); with it, admins and supervisors read everything, an officer or
    /// leader their unit's subtree, anyone else nothing.
    func readScope(_ request: ControlRequest, view: ControlView) -> Set<String>? {
        guard !context.configuration.roles.isEmpty else { return nil }
        guard let peer = request.peer.map(PeerIdentity.lookup) else { return [] }
        let roles = roles(of: peer)
        if roles.contains(.admin) || roles.contains(.supervisor) { return nil }
        var units = Set<String>()
        for unit in roles.compactMap(\.unit) { units.formUnion(view.units(under: unit, rollup: true)) }
        return units
    }

    /// The quota progress of the quota occurrences among `records` the unit still works on (0 when none was
    /// recorded), for the lights' 序时进度; other records have none. One store query per page.
    func achieved(_ records: [OccurrenceRecord], view: ControlView) async throws -> [String: Double] {
        let quotas = records.filter { record in
            record.stage.awaitsUnit && view.scheduled(plan: record.plan, task: record.task)?.task.kind == .quota
        }.map(\.id)
        guard !quotas.isEmpty else { return [:] }
        var achieved: [String: Double] = [:]
        for start in stride(from: 0, to: quotas.count, by: 10_000) {
            let chunk = Array(quotas[start..<min(start + 10_000, quotas.count)])
            let totals = try await context.store.progressTotals(of: chunk)
            for id in chunk { achieved[id] = totals[id] ?? 0 }
        }
        return achieved
    }

    /// The milestone bodies of `records` with their lights.
    func milestoneBodies(_ records: [OccurrenceRecord], view: ControlView) async throws -> [Milestone] {
        let achieved = try await achieved(records, view: view)
        return records.map { view.milestone($0, achieved: achieved[$0.id]) }
    }

    /// 403 unless the peer may report progress (进展反馈) on what `route` records: the occurrence's unit for quota
    /// progress, the body's unit for a reading. Root and the admin group always may; with `roles:`, an officer or
    /// leader of the lead unit or of a co-unit (``SupervisionPolicy``).
    func authorizeReport(_ route: APIRoute, _ request: ControlRequest, peer: PeerIdentity) async throws {
        let view = context.view()
        let unit: String
        let coUnits: [String]
        let what: (zh: String, en: String)
        switch route {
        case .progress(let id):
            let record = try await record(id)
            unit = record.org
            coUnits = view.scheduled(plan: record.plan, task: record.task)?.task.coUnits ?? []
            what = ("登记进度", "record progress")
        case .readings:
            let body = try decode(ReadingRequest.self, request)
            unit = body.org
            coUnits = view.scheduled(plan: body.plan, task: body.task)?.task.coUnits ?? []
            what = ("登记读数", "record a reading")
        default:
            return
        }
        let decision = SupervisionPolicy.decide(
            .act(.feedback), roles: roles(of: peer), unit: unit, coUnits: coUnits, directory: view.schedule.directory)
        if case .denied(let zh, let en) = decision {
            let admin = context.configuration.adminGroup
            throw APIErrorBody(
                code: .forbidden,
                message:
                    "\(peer.user) 不能\(what.zh):\(zh)(或为 root、\(admin) 组成员) / \(peer.user) may not \(what.en): \(en) (or be root or in group \(admin))"
            )
        }
    }

    /// 403 unless the peer may read occurrences of `org` (or, as a co-unit, the occurrence).
    func checkRead(_ request: ControlRequest, org: String, coUnits: [String], view: ControlView) throws(APIErrorBody) {
        guard let scope = readScope(request, view: view) else { return }
        if scope.contains(org) || !scope.isDisjoint(with: coUnits) { return }
        throw APIErrorBody(
            code: .forbidden,
            message: "只能查看本单位及下级单位的事项 / only the occurrences of your unit and the units below it"
        )
    }

    /// A step of the supervision loop: decoded, authorized by ``SupervisionPolicy`` from the peer's roles, and
    /// applied by the store as a compare-and-set on `expected_state`.
    func step(
        _ id: String, _ action: APIRoute.OccurrenceAction, _ request: ControlRequest, peer: PeerIdentity,
        requestID: String
    ) async throws -> ControlResponse {
        let body = try decode(StepRequest.self, request)
        guard let expected = SupervisionState(rawValue: body.expectedState) else {
            throw APIErrorBody.badRequest(
                "expected_state 应为以下之一:\(SupervisionState.allCases.map(\.rawValue).joined(separator: ", "))",
                "expected_state must be one of \(SupervisionState.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        let loopAction = try ControlRoutes.loopAction(action, body)
        let view = context.view()
        let record = try await record(id)
        let task = view.scheduled(plan: record.plan, task: record.task)?.task
        let decision = SupervisionPolicy.decide(
            .act(loopAction),
            roles: roles(of: peer),
            unit: record.org,
            coUnits: task?.coUnits ?? [],
            directory: view.schedule.directory
        )
        if case .denied(let zh, let en) = decision {
            throw APIErrorBody(
                code: .forbidden,
                message: "\(peer.user) 不能\(loopAction.zh):\(zh) / \(peer.user) may not \(loopAction.name): \(en)"
            )
        }
        let rules = view.rules(plan: record.plan, task: record.task)
        let calendar = view.schedule.calendar
        let settings = view.schedule.settings
        let assignedOn = view.assignedOn(record)
        let outcome = try await context.store.supervise(
            id: id,
            step: SupervisionStepRequest(
                action: loopAction.name, expected: expected, note: body.note, evidence: body.evidence,
                workingDays: body.workingDays),
            actor: Principal(uid: peer.uid, user: peer.user),
            requestID: requestID
        ) { occurrence, day throws(SupervisionError) in
            let base = occurrence.supervisionRecord(assignedOn: assignedOn, settings: settings)
            return try SupervisionMachine.apply(loopAction, to: base, on: day, rules: rules, calendar: calendar)
        }
        await context.occurrenceStepped(outcome.occurrence, step: outcome.step)
        return .json(
            StepChange(
                requestID: requestID,
                occurrence: context.view().milestone(outcome.occurrence, detailed: true),
                step: ControlView.stepBody(outcome.step)
            ),
            headers: [(ControlAPI.idempotencyKeyHeader, requestID)]
        )
    }

    /// The loop's action for a step route, with what it must carry: an extension request its working days and a
    /// reason, a completion report its evidence, a send-back its reason.
    static func loopAction(_ action: APIRoute.OccurrenceAction, _ body: StepRequest) throws(APIErrorBody)
        -> SupervisionAction
    {
        func needsNote(_ zh: String, _ en: String) throws(APIErrorBody) {
            guard let note = body.note, !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw APIErrorBody.unprocessable(zh, en)
            }
        }
        switch action {
        case .acknowledge: return .acknowledge
        case .feedback:
            try needsNote("进展反馈须写明进展(note)", "feedback needs a note saying what was done")
            return .feedback
        case .extensionRequest:
            guard let days = body.workingDays, days >= 1, days <= 10_000 else {
                throw APIErrorBody.unprocessable(
                    "延期申请须写明延期的工作日数(working_days,1到10000)", "an extension request needs working_days (1…10,000)")
            }
            try needsNote("延期申请须说明理由(note)", "an extension request needs a reason (note)")
            return .requestExtension(workingDays: days)
        case .approve: return .approveExtension
        case .reject:
            try needsNote("驳回延期须说明理由(note)", "rejecting an extension needs a reason (note)")
            return .rejectExtension
        case .submit:
            guard let evidence = body.evidence, !evidence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw APIErrorBody.unprocessable(
                    "办结报告须附佐证材料(evidence:文号、文件名或链接)",
                    "a completion report needs evidence (a document number, a file name or a URL)")
            }
            return .submit
        case .pass: return .pass
        case .sendBack:
            try needsNote("退回须说明理由(note)", "sending back needs a reason (note)")
            return .sendBack
        case .strike: return .strike
        case .pause:
            try needsNote("中止计时须说明理由(note)", "pausing needs a reason (note)")
            return .pause
        case .resume: return .resume
        case .done, .reopen, .waive, .extend:
            throw APIErrorBody.badRequest("不是督办步骤", "not a step of the supervision loop")
        }
    }

    // MARK: Board

    /// `GET /v1/board`: per unit the lights of its open occurrences (due up to a year ahead and every overdue
    /// one), and the red ones, most overdue first.
    func board(_ request: ControlRequest, view: ControlView) async throws -> BoardBody {
        let query = try BoardQuery(query: request.query)
        let schedule = view.schedule
        var orgs: Set<String>?
        if let org = query.org {
            guard schedule.directory.unit(org) != nil else {
                throw APIErrorBody.notFound("没有编号为“\(org)”的单位", "no org unit has the id \(org)")
            }
            orgs = Set(view.units(under: org, rollup: true))
        }
        if let scope = readScope(request, view: view) { orgs = orgs.map { $0.intersection(scope) } ?? scope }
        if let plan = query.plan, !schedule.plans.contains(where: { $0.id == plan }) {
            throw APIErrorBody.notFound("没有编号为“\(plan)”的计划", "no plan has the id \(plan)")
        }
        var rows: [String: BoardBody.Row] = [:]
        var red: [(Int, OccurrenceRecord)] = []
        if orgs?.isEmpty != true {
            var offset = 0
            while true {
                let page = try await context.store.occurrences(
                    matching: OccurrenceFilter(
                        dueFrom: nil, dueThrough: view.today.adding(days: 366), states: [.open], plan: query.plan,
                        tasks: nil, orgs: orgs.map { $0.sorted() }, limit: 10_000, offset: offset))
                let achieved = try await achieved(page.records, view: view)
                for record in page.records {
                    let (reading, _, _) = view.light(record, achieved: achieved[record.id])
                    var row =
                        rows[record.org]
                        ?? BoardBody.Row(
                            org: record.org, orgName: schedule.directory.displayName(record.org), red: 0, yellow: 0,
                            green: 0, submitted: 0, unacknowledged: 0)
                    switch reading.light {
                    case .red:
                        row.red += 1
                        red.append((schedule.workingDays(from: view.today, to: record.due), record))
                    case .yellow: row.yellow += 1
                    case .green: row.green += 1
                    }
                    if record.stage == .submitted { row.submitted += 1 }
                    if record.stage == .assigned { row.unacknowledged += 1 }
                    rows[record.org] = row
                }
                offset += page.records.count
                if page.records.count < 10_000 || offset >= page.total { break }
            }
        }
        red.sort { ($0.0, $0.1.id) < ($1.0, $1.1.id) }
        let units = rows.values.sorted { ($1.red, $1.yellow, $0.org) < ($0.red, $0.yellow, $1.org) }
        return BoardBody(
            date: view.today.description,
            units: units,
            red: try await milestoneBodies(red.prefix(query.limit).map(\.1), view: view),
            redTotal: red.count
        )
    }
}

extension ControlRoutes {
    enum LedgerFormat { case json, csv, xlsx }

    /// `GET /v1/ledger`, `/v1/ledger.csv` and `/v1/ledger.xlsx`: the milestone filters (every state unless `state`
    /// is given; every line up to the largest page for the files), one line per occurrence with the day of each
    /// step; reads follow the peer's scope.
    func ledger(_ request: ControlRequest, format: LedgerFormat) async throws -> ControlResponse {
        var query = try MilestoneQuery(query: request.query)
        if request.query[QueryName.state] == nil { query.state = .all }
        if format != .json, request.query[QueryName.limit] == nil { query.limit = ControlAPI.maximumLimit }
        let view = context.view()
        let page = try await milestones(query, view: view, scope: readScope(request, view: view))
        let steps = try await context.store.steps(of: page.records.map(\.id))
        let entries = page.records.map { view.ledgerEntry($0, steps: steps[$0.id] ?? []) }
        switch format {
        case .json:
            return .json(Page(items: entries, total: page.total, limit: page.limit, offset: page.offset))
        case .csv:
            return ControlResponse(
                status: 200, contentType: "text/csv; charset=utf-8", body: LedgerTable.csv(entries),
                headers: [("Content-Disposition", "attachment; filename=\"duban-ledger.csv\"")])
        case .xlsx:
            return ControlResponse(
                status: 200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                body: try LedgerTable.workbook(entries, created: view.now),
                headers: [("Content-Disposition", "attachment; filename=\"duban-ledger.xlsx\"")])
        }
    }
}
