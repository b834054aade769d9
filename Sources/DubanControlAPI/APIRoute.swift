/// Every route of the control API, parsed from a path (server) or turned into one (client).
///
/// Add a case, its ``path``, its ``methods`` and a line in ``init(path:)`` to add a route; docs/openapi.yaml
/// lists the same routes. Reads are `GET`; every `POST` is a change and needs the admin right.
public enum APIRoute: Hashable, Sendable {
    /// `GET /v1/health`: the daemon answers.
    case health
    /// `GET /v1/status`: counts, next event, clock, last reload (``StatusBody``).
    case status
    /// `GET /v1/openapi.json`: this contract as an OpenAPI 3.1 document.
    case openAPI
    /// `GET /v1/plans`: the plans in force (``Page`` of ``PlanSummary``).
    case plans
    /// `GET /v1/plans/{plan}`: one plan with its tasks (``PlanDetail``).
    case plan(String)
    /// `GET /v1/tasks`: tasks with occurrence counts, filtered by ``TaskQuery`` (``Page`` of ``TaskSummary``).
    case tasks
    /// `GET /v1/milestones`: occurrences filtered by ``MilestoneQuery`` (``Page`` of ``Milestone``).
    case milestones
    /// `GET /v1/occurrences/{id}`: one occurrence with history, progress and readings (``OccurrenceDetail``).
    case occurrence(String)
    /// `POST /v1/occurrences/{id}/{action}`: done, reopen, waive, extend (``OccurrenceChange``), and the steps of the
    /// supervision loop: acknowledge, feedback, extension-request, approve, reject, submit, pass, return, strike,
    /// pause, resume (``StepChange``).
    case occurrenceAction(String, OccurrenceAction)
    /// `GET /v1/occurrences/{id}/progress` (``ProgressReport``) and `POST` (+N, ``ProgressChange``).
    case progress(String)
    /// `GET /v1/readings?plan=&task=&org=` (``ReadingsReport``) and `POST` (``ReadingChange``).
    case readings
    /// `POST /v1/procedures`: start a procedural occurrence from an event (``StartRequest`` → ``OccurrenceChange``).
    case procedures
    /// `GET /v1/audit`: the audit log, newest first (``AuditPage``).
    case audit
    /// `GET /v1/notifications`: notifications sent, pending and failed, newest first (``NotificationPage``).
    case notifications
    /// `GET /v1/preview?date=YYYY-MM-DD`: the messages that day's digests would carry, without sending
    /// (``PreviewBody``).
    case preview
    /// `POST /v1/reload`: re-read plan files (``ReloadBody``).
    case reload
    /// `POST /v1/backup`: a consistent copy of the store (``BackupRequest`` → ``BackupResult``).
    case backup
    /// `GET /v1/export.ics`: milestones as iCalendar (RFC 5545), same filters as milestones.
    case exportICS
    /// `GET /v1/export.csv`: milestones as CSV (UTF-8 with BOM), same filters as milestones.
    case exportCSV
    /// `GET /v1/events`: Server-Sent Events of every notice the daemon delivers (``EventBody``).
    case events
    /// `GET /v1/plugins`: reserved for the plugin host.
    case plugins
    /// `GET /v1/board?org=&plan=&limit=`: the lights per unit and the red occurrences (``BoardBody``).
    case board
    /// `GET /v1/ledger?plan=&org=&…` (the milestone filters, every state by default): the ledger (``Page`` of
    /// ``LedgerEntry``); `GET /v1/ledger.csv` the same as CSV.
    case ledger
    case ledgerCSV
    /// `GET /v1/ledger.xlsx`: the ledger as an Office Open XML workbook.
    case ledgerXLSX
    /// `GET /v1/report?period=2026-11` (``ReportBody``): the circular of a month, quarter or year.
    case report
    /// `GET /v1/score?period=2026` (``ScoreBody``): the score per unit with its lines.
    case score
    /// `GET /v1/notices?occurrence=&org=&limit=`: the 督办单 issued, newest first (``NoticeList``).
    case notices
    /// `GET /v1/notices/{number}?format=json|text|markdown|html`: one 督办单 (``NoticeDocumentBody``, or the
    /// document as text, Markdown or printable HTML).
    case notice(String)

    /// The actions on one occurrence.
    public enum OccurrenceAction: String, Hashable, Sendable, CaseIterable {
        /// 办结 (``DoneRequest``).
        case done
        /// Open again (``ReopenRequest``).
        case reopen
        /// Not required, with a reason (``WaiveRequest``).
        case waive
        /// 延期: move a procedural deadline within its allowed extension (``ExtendRequest``).
        case extend
        // The steps of the supervision loop (``StepRequest`` → ``StepChange``; docs/supervision.md).
        /// 签收.
        case acknowledge
        /// 进展反馈.
        case feedback
        /// 延期申请 (`working_days`).
        case extensionRequest = "extension-request"
        /// 批准延期.
        case approve
        /// 驳回延期.
        case reject
        /// 办结报告 (with evidence).
        case submit
        /// 审核通过.
        case pass
        /// 退回.
        case sendBack = "return"
        /// 销号.
        case strike
        /// 中止 (procedural limits).
        case pause
        /// 恢复.
        case resume

