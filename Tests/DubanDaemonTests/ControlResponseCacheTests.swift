@testable import DubanControlRoutes
import DubanControlServer
import DubanCore
import DubanStore
import DubanTesting
import Foundation
import Testing

/// The control routes keep encoded answers of reads until the store, the plans or the day change: every change
/// shows in the very next answer, and `If-None-Match` with the answer's ETag gets `304`.
@Suite struct ControlResponseCacheTests {
    typealias Context = ControlRoutesInProcessTests.TestContext

    static let page = "/v1/milestones?from=2022-06-01&within_days=30&limit=5"

    static func get(_ routes: ControlRoutes, _ uri: String, ifNoneMatch: String? = nil) async -> ControlResponse {
        await routes.handle(ControlRequest(method: "GET", uri: uri, headers: ifNoneMatch.map { [("If-None-Match", $0)] } ?? []))
    }

    static func etag(_ response: ControlResponse) -> String? {
        response.headers.first { $0.0 == "ETag" }?.1
    }

    static func done(_ routes: ControlRoutes, _ id: String, key: String) async -> ControlResponse {
        var request = ControlRequest(
            method: "POST", uri: "/v1/occurrences/\(id.replacingOccurrences(of: "/", with: "%2F"))/done",
            headers: [("Content-Type", "application/json"), ("Idempotency-Key", key)], body: Data("{}".utf8))
        request.peer = ControlRoutesInProcessTests.root
        return await routes.handle(request)
    }

    static func firstID(_ response: ControlResponse) throws -> String {
        let items = try #require(ControlRoutesInProcessTests.json(response)["items"] as? [[String: Any]])
        return try #require(items.first?["id"] as? String)
    }

