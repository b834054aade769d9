import DubanCalendar
import DubanControlAPI
import DubanControlServer
import DubanCore
import DubanStore
import DubanSupervision
import Foundation

extension ControlRoutes {
    /// Answers a read (`GET`).
    func read(_ route: APIRoute, _ request: ControlRequest) async throws -> ControlResponse {
        switch route {
        case .health:
            return .json(HealthBody(version: DubanVersion.current))
        case .status:
            var body = context.statusBody()
            // Instants go out in whole seconds: the same second's status is the same answer.
            body.now = Date(timeIntervalSince1970: body.now.timeIntervalSince1970.rounded(.down))
            return await cached(request, slot: request.path, basis: .status(body)) { .json(body) }
        case .openAPI:
            return await cached(request, slot: request.path, basis: .constant) {
                ControlResponse(status: 200, body: OpenAPIDocument.json)
            }
        case .plans:
            let view = context.view()
            return try await cached(request, slot: request.path, basis: try await basis(view)) {
                .json(try await plans(view: view))
            }
        case .plan(let id):
            let view = context.view()
            return try await cached(request, slot: request.path, basis: try await basis(view)) {
                .json(try await plan(id, view: view))
            }
        case .tasks:
            let query = try TaskQuery(query: request.query)
            let view = context.view()
            return try await cached(request, slot: request.path + query.queryString, basis: try await basis(view)) {
                .json(try await tasks(query, view: view))
            }
        case .milestones:
            let query = try MilestoneQuery(query: request.query)
            let view = context.view()
            if let scope = readScope(request, view: view) {
                // Answers for one reader's units: computed for them, never cached beside everyone's.
                let page = try await milestones(query, view: view, scope: scope)
                return .json(
                    Page(
                        items: try await milestoneBodies(page.records, view: view), total: page.total, limit: page.limit,
                        offset: page.offset))
            }
            return try await cached(request, slot: request.path + query.queryString, basis: try await basis(view)) {
                let page = try await milestones(query, view: view)
                return .json(
                    Page(
                        items: try await milestoneBodies(page.records, view: view),
                        total: page.total,
                        limit: page.limit,
                        offset: page.offset
                    )
                )
            }
        case .occurrence(let id):
            return .json(try await occurrenceDetail(id, request))
        case .board:
            return .json(try await board(request, view: context.view()))
        case .ledger:
            return try await ledger(request, format: .json)
        case .ledgerCSV:
            return try await ledger(request, format: .csv)
        case .ledgerXLSX:
            return try await ledger(request, format: .xlsx)
        case .report:
            return .json(try await report(request))
        case .score:
            return .json(try await score(request))
        case .notices:
            return .json(try await notices(request))
        case .notice(let number):
            return try await notice(number, request)
        case .progress(let id):
            let view = context.view()
            let record = try await record(id)
            return .json(view.progressReport(record, progress: try await context.store.progress(of: id)))
        case .readings:
            let query = try ReadingsQuery(query: request.query)
            let key = try targetKey(plan: query.plan, task: query.task, org: query.org, view: context.view())
            return .json(context.view().readingsReport(key, readings: try await context.store.readings(taskKey: key)))
        case .audit:
            let query = try AuditQuery(query: request.query)
            let records = try await context.store.auditLog(limit: query.limit, before: query.before)
            let next = records.count == query.limit ? records.last?.id : nil
            return .json(AuditPage(entries: records.map(ControlView.auditBody), nextBefore: next))
        case .notifications:
            let query = try NotificationQuery(query: request.query)
            if query.state == "waiting" {
                let rows = try await context.store.waitingDispatches(
                    channel: query.channel,
                    limit: query.limit,
                    before: query.before
                )
                let next = rows.count == query.limit ? rows.last?.id : nil
                return .json(NotificationPage(notifications: rows.map(ControlView.waitingBody), nextBefore: next))
            }
            let filter = NotificationRecord.Filter(rawValue: query.state) ?? .all
            let records = try await context.store.notifications(
                filter,
                channel: query.channel,
                limit: query.limit,
                before: query.before
            )
            let next = records.count == query.limit ? records.last?.outbox.id : nil
            return .json(NotificationPage(notifications: records.map(ControlView.notificationBody), nextBefore: next))
        case .preview:
            let query = try PreviewQuery(query: request.query)
            guard let day = CivilDate(iso: query.date) else {
                throw APIErrorBody(code: .badRequest, message: "日期无效 / invalid date: \(query.date)")
            }
            return .json(try await context.preview(day))
        case .exportICS:
            return try await exportICS(request)
        case .exportCSV:
            return try await exportCSV(request)
        case .events:
            return events()
        case .plugins:
            return .json(await context.pluginListing())
        case .occurrenceAction, .procedures, .reload, .backup:
            return .error(.methodNotAllowed, message: "只接受 POST / POST only")
        }
    }

