import DubanCalendar
import DubanControlAPI
import DubanControlServer
import DubanCore
import DubanExport
import DubanStore
import Foundation

extension ControlRoutes {
    /// The milestones an export covers: the milestone filters, with `limit` defaulting to the largest page.
    func exportMilestones(_ request: ControlRequest) async throws -> (ControlView, [Milestone]) {
        var query = try MilestoneQuery(query: request.query)
        if request.query[QueryName.limit] == nil { query.limit = ControlAPI.maximumLimit }
        let view = context.view()
        let page = try await milestones(query, view: view, scope: readScope(request, view: view))
        return (view, try await milestoneBodies(page.records, view: view))
    }

    /// `GET /v1/export.ics`: one all-day VEVENT per milestone (RFC 5545).
    func exportICS(_ request: ControlRequest) async throws -> ControlResponse {
        let (view, items) = try await exportMilestones(request)
        let text = ICalendarWriter.calendar(items, stamp: view.now)
        return ControlResponse(
            status: 200, contentType: "text/calendar; charset=utf-8", body: Data(text.utf8),
            headers: [("Content-Disposition", "attachment; filename=\"duban.ics\"")])
    }

    /// `GET /v1/export.csv`: one row per milestone, UTF-8 with a byte-order mark so Excel reads the Chinese.
    func exportCSV(_ request: ControlRequest) async throws -> ControlResponse {
        let (_, items) = try await exportMilestones(request)
        return ControlResponse(
            status: 200, contentType: "text/csv; charset=utf-8", body: CSVWriter.report(items),
            headers: [("Content-Disposition", "attachment; filename=\"duban.csv\"")])
    }

    /// `GET /v1/events`: Server-Sent Events of every delivered notice, with heartbeats.
    func events() -> ControlResponse {
        let stream = context.events.subscribe()
        return .streaming(contentType: EventStream.contentType) { writer in
            try await writer.write(Data(": duban events\nretry: 5000\n\n".utf8))
            let encoder = ControlAPI.makeEncoder()
            for await item in stream {
                switch item {
                case .heartbeat:
                    try await writer.write(Data(": ping\n\n".utf8))
                case .event(let event):
                    let json = String(decoding: try encoder.encode(event), as: UTF8.self)
                    try await writer.write(Data("id: \(event.key)\nevent: \(event.kind)\ndata: \(json)\n\n".utf8))
                }
            }
        }
    }
}
