import DubanControlAPI
import Foundation
import Testing

@Suite struct APIRouteTests {
    static let routes: [APIRoute] = [
        .health, .status, .openAPI, .plans, .plan("edu-2024"), .tasks, .milestones,
        .occurrence("plan/task/unit/2024"), .occurrenceAction("p/t/学校/2024-S1", .done),
        .occurrenceAction("p/t/u/once", .reopen), .occurrenceAction("p/t/u/once", .waive),
        .occurrenceAction("p/t/u/once", .extend), .progress("p/t/u/2024"), .readings, .procedures, .audit,
        .notifications, .reload,
        .backup, .exportICS, .exportCSV, .events, .plugins,
    ]

    @Test("every route's path parses back to the route", arguments: routes)
    func roundTrip(_ route: APIRoute) {
        #expect(APIRoute(path: route.path) == route)
    }

    @Test func occurrenceIdIsOneEncodedSegment() {
        #expect(APIRoute.occurrence("a/b/c/2024").path == "/v1/occurrences/a%2Fb%2Fc%2F2024")
        #expect(APIRoute(path: "/v1/occurrences/a%2Fb%2Fc%2F2024/progress") == .progress("a/b/c/2024"))
    }

    @Test(arguments: [
        "/", "/v2/status", "/v1", "/v1/nope", "/v1/occurrences/x/fly", "/v1/occurrences//done",
        "/v1/occurrences/%zz", "/v1/plans/a/b/c/d", "status",
    ])
    func unknownPathsAreNil(_ path: String) {
        #expect(APIRoute(path: path) == nil)
    }

    @Test func changesAreEveryNonGetMethod() {
        #expect(!APIRoute.isChange(method: "GET"))
        #expect(APIRoute.isChange(method: "POST"))
        #expect(APIRoute.isChange(method: "DELETE"))
    }
}

@Suite struct QueryTests {
    @Test func datesMustBeReal() {
        #expect(ControlAPI.isValidDate("2024-02-29"))
        #expect(!ControlAPI.isValidDate("2023-02-29"))
        #expect(!ControlAPI.isValidDate("2024-13-01"))
        #expect(!ControlAPI.isValidDate("2024-1-01"))
        #expect(!ControlAPI.isValidDate("２０２４-01-01"))
    }

    @Test func milestoneQueryRoundTrips() throws {
        let query = MilestoneQuery(
            from: "2024-01-01",
            withinWorkingDays: 10,
            overdue: true,
            org: "县教育局",
            rollup: false,
            plan: "p",
            kind: "quota",
            state: .all,
            limit: 5,
            offset: 10
        )
        var dict: [String: String] = [:]
        for item in query.queryItems { dict[item.name] = item.value }
        #expect(try MilestoneQuery(query: dict) == query)
        #expect(query.queryString.contains("org=%E5%8E%BF"))
    }

    @Test(arguments: [
        ["from": "2024-02-30"], ["limit": "0"], ["limit": "abc"], ["overdue": "yes"], ["kind": "weird"],
        ["state": "closedish"], ["within_days": "-1"], ["offset": "-3"],
    ])
    func badParametersAre400(_ query: [String: String]) {
        #expect(throws: APIErrorBody.self) { try MilestoneQuery(query: query) }
        do {
            _ = try MilestoneQuery(query: query)
        } catch {
            #expect(error.error.code == .badRequest)
        }
    }

    @Test func errorBodyShape() throws {
        let body = APIErrorBody(code: .notFound, message: "x")
        let json = String(decoding: try ControlAPI.makeEncoder().encode(body), as: UTF8.self)
        #expect(json == #"{"error":{"code":"not-found","message":"x"}}"#)
        let back = try ControlAPI.makeDecoder().decode(APIErrorBody.self, from: Data(json.utf8))
        #expect(back.status == 404)
    }
}