    // MARK: Cached answers

    /// What a store-backed read of `view` depends on. The store's version is read before the answer is computed,
    /// so a commit racing the computation can only make the kept answer be recomputed, never be served stale.
    func basis(_ view: ControlView) async throws -> ResponseCache.Basis {
        .read(
            ResponseCache.ReadBasis(
                version: try await context.store.changeVersion(),
                generation: view.generation,
                today: view.today,
                overdueThrough: view.overdueThrough
            )
        )
    }

    /// The answer kept for `slot` and `basis`, or `compute`'s (kept when 200); with its `ETag`, or `304` without
    /// a body when the request's `If-None-Match` names it. `slot` is the route with its parsed query written back
    /// (`MilestoneQuery.queryString`): parameters in another order, defaults spelt out, or names the route does not
    /// read are the same answer.
    func cached(
        _ request: ControlRequest,
        slot: String,
        basis: ResponseCache.Basis,
        _ compute: () async throws -> ControlResponse
    ) async rethrows -> ControlResponse {
        let entry: ResponseCache.Entry
        if let kept = cache.lookup(slot, basis: basis) {
            entry = kept
        } else {
            let response = try await compute()
            guard response.status == 200, response.stream == nil else { return response }
            entry = cache.store(slot, basis: basis, body: response.body)
        }
        if ResponseCache.matches(request.header("If-None-Match"), etag: entry.etag) {
            return ControlResponse(status: 304, body: Data(), headers: [("ETag", entry.etag)])
        }
        return ControlResponse(status: 200, body: entry.body, headers: [("ETag", entry.etag)])
    }

    /// The stored occurrence `id`, or 404.
    func record(_ id: String) async throws -> OccurrenceRecord {
        guard let record = try await context.store.state(of: id) else {
            throw APIErrorBody.notFound("没有编号为“\(id)”的事项", "no occurrence has the id \(id)")
        }
        return record
    }

    // MARK: Plans and tasks

    func plans(view: ControlView) async throws -> Page<PlanSummary> {
        let counts = try await context.store.taskCounts(
            orgs: nil,
            overdueThrough: view.overdueThrough,
            openFrom: view.today
        )
        let items = view.schedule.plans.indices.map { planSummary($0, view: view, counts: counts) }
        return Page(items: items, total: items.count, limit: items.count, offset: 0)
    }

    func plan(_ id: String, view: ControlView) async throws -> PlanDetail {
        guard let index = view.schedule.plans.firstIndex(where: { $0.id == id }) else {
            throw APIErrorBody.notFound("没有编号为“\(id)”的计划", "no plan has the id \(id)")
        }
        let counts = try await context.store.taskCounts(
            orgs: nil,
            overdueThrough: view.overdueThrough,
            openFrom: view.today
        )
        let byTask = Dictionary(counts.map { ($0.plan + "/" + $0.task, $0) }, uniquingKeysWith: { a, _ in a })
        let tasks = view.schedule.tasks.filter { $0.plan == index }.map {
            view.taskSummary($0, counts: byTask[id + "/" + $0.task.id])
        }
        return PlanDetail(plan: planSummary(index, view: view, counts: counts), tasks: tasks)
    }

