import DubanCalendar
import DubanStore
import DubanTesting
import Foundation
import GRDB
import Testing

@Suite("Audit")
struct AuditTests {
    @Test("every change writes its audit row; retries and refusals write none", arguments: StoreKind.allCases)
    func everyChangeIsAudited(kind: StoreKind) async throws {
        let clock = ManualClock()
        let test = try TestStore(kind, clock: clock)
        defer { test.dir.cleanup() }
        let store = test.store
        try await store.sync(sampleRows(tasks: 2, units: 2))
        _ = try await store.setState(id: "p/t0/u0/2025", to: .done, actor: zhang, note: "办结", evidence: "e", requestID: "a")
        _ = try await store.setState(id: "p/t0/u0/2025", to: .open, actor: root, note: nil, evidence: nil, requestID: "b")
        _ = try await store.setState(id: "p/t0/u1/2025", to: .waived, actor: zhang, note: "免", evidence: nil, requestID: "c")
        _ = try await store.addProgress(occurrenceID: "p/t1/u0/2025", amount: 30, on: day2025, note: nil, actor: zhang, requestID: "d")
        _ = try await store.addReading(
            taskKey: TaskKey(plan: "p", task: "t1", org: "u1"), value: 98, on: day2025, note: nil, actor: zhang, requestID: "e")
        // A retry and a refused change add nothing.
        _ = try await store.addProgress(occurrenceID: "p/t1/u0/2025", amount: 30, on: day2025, note: nil, actor: zhang, requestID: "d")
        _ = try? await store.setState(id: "nope", to: .done, actor: zhang, note: nil, evidence: nil, requestID: "f")

        let log = try await store.auditLog(limit: 10, before: nil)
        #expect(log.map(\.entry.action) == ["reading", "progress", "waive", "reopen", "done"])
        #expect(log.map(\.entry.requestID) == ["e", "d", "c", "b", "a"])
        #expect(log.map(\.entry.target) == ["p/t1/u1", "p/t1/u0/2025", "p/t0/u1/2025", "p/t0/u0/2025", "p/t0/u0/2025"])
        #expect(log[3].entry.uid == 0 && log[3].entry.user == "root")
        #expect(log.allSatisfy { $0.entry.at == clock.now })
        let done = log[4].entry.request
        #expect(done.contains(#""action":"done""#))
        #expect(done.contains(#""evidence":"e""#))
        #expect(done.contains(#""note":"办结""#))
        #expect(done.contains(#""actor":{"uid":1000,"user":"zhang"}"#))
        let progress = log[1].entry.request
        #expect(progress.contains(#""amount":30"#) && progress.contains(#""day":"2025-01-01""#))
    }

    @Test("appendAudit adds a line; the log pages back with before:", arguments: StoreKind.allCases)
    func paging(kind: StoreKind) async throws {
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        var ids: [Int64] = []
        for i in 0..<7 {
            ids.append(
                try await store.appendAudit(
                    AuditEntry(
                        at: Date(timeIntervalSince1970: 1_700_000_000 + Double(i)), uid: 0, user: "root",
                        action: "reload", target: "/etc/duban/plans", request: "{}", requestID: nil)))
        }
        #expect(ids == ids.sorted() && Set(ids).count == 7)
        let page1 = try await store.auditLog(limit: 3, before: nil)
        #expect(page1.map(\.id) == Array(ids.reversed().prefix(3)))
        let page2 = try await store.auditLog(limit: 3, before: page1.last?.id)
        #expect(page2.map(\.id) == Array(ids.reversed().dropFirst(3).prefix(3)))
        #expect(page1[0].entry.at == Date(timeIntervalSince1970: 1_700_000_006))
        await #expect(throws: StoreError.self) {
            try await store.appendAudit(AuditEntry(at: Date(), uid: 0, user: "", action: "x", target: "", request: "{}", requestID: nil))
        }
    }

    @Test("UPDATE and DELETE on the audit table are refused by SQL itself")
    func appendOnlyInSQL() async throws {
        let test = try TestStore(.file)
        defer { test.dir.cleanup() }
        try await test.store.appendAudit(
            AuditEntry(at: Date(), uid: 0, user: "root", action: "reload", target: "plans", request: "{}", requestID: nil))
        let raw = try DatabaseQueue(path: try #require(test.path))
        for sql in ["UPDATE audit SET user_name = 'mallory'", "DELETE FROM audit", "DELETE FROM audit WHERE id = 1"] {
            let error = #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: sql) } }
            #expect(error?.message == "audit log is append-only")
        }
        let log = try await test.store.auditLog(limit: 10, before: nil)
        #expect(log.count == 1 && log[0].entry.user == "root")
    }
}