    @Test("a repeated read is the same answer with the same ETag; If-None-Match gets 304 without a body")
    func repeatedReadsAndConditionalRequests() async throws {
        let context = try await Context()
        let routes = ControlRoutes(context: context)
        let first = await Self.get(routes, Self.page)
        let second = await Self.get(routes, Self.page)
        #expect(first.status == 200 && second.status == 200)
        #expect(first.body == second.body)
        let tag = try #require(Self.etag(first))
        #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""), "a strong, quoted ETag")
        #expect(Self.etag(second) == tag)
        // The same parameters in another order are the same answer.
        let reordered = await Self.get(routes, "/v1/milestones?limit=5&within_days=30&from=2022-06-01")
        #expect(reordered.body == first.body && Self.etag(reordered) == tag)
        let unread = await Self.get(routes, Self.page + "&n=17")
        #expect(Self.etag(unread) == tag, "a parameter the route does not read is the same answer")

        let notModified = await Self.get(routes, Self.page, ifNoneMatch: tag)
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)
        #expect(Self.etag(notModified) == tag)
        #expect(await Self.get(routes, Self.page, ifNoneMatch: "\"other\", W/\(tag)").status == 304, "lists and weak forms")
        #expect(await Self.get(routes, Self.page, ifNoneMatch: "*").status == 304)
        #expect(await Self.get(routes, Self.page, ifNoneMatch: "\"other\"").status == 200)
        // Another page is another answer.
        let other = await Self.get(routes, "/v1/milestones?from=2022-06-01&within_days=30&limit=6")
        #expect(other.status == 200 && Self.etag(other) != tag)
        // Errors are not kept and carry no ETag.
        let missing = await Self.get(routes, "/v1/milestones?plan=no-such-plan")
        #expect(missing.status == 404 && Self.etag(missing) == nil)
    }

    @Test("a change made through the routes shows in the very next answer of every cached read")
    func changeThroughTheRoutes() async throws {
        let context = try await Context()
        let routes = ControlRoutes(context: context)
        let before = await Self.get(routes, Self.page)
        let plans = await Self.get(routes, "/v1/plans")
        let tasks = await Self.get(routes, "/v1/tasks")
        let id = try Self.firstID(before)
        #expect(await Self.done(routes, id, key: "cache-1").status == 200)

        let after = await Self.get(routes, Self.page)
        #expect(try Self.firstID(after) != id, "the page of open milestones no longer lists it")
        #expect(Self.etag(after) != Self.etag(before))
        #expect(await Self.get(routes, Self.page, ifNoneMatch: Self.etag(before)).status == 200, "the old ETag is stale")
        #expect(await Self.get(routes, "/v1/plans").body != plans.body, "the plans' open counts moved")
        #expect(await Self.get(routes, "/v1/tasks").body != tasks.body)
    }

    @Test("a commit by another writer of the same SQLite file shows in the very next answer")
    func changeByAnotherWriter() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.url.appendingPathComponent("duban.sqlite").path
        let context = try await Context(storePath: path)
        let routes = ControlRoutes(context: context)
        let before = await Self.get(routes, Self.page)
        let id = try Self.firstID(before)
        #expect(Self.etag(await Self.get(routes, Self.page)) == Self.etag(before))

        let other = try SQLiteStateStore.open(path: path)
        _ = try await other.setState(
            id: id, to: .done, actor: Principal(uid: 0, user: "root"), note: nil, evidence: nil, requestID: "elsewhere")

        let after = await Self.get(routes, Self.page)
        #expect(try Self.firstID(after) != id)
        #expect(Self.etag(after) != Self.etag(before))
    }

    @Test("a new day recomputes the answer (days left, overdue), the same day reuses it")
    func newDay() async throws {
        let context = try await Context()
        let clock = try #require(context.clock as? TestWallClock)
        let routes = ControlRoutes(context: context)
        let before = await Self.get(routes, "/v1/milestones?from=2022-06-01&through=2022-07-31&limit=5")
        clock.advance(by: 60)
        #expect(Self.etag(await Self.get(routes, "/v1/milestones?from=2022-06-01&through=2022-07-31&limit=5")) == Self.etag(before))
        clock.advance(by: 86_400)
        let after = await Self.get(routes, "/v1/milestones?from=2022-06-01&through=2022-07-31&limit=5")
        #expect(after.status == 200)
        #expect(Self.etag(after) != Self.etag(before))
        #expect(after.body != before.body, "working_days_left counts from the new day")
    }

    @Test("the status is one answer per second of the clock")
    func statusPerSecond() async throws {
        let context = try await Context()
        let clock = try #require(context.clock as? TestWallClock)
        let routes = ControlRoutes(context: context)
        let first = await Self.get(routes, "/v1/status")
        let tag = try #require(Self.etag(first))
        #expect(await Self.get(routes, "/v1/status", ifNoneMatch: tag).status == 304)
        clock.advance(by: 1)
        let later = await Self.get(routes, "/v1/status", ifNoneMatch: tag)
        #expect(later.status == 200, "now moved: a new answer")
        let body = try #require(ControlRoutesInProcessTests.json(later)["now"] as? String)
        #expect(!body.isEmpty)
        #expect(Self.etag(later) != tag)
    }

    @Test("the cache holds at most its capacity, dropping the oldest; oversized bodies are not kept")
    func bounded() {
        let cache = ResponseCache(capacity: 4, maximumBodyBytes: 8)
        for i in 0..<4 { cache.store("slot\(i)", basis: .constant, body: Data("\(i)".utf8)) }
        #expect(cache.count == 4)
        cache.store("slot4", basis: .constant, body: Data("4".utf8))
        #expect(cache.count == 3, "down to three quarters: the two oldest gone, the new one in")
        #expect(cache.lookup("slot0", basis: .constant) == nil)
        #expect(cache.lookup("slot4", basis: .constant)?.body == Data("4".utf8))
        let big = cache.store("big", basis: .constant, body: Data(repeating: 1, count: 9))
        #expect(big.etag.hasPrefix("\""))
        #expect(cache.lookup("big", basis: .constant) == nil)
        #expect(ResponseCache.etag(of: Data("a".utf8)) != ResponseCache.etag(of: Data("b".utf8)))
        #expect(cache.bytes == 3 * (1 + 5), "three one-byte answers under five-byte slots: \(cache.bytes)")
    }

    @Test("the cache holds at most its byte budget")
    func byteBudget() {
        let cache = ResponseCache(capacity: 100, maximumBodyBytes: 40, maximumTotalBytes: 100)
        for i in 0..<10 { cache.store("s\(i)", basis: .constant, body: Data(repeating: UInt8(i), count: 30)) }
        #expect(cache.bytes <= 100, "\(cache.bytes)")
        #expect(cache.lookup("s9", basis: .constant) != nil, "the newest stays")
        cache.store("s9", basis: .constant, body: Data(repeating: 1, count: 10))
        #expect(cache.bytes <= 100 && cache.lookup("s9", basis: .constant)?.body.count == 10, "a replaced answer's bytes are counted once")
        // The slot (a client's query) counts too: one longer than the whole budget is not kept.
        let long = String(repeating: "q", count: 200)
        cache.store(long, basis: .constant, body: Data("x".utf8))
        #expect(cache.lookup(long, basis: .constant) == nil && cache.bytes <= 100)
    }
}