    func planSummary(_ index: Int, view: ControlView, counts: [TaskCounts]) -> PlanSummary {
        let plan = view.schedule.plans[index]
        let mine = counts.filter { $0.plan == plan.id }
        return PlanSummary(
            id: plan.id,
            title: plan.title,
            issuer: plan.issuer,
            document: plan.document,
            published: plan.published?.description,
            horizonStart: plan.horizon?.start.description,
            horizonEnd: plan.horizon?.end.description,
            tasks: plan.tasks.count,
            occurrences: mine.reduce(0) { $0 + $1.total },
            open: mine.reduce(0) { $0 + $1.open },
            overdue: mine.reduce(0) { $0 + $1.overdue }
        )
    }

    func tasks(_ query: TaskQuery, view: ControlView) async throws -> Page<TaskSummary> {
        let schedule = view.schedule
        if let plan = query.plan, !schedule.plans.contains(where: { $0.id == plan }) {
            throw APIErrorBody.notFound("没有编号为“\(plan)”的计划", "no plan has the id \(plan)")
        }
        var orgs: [String]?
        var unitIndices: Set<Int32>?
        if let org = query.org {
            guard schedule.directory.unit(org) != nil else {
                throw APIErrorBody.notFound("没有编号为“\(org)”的单位", "no org unit has the id \(org)")
            }
            let ids = view.units(under: org, rollup: query.rollup)
            orgs = ids
            unitIndices = Set(ids.compactMap { schedule.directory.index(ofUnit: $0).map { Int32($0) } })
        }
        let counts = try await context.store.taskCounts(
            orgs: orgs,
            overdueThrough: view.overdueThrough,
            openFrom: view.today
        )
        let byTask = Dictionary(counts.map { ($0.plan + "/" + $0.task, $0) }, uniquingKeysWith: { a, _ in a })
        var items: [TaskSummary] = []
        for scheduled in schedule.tasks {
            let planID = schedule.plans[scheduled.plan].id
            if let plan = query.plan, plan != planID { continue }
            if let kind = query.kind, kind != scheduled.task.kind.rawValue { continue }
            if let tag = query.tag, !scheduled.task.tags.contains(tag) { continue }
            if let unitIndices, !scheduled.units.contains(where: unitIndices.contains) { continue }
            let count = byTask[planID + "/" + scheduled.task.id]
            switch query.state {
            case .all: break
            case .open: if (count?.open ?? 0) == 0 { continue }
            case .overdue: if (count?.overdue ?? 0) == 0 { continue }
            case .closed: if (count?.total ?? 0) == 0 || (count?.open ?? 0) > 0 { continue }
            }
            items.append(view.taskSummary(scheduled, counts: count))
        }
        let page = Array(items.dropFirst(query.offset).prefix(query.limit))
        return Page(items: page, total: items.count, limit: query.limit, offset: query.offset)
    }

    // MARK: Milestones

    /// The store page for a milestone query (due range, org roll-up, plan, task, kind, tag, state).
    func milestones(_ query: MilestoneQuery, view: ControlView, scope: Set<String>? = nil) async throws -> (
        records: [OccurrenceRecord], total: Int, limit: Int, offset: Int
    ) {
        var filter = try occurrenceFilter(query, view: view)
        if let scope, let asked = filter {
            filter?.orgs = (asked.orgs.map { Set($0).intersection(scope) } ?? scope).sorted()
        }
        guard let filter else { return ([], 0, query.limit, query.offset) }
        let page = try await context.store.occurrences(matching: filter)
        return (page.records, page.total, query.limit, query.offset)
    }

