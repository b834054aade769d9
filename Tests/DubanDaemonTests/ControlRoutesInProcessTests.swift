import DubanCalendar
import DubanControlAPI
import DubanControlRoutes
import DubanControlServer
import DubanCore
import DubanDaemon
import DubanPlanFiles
import DubanScheduler
import DubanStore
import DubanSupervision
import DubanTesting
import Foundation
import Synchronization
import Testing

/// The control routes in process, over a context of the test's own: the bundled examples' plans, an in-memory
/// store reached through `any StateStore`, a fixed clock. No daemon, socket, scheduler loop or plugin.
@Suite struct ControlRoutesInProcessTests {
    final class TestContext: ControlContext {
        let configuration: DubanConfiguration
        let clock: any WallClock
        let store: any StateStore
        let events = EventBroadcaster()
        let loaded: LoadedPlans
        let closed = Mutex<[String]>([])

        /// Over an in-memory store, or the SQLite file at `storePath` (for a second writer beside it).
        init(storePath: String? = nil) async throws {
            var configuration = try ConfigFile.load(Fixtures.examples.appendingPathComponent("duban.yaml").path)
            configuration.stateDirectory = "/nonexistent"
            self.configuration = configuration
            let start = configuration.site.instant(CivilDate(year: 2022, month: 6, day: 1)!, at: configuration.site.officeStart)
            clock = TestWallClock(now: start)
            loaded = try PlanRuntime(configuration: configuration).load(today: CivilDate(year: 2022, month: 6, day: 1)!)
            store =
                try storePath.map { try SQLiteStateStore.open(path: $0, configuration: .init(now: { start })) }
                ?? SQLiteStateStore.inMemory(configuration: .init(now: { start }))
            let schedule = loaded.schedule
            let occurrences = schedule.expand(from: .startOfYear(2000), through: .endOfYear(2025))
            var rows: [OccurrenceRow] = []
            schedule.forEachIdentity(of: occurrences) { occurrence, identity in
                rows.append(
                    OccurrenceRow(
                        id: identity.id, plan: identity.plan, task: identity.task, org: identity.org, due: occurrence.due))
            }
            try await store.sync(rows)
        }

        func waitUntilStoreSynced() async throws {}
        func view() -> ControlView {
            ControlView(
                schedule: loaded.schedule, missingYears: loaded.missingYears, now: clock.now, machine: nil,
                generation: 1
            )
        }
        func statusBody() -> StatusBody {
            StatusBody(
                plans: loaded.schedule.plans.count, tasks: loaded.schedule.tasks.count, occurrences: 0, open: 0,
                overdue: 0, next: nil, now: clock.now, clock: "\(clock)", scaledClock: false, missingCalendarYears: [],
                lastReload: nil)
        }
        func requestReload(reason: String) async -> ReloadBody { ReloadBody(ok: true, at: clock.now, errors: []) }
        func preview(_ day: CivilDate) async throws -> PreviewBody { throw APIErrorBody(code: .notFound, message: "no preview here") }
        func pluginListing() async -> any Encodable & Sendable { [String]() }
        func occurrenceClosed(_ id: String) async { closed.withLock { $0.append(id) } }
        func occurrenceReopened(_ id: String) async {}
        func occurrenceRescheduled(_ record: OccurrenceRecord) async {}
        func occurrenceStepped(_ record: OccurrenceRecord, step: SupervisionStep) async {}
    }

    static let root = PeerCredentials(pid: getpid(), uid: 0, gid: 0)

    static func json(_ response: ControlResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
    }

    @Test func readsAndChangesGoThroughTheStoreProtocol() async throws {
        let context = try await TestContext()
        let routes = ControlRoutes(context: context)
        let page = await routes.handle(ControlRequest(method: "GET", uri: "/v1/milestones?from=2022-06-01&within_days=30&limit=5"))
        #expect(page.status == 200, "\(String(decoding: page.body, as: UTF8.self))")
        let items = try #require(Self.json(page)["items"] as? [[String: Any]])
        let id = try #require(items.first?["id"] as? String)
        #expect(items.count == 5)

        let encoded = id.replacingOccurrences(of: "/", with: "%2F")
        var done = ControlRequest(
            method: "POST", uri: "/v1/occurrences/\(encoded)/done",
            headers: [("Content-Type", "application/json"), ("Idempotency-Key", "in-process-1")],
            body: Data(#"{"note": "已完成"}"#.utf8))
        done.peer = Self.root
        let changed = await routes.handle(done)
        #expect(changed.status == 200, "\(String(decoding: changed.body, as: UTF8.self))")
        #expect(context.closed.withLock { $0 } == [id], "the context hears of the close")
        #expect(try await context.store.state(of: id)?.state == .done)
        // The same request again: the first answer, nothing changed twice.
        let again = await routes.handle(done)
        #expect(again.status == 200 && context.closed.withLock { $0.count } <= 2)
        #expect(try await context.store.auditLog(target: id, limit: 10).count == 1)

        // A peer without the admin right reads but cannot change; a wrong Content-Type is 415.
        var nobody = done
        nobody.peer = PeerCredentials(pid: getpid(), uid: 65534, gid: 65534)
        #expect(await routes.handle(nobody).status == 403)
        var text = done
        text.headers = [("Content-Type", "text/plain")]
        #expect(await routes.handle(text).status == 415)
        let show = await routes.handle(ControlRequest(method: "GET", uri: "/v1/occurrences/\(encoded)"))
        #expect(show.status == 200)
        #expect((Self.json(show)["occurrence"] as? [String: Any])?["state"] as? String == "done")
    }
}
