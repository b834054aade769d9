import DubanCalendar
import DubanControlAPI
import DubanControlServer
import DubanCore
import DubanStore
import DubanSupervision
import Foundation

/// The 督办单 the escalation ladder issued (docs/supervision.md, "Supervision notices"): listed, and one as JSON
/// or as the document an official files (text, Markdown, printable HTML). Reads follow the org tree.
extension ControlRoutes {
    /// `GET /v1/notices`.
    func notices(_ request: ControlRequest) async throws -> NoticeList {
        let query = try NoticeQuery(query: request.query)
        let view = context.view()
        var orgs: Set<String>?
        if let org = query.org {
            guard view.schedule.directory.unit(org) != nil else {
                throw APIErrorBody.notFound("没有编号为“\(org)”的单位", "no org unit has the id \(org)")
            }
            orgs = Set(view.units(under: org, rollup: true))
        }
        if let scope = readScope(request, view: view) { orgs = orgs.map { $0.intersection(scope) } ?? scope }
        let found = try await context.store.supervisionNotices(
            occurrenceID: query.occurrence, orgs: orgs, limit: query.limit)
        return NoticeList(notices: found.map { Self.noticeBody($0, view: view) })
    }

    /// `GET /v1/notices/{number}?format=`.
    func notice(_ number: String, _ request: ControlRequest) async throws -> ControlResponse {
        let format = try NoticeFormat(query: request.query)
        let view = context.view()
        guard let issued = try await context.store.supervisionNotice(number: number) else {
            throw APIErrorBody.notFound("没有编号为“\(number)”的督办单", "no supervision notice is numbered \(number)")
        }
        // A 督办单 is addressed to the lead unit: co-units do not read it.
        try checkRead(request, org: issued.org, coUnits: [], view: view)
        let language: Language = request.query[QueryName.lang] == "en" ? .en : .zhHans
        switch format {
        case .json: return .json(Self.noticeBody(issued, view: view))
        case .text:
            return ControlResponse(
                status: 200, contentType: "text/plain; charset=utf-8", body: Data(issued.document.text(language).utf8))
        case .markdown:
            return ControlResponse(
                status: 200, contentType: "text/markdown; charset=utf-8",
                body: Data(issued.document.markdown(language).utf8))
        case .html:
            return ControlResponse(
                status: 200, contentType: "text/html; charset=utf-8", body: Data(issued.document.html(language).utf8))
        }
    }

    static func noticeBody(_ issued: IssuedSupervisionNotice, view: ControlView) -> NoticeDocumentBody {
        let d = issued.document
        return NoticeDocumentBody(
            number: d.number.description, round: d.round, key: issued.eventKey, occurrence: issued.occurrenceID,
            org: issued.org, orgName: d.unitName, title: d.title, plan: d.plan, leaderInCharge: d.leaderInCharge,
            copyTo: d.copyTo, issuedOn: d.issuedOn.description, issuedAt: issued.issuedAt,
            deadline: d.deadline.description, limit: d.limit.rawValue, workingDaysOverdue: d.workingDaysOverdue,
            requirementZh: d.requirement.zh, requirementEn: d.requirement.en, replyBy: d.replyBy.description,
            text: d.text(.zhHans))
    }
}
