import DubanCalendar
import DubanControlAPI
import DubanControlServer
import DubanCore
import DubanStore
import DubanSupervision
import Foundation

extension ControlRoutes {
    /// Every occurrence (all states, archived left out) of `plan` or of all plans, as the report and the score
    /// read them: with its record, steps and rules.
    func ledgerItems(plan: String?, view: ControlView) async throws -> [LedgerItem] {
        var records: [OccurrenceRecord] = []
        var offset = 0
        while true {
            let page = try await context.store.occurrences(
                matching: OccurrenceFilter(
                    dueFrom: nil, dueThrough: nil, states: [], plan: plan, tasks: nil, orgs: nil,
                    limit: ControlAPI.maximumLimit, offset: offset))
            records += page.records
            offset += page.records.count
            if page.records.count < ControlAPI.maximumLimit || offset >= page.total { break }
        }
        let steps = try await context.store.steps(of: records.filter { $0.stage != .assigned }.map(\.id))
        return records.map { view.ledgerItem($0, steps: steps[$0.id] ?? []) }
    }

    func period(_ query: PeriodQuery) throws(APIErrorBody) -> ReportPeriod {
        do {
            return try ReportPeriod(parsing: query.period)
        } catch {
            throw APIErrorBody.badRequest(error.zh, error.en)
        }
    }

    /// `GET /v1/report?period=`: the circular (通报), every figure with its item ids.
    func report(_ request: ControlRequest) async throws -> ReportBody {
        let query = try PeriodQuery(query: request.query)
        let period = try period(query)
        let view = context.view()
        try checkWideRead(request, view: view)
        let items = try await ledgerItems(plan: query.plan, view: view)
        let report = SupervisionReport.make(
            items: items, period: period, asOf: view.today, calendar: view.schedule.calendar,
            ladder: context.configuration.supervision.ladder)
        return ReportBody(
            period: period.description, first: period.first.description, last: period.last.description,
            cutoff: report.cutoff.description,
            units: report.units.map { unit in
                ReportBody.Unit(
                    org: unit.unit, orgName: unit.unitName, rank: unit.rank, due: unit.due, waived: unit.waived,
                    closedOnTime: unit.closedOnTime, closedLate: unit.closedLate, overdue: unit.overdue,
                    unacknowledged: unit.unacknowledged,
                    sentBack: unit.sentBack.flatMap { Array(repeating: $0.item, count: $0.count) },
                    escalated: unit.escalated,
                    onTimeRate: unit.onTimeRate?.percentText, previousRate: unit.previousRate?.percentText,
                    rateChangePermille: unit.rateChangePermille)
            },
            bottom: report.bottom, textZh: report.text(.zhHans), textEn: report.text(.en))
    }

    /// `GET /v1/score?period=`: the score (考核) per unit with its lines.
    func score(_ request: ControlRequest) async throws -> ScoreBody {
        let query = try PeriodQuery(query: request.query)
        let period = try period(query)
        let view = context.view()
        try checkWideRead(request, view: view)
        let items = try await ledgerItems(plan: query.plan, view: view)
        let rules = context.configuration.scoring
        let score = SupervisionScore.make(
            items: items, period: period, asOf: view.today, rules: rules, calendar: view.schedule.calendar)
        return ScoreBody(
            period: period.description, cutoff: min(view.today, period.last).description, base: "\(rules.base)",
            units: score.units.map { unit in
                ScoreBody.Unit(
                    org: unit.unit, orgName: unit.unitName, score: "\(unit.score)", deducted: "\(unit.deducted)",
                    lines: unit.lines.map {
                        ScoreBody.Line(
                            item: $0.item, reason: $0.reason.rawValue, points: "\($0.points)", textZh: $0.text(.zhHans),
                            textEn: $0.text(.en))
                    })
            })
    }

    /// The circular and the score name every unit: with `roles:`, only supervisors and admins read them (403).
    func checkWideRead(_ request: ControlRequest, view: ControlView) throws(APIErrorBody) {
        guard readScope(request, view: view) != nil else { return }
        throw APIErrorBody(
            code: .forbidden, message: "通报与考核需要督查员或管理员 / the circular and the score need a supervisor or an admin")
    }
}