    /// The store filter for a milestone query; nil when nothing can match.
    func occurrenceFilter(_ query: MilestoneQuery, view: ControlView) throws(APIErrorBody) -> OccurrenceFilter? {
        let schedule = view.schedule
        var from = query.from.flatMap { CivilDate(iso: $0) }
        var through = query.through.flatMap { CivilDate(iso: $0) }
        func narrow(_ low: CivilDate?, _ high: CivilDate?) {
            if let low { from = max(from ?? low, low) }
            if let high { through = min(through ?? high, high) }
        }
        if let days = query.withinDays { narrow(view.today, view.today.adding(days: days)) }
        if let days = query.withinWorkingDays {
            narrow(view.today, schedule.calendar.adding(workingDays: days, to: view.today))
        }
        var states: Set<OccurrenceState>
        switch query.state {
        case .open: states = [.open]
        case .done: states = [.done]
        case .waived: states = [.waived]
        case .closed: states = [.done, .waived]
        case .all: states = []
        }
        if query.overdue {
            narrow(nil, view.overdueThrough)
            if states.isEmpty || states.contains(.open) { states = [.open] } else { return nil }
        }
        if let from, let through, from > through { return nil }
        if let plan = query.plan, !schedule.plans.contains(where: { $0.id == plan }) {
            throw APIErrorBody.notFound("没有编号为“\(plan)”的计划", "no plan has the id \(plan)")
        }
        var orgs: [String]?
        if let org = query.org {
            guard schedule.directory.unit(org) != nil else {
                throw APIErrorBody.notFound("没有编号为“\(org)”的单位", "no org unit has the id \(org)")
            }
            orgs = view.units(under: org, rollup: query.rollup)
        }
        var tasks: [OccurrenceFilter.TaskRef]?
        if query.task != nil || query.kind != nil || query.tag != nil {
            tasks = schedule.tasks.compactMap { scheduled in
                let planID = schedule.plans[scheduled.plan].id
                if let plan = query.plan, plan != planID { return nil }
                if let task = query.task, task != scheduled.task.id { return nil }
                if let kind = query.kind, kind != scheduled.task.kind.rawValue { return nil }
                if let tag = query.tag, !scheduled.task.tags.contains(tag) { return nil }
                return OccurrenceFilter.TaskRef(plan: planID, task: scheduled.task.id)
            }
        }
        return OccurrenceFilter(
            dueFrom: from,
            dueThrough: through,
            states: states,
            plan: query.plan,
            tasks: tasks,
            orgs: orgs,
            limit: query.limit,
            offset: query.offset
        )
    }

    // MARK: One occurrence

    func occurrenceDetail(_ id: String, _ request: ControlRequest) async throws -> OccurrenceDetail {
        let view = context.view()
        let record = try await record(id)
        let coUnits = view.scheduled(plan: record.plan, task: record.task)?.task.coUnits ?? []
        try checkRead(request, org: record.org, coUnits: coUnits, view: view)
        let kind = view.scheduled(plan: record.plan, task: record.task)?.task.kind
        let history = try await context.store.auditLog(target: id, limit: 100).map(ControlView.auditBody)
        var progress: ProgressReport?
        if kind == .quota {
            progress = view.progressReport(record, progress: try await context.store.progress(of: id))
        }
        var readings: ReadingsReport?
        if kind == .target {
            let key = TaskKey(plan: record.plan, task: record.task, org: record.org)
            readings = view.readingsReport(key, readings: try await context.store.readings(taskKey: key))
        }
        return OccurrenceDetail(
            occurrence: view.milestone(record, detailed: true, achieved: progress.map(\.achieved)),
            reminders: view.reminders(of: record),
            history: history,
            progress: progress,
            readings: readings,
            steps: (try await context.store.steps(of: [id])[id] ?? []).map(ControlView.stepBody),
            next: SupervisionMachine.applicable(
                to: view.loopRecord(record), on: view.today, rules: view.rules(plan: record.plan, task: record.task),
                calendar: view.schedule.calendar
            ).map(\.name)
        )
    }

    /// The key of a target task assigned to `org`, or 404/422.
    func targetKey(plan: String, task: String, org: String, view: ControlView) throws(APIErrorBody) -> TaskKey {
        guard let scheduled = view.scheduled(plan: plan, task: task) else {
            throw APIErrorBody.notFound("计划“\(plan)”中没有任务“\(task)”", "plan \(plan) has no task \(task)")
        }
        guard let unit = view.schedule.directory.index(ofUnit: org), scheduled.units.contains(Int32(unit)) else {
            throw APIErrorBody.notFound("任务“\(task)”未分配给“\(org)”", "task \(task) is not assigned to \(org)")
        }
        guard scheduled.task.kind == .target else {
            throw APIErrorBody.unprocessable(
                "任务“\(task)”不是目标指标(\(scheduled.task.kind.chinese))",
                "task \(task) is not a target (\(scheduled.task.kind.rawValue))"
            )
        }
        return TaskKey(plan: plan, task: task, org: org)
    }
}
