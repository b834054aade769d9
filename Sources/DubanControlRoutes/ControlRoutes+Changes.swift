import DubanCalendar
import DubanControlAPI
import DubanControlServer
import DubanCore
import DubanScheduler
import DubanStore
import Foundation

extension ControlRoutes {
    /// Answers a change (`POST`) from an authorized principal: validated, applied in one store transaction with its
    /// audit line, idempotent by `requestID`; the scheduler hears of closes and reopens.
    func change(_ route: APIRoute, _ request: ControlRequest, principal: Principal, requestID: String) async throws
        -> ControlResponse
    {
        let echo = [(ControlAPI.idempotencyKeyHeader, requestID)]
        switch route {
        case .occurrenceAction(let id, let action):
            let record: OccurrenceRecord
            switch action {
            case .done:
                let body = try decode(DoneRequest.self, request)
                record = try await context.store.setState(
                    id: id,
                    to: .done,
                    actor: principal,
                    note: body.note,
                    evidence: body.evidence,
                    requestID: requestID
                )
            case .reopen:
                let body = try decode(ReopenRequest.self, request)
                record = try await context.store.setState(
                    id: id,
                    to: .open,
                    actor: principal,
                    note: body.note,
                    evidence: nil,
                    requestID: requestID
                )
            case .waive:
                let body = try decode(WaiveRequest.self, request)
                guard !body.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw APIErrorBody.unprocessable("免办须说明理由", "waiving needs a reason")
                }
                record = try await context.store.setState(
                    id: id,
                    to: .waived,
                    actor: principal,
                    note: body.reason,
                    evidence: nil,
                    requestID: requestID
                )
            case .extend:
                record = try await extend(id, try decode(ExtendRequest.self, request), principal, requestID)
            default:
                // The loop's steps are answered by `step` (ControlRoutes+Steps) before authorization reaches here.
                throw APIErrorBody.badRequest("不是直接修改", "not a direct change")
            }
            if record.state.isClosed {
                await context.occurrenceClosed(id)
            } else if action == .extend {
                await context.occurrenceRescheduled(record)
            } else {
                await context.occurrenceReopened(id)
            }
            return .json(
                OccurrenceChange(requestID: requestID, occurrence: context.view().milestone(record, detailed: true)),
                headers: echo
            )
        case .progress(let id):
            let body = try decode(ProgressRequest.self, request)
            guard body.amount.isFinite, body.amount > 0, body.amount <= RecordLimits.maximumAmount else {
                throw APIErrorBody.unprocessable(
                    "进度数量应大于0且不超过\(Int(RecordLimits.maximumAmount))",
                    "amount must be above 0 and at most \(Int(RecordLimits.maximumAmount))"
                )
            }
            let view = context.view()
            let record = try await record(id)
            guard view.scheduled(plan: record.plan, task: record.task)?.task.kind == .quota else {
                throw APIErrorBody.unprocessable("只有数量指标可以登记进度", "progress is recorded on quota tasks only")
            }
            let day = try ControlRoutes.date(body.date, field: "date", fallback: view.today)
            let entry = try await context.store.addProgress(
                occurrenceID: id,
                amount: body.amount,
                on: day,
                note: body.note,
                actor: principal,
                requestID: requestID
            )
            let report = view.progressReport(record, progress: try await context.store.progress(of: id))
            let item = ProgressItem(
                id: entry.id,
                amount: entry.amount,
                date: entry.day.description,
                note: entry.note,
                actor: entry.actor,
                recordedAt: entry.recordedAt,
                requestID: entry.requestID
            )
            return .json(ProgressChange(requestID: requestID, entry: item, progress: report), headers: echo)
        case .readings:
            let body = try decode(ReadingRequest.self, request)
            guard body.value.isFinite, abs(body.value) <= RecordLimits.maximumReading else {
                throw APIErrorBody.unprocessable("读数应为有限数值", "value must be a finite number within range")
            }
            let view = context.view()
            let key = try targetKey(plan: body.plan, task: body.task, org: body.org, view: view)
            let day = try ControlRoutes.date(body.date, field: "date", fallback: view.today)
            let reading = try await context.store.addReading(
                taskKey: key,
                value: body.value,
                on: day,
                note: body.note,
                actor: principal,
                requestID: requestID
            )
            let report = view.readingsReport(key, readings: try await context.store.readings(taskKey: key))
            let item = ReadingItem(
                id: reading.id,
                value: reading.value,
                date: reading.day.description,
                note: reading.note,
                actor: reading.actor,
                recordedAt: reading.recordedAt,
                requestID: reading.requestID
            )
            return .json(ReadingChange(requestID: requestID, reading: item, readings: report), headers: echo)
        case .procedures:
            let record = try await start(try decode(StartRequest.self, request), principal, requestID)
            await context.occurrenceRescheduled(record)
            return .json(
                OccurrenceChange(requestID: requestID, occurrence: context.view().milestone(record, detailed: true)),
                headers: echo
            )
        case .reload:
            try await context.store.appendAudit(
                AuditEntry(
                    at: context.clock.now,
                    uid: principal.uid,
                    user: principal.user,
                    action: "reload",
                    target: context.configuration.plans,
                    request: "{}",
                    requestID: requestID
                )
            )
            let result = await context.requestReload(reason: "control socket (\(principal.user))")
            return .json(result, status: result.ok ? 200 : 422, headers: echo)
        case .backup:
            let body = try decode(BackupRequest.self, request)
            guard body.path.hasPrefix("/"), !body.path.contains("\0") else {
                throw APIErrorBody.badRequest("path 应为绝对路径", "path must be an absolute path")
            }
            guard !FileManager.default.fileExists(atPath: body.path) else {
                throw APIErrorBody(code: .conflict, message: "文件已存在 / file exists: \(body.path)")
            }
            try await context.store.backup(to: body.path)
            let json = String(decoding: (try? ControlAPI.makeEncoder().encode(body)) ?? Data(), as: UTF8.self)
            try await context.store.appendAudit(
                AuditEntry(
                    at: context.clock.now,
                    uid: principal.uid,
                    user: principal.user,
                    action: "backup",
                    target: body.path,
                    request: json,
                    requestID: requestID
                )
            )
            return .json(BackupResult(path: body.path), headers: echo)
        default:
            return .error(.methodNotAllowed, message: "只接受 GET / GET only")
        }
    }

    // MARK: Procedural occurrences

    /// 延期: moves the due date of an open occurrence started from an event by working days (or calendar days,
    /// as the task's limit counts), within the extension its task allows.
    func extend(_ id: String, _ body: ExtendRequest, _ principal: Principal, _ requestID: String) async throws
        -> OccurrenceRecord
    {
        let view = context.view()
        let record = try await record(id)
        guard let task = view.scheduled(plan: record.plan, task: record.task)?.task, task.kind == .procedural,
            let limit = task.procedural?.limit
        else {
            throw APIErrorBody.unprocessable("只有程序时限任务可以延期", "only procedural tasks can be extended")
        }
        guard let allowed = limit.extensionCount, allowed > 0 else {
            throw APIErrorBody.unprocessable("该任务不允许延期", "this task allows no extension")
        }
        let calendar = view.schedule.calendar
        let unit = limit.unit
        guard unit != .months else {
            throw APIErrorBody.unprocessable("按月计算的期限不能按日延期", "a limit counted in months cannot be extended by days")
        }
        return try await context.store.extend(
            id: id,
            workingDays: body.workingDays,
            allowed: allowed,
            reason: body.reason,
            actor: principal,
            requestID: requestID
        ) { due, days in
            unit == .workingDays ? calendar.adding(workingDays: days, to: due) : due.adding(days: days)
        }
    }

    /// Starts a procedural occurrence of `plan/task` for `org` from an event on `date`: due = date + the limit.
    func start(_ body: StartRequest, _ principal: Principal, _ requestID: String) async throws -> OccurrenceRecord {
        let view = context.view()
        guard let scheduled = view.scheduled(plan: body.plan, task: body.task) else {
            throw APIErrorBody.notFound(
                "计划“\(body.plan)”中没有任务“\(body.task)”",
                "plan \(body.plan) has no task \(body.task)"
            )
        }
        guard scheduled.task.kind == .procedural, let limit = scheduled.task.procedural?.limit else {
            throw APIErrorBody.unprocessable("任务“\(body.task)”不是程序时限任务", "task \(body.task) is not procedural")
        }
        guard let unit = view.schedule.directory.index(ofUnit: body.org), scheduled.units.contains(Int32(unit)) else {
            throw APIErrorBody.notFound(
                "任务“\(body.task)”未分配给“\(body.org)”",
                "task \(body.task) is not assigned to \(body.org)"
            )
        }
        guard ControlAPI.isValidDate(body.date), let day = CivilDate(iso: body.date) else {
            throw APIErrorBody.badRequest("date 应为 YYYY-MM-DD 日期", "date must be a YYYY-MM-DD date")
        }
        let reference = body.reference ?? ControlRoutes.shortHash(requestID)
        guard !reference.isEmpty, reference.count <= 64,
            reference.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        else {
            throw APIErrorBody.unprocessable(
                "reference 只能包含字母、数字、-_.,最多64个字符",
                "reference: letters, digits, -_. only, at most 64 characters"
            )
        }
        let calendar = view.schedule.calendar
        let due: CivilDate
        switch limit.unit {
        case .workingDays: due = calendar.adding(workingDays: limit.count, to: day)
        case .calendarDays: due = day.adding(days: limit.count)
        case .months: due = day.adding(months: limit.count)
        }
        let id = "\(body.plan)/\(body.task)/\(body.org)/\(day).\(reference)"
        let row = OccurrenceRow(id: id, plan: body.plan, task: body.task, org: body.org, due: due)
        return try await context.store.startProcedure(
            row,
            eventDay: day,
            note: body.note,
            actor: principal,
            requestID: requestID
        )
    }

    /// Eight hex digits of FNV-1a over `text`: a short, stable reference when the client gives none.
    static func shortHash(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