        /// A step of the supervision loop (not one of the direct changes done, reopen, waive, extend).
        public var isStep: Bool {
            switch self {
            case .done, .reopen, .waive, .extend: false
            default: true
            }
        }
    }

    /// The path, ids percent-encoded as one segment each.
    public var path: String {
        let root = "/" + ControlAPI.version
        switch self {
        case .health: return root + "/health"
        case .status: return root + "/status"
        case .openAPI: return root + "/openapi.json"
        case .plans: return root + "/plans"
        case .plan(let id): return root + "/plans/" + ControlAPI.encodeSegment(id)
        case .tasks: return root + "/tasks"
        case .milestones: return root + "/milestones"
        case .occurrence(let id): return root + "/occurrences/" + ControlAPI.encodeSegment(id)
        case .occurrenceAction(let id, let action):
            return root + "/occurrences/" + ControlAPI.encodeSegment(id) + "/" + action.rawValue
        case .progress(let id): return root + "/occurrences/" + ControlAPI.encodeSegment(id) + "/progress"
        case .readings: return root + "/readings"
        case .procedures: return root + "/procedures"
        case .audit: return root + "/audit"
        case .notifications: return root + "/notifications"
        case .preview: return root + "/preview"
        case .reload: return root + "/reload"
        case .backup: return root + "/backup"
        case .exportICS: return root + "/export.ics"
        case .exportCSV: return root + "/export.csv"
        case .events: return root + "/events"
        case .plugins: return root + "/plugins"
        case .board: return root + "/board"
        case .ledger: return root + "/ledger"
        case .ledgerCSV: return root + "/ledger.csv"
        case .ledgerXLSX: return root + "/ledger.xlsx"
        case .report: return root + "/report"
        case .score: return root + "/score"
        case .notices: return root + "/notices"
        case .notice(let number): return root + "/notices/" + ControlAPI.encodeSegment(number)
        }
    }

    /// The methods the route answers; others get 405 `method-not-allowed`.
    public var methods: [String] {
        switch self {
        case .health, .status, .openAPI, .plans, .plan, .tasks, .milestones, .occurrence, .audit, .notifications, .board, .ledger, .ledgerCSV, .ledgerXLSX, .report, .score,
            .notices, .notice, .preview, .exportICS, .exportCSV, .events, .plugins:
            return ["GET"]
        case .progress, .readings: return ["GET", "POST"]
        case .occurrenceAction, .procedures, .reload, .backup: return ["POST"]
        }
    }

    /// True when `method` on this route changes state (needs the admin right, is audited, takes a request id).
    public static func isChange(method: String) -> Bool {
        method != "GET" && method != "HEAD"
    }

    /// The route of a request path (without the query), or nil for an unknown path. Segments are split at `/`
    /// first and percent-decoded after, so ids may contain `/` as `%2F`.
    public init?(path: String) {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 3, segments[0].isEmpty, segments[1] == ControlAPI.version else { return nil }
        if segments.count > 3, segments.last == "" { segments.removeLast() }
        let rest = segments.dropFirst(2)
        switch rest.count {
        case 1:
            switch rest.first! {
            case "health": self = .health
            case "status": self = .status
            case "openapi.json": self = .openAPI
            case "plans": self = .plans
            case "tasks": self = .tasks
            case "milestones": self = .milestones
            case "readings": self = .readings
            case "procedures": self = .procedures
            case "audit": self = .audit
            case "notifications": self = .notifications
            case "preview": self = .preview
            case "reload": self = .reload
            case "backup": self = .backup
            case "export.ics": self = .exportICS
            case "export.csv": self = .exportCSV
            case "events": self = .events
            case "plugins": self = .plugins
            case "board": self = .board
            case "ledger": self = .ledger
            case "ledger.csv": self = .ledgerCSV
            case "ledger.xlsx": self = .ledgerXLSX
            case "report": self = .report
            case "score": self = .score
            case "notices": self = .notices
            default: return nil
            }
        case 2:
            let (collection, raw) = (rest[rest.startIndex], rest[rest.startIndex + 1])
            guard let id = ControlAPI.decodeSegment(raw) else { return nil }
            switch collection {
            case "plans": self = .plan(id)
            case "occurrences": self = .occurrence(id)
            case "notices": self = .notice(id)
            default: return nil
            }
        case 3:
            let (collection, raw, verb) = (rest[rest.startIndex], rest[rest.startIndex + 1], rest[rest.startIndex + 2])
            guard collection == "occurrences", let id = ControlAPI.decodeSegment(raw) else { return nil }
            if verb == "progress" {
                self = .progress(id)
            } else if let action = OccurrenceAction(rawValue: String(verb)) {
                self = .occurrenceAction(id, action)
            } else {
                return nil
            }
        default:
            return nil
        }
    }
}
