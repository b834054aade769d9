import DubanCore
import DubanCalendar
import DubanStore
import DubanTesting
import Foundation
import Testing

@Suite("Changes")
struct ChangeTests {
    let id = "p/t0/u0/2025"

    func makeStore(_ kind: StoreKind, clock: ManualClock = ManualClock()) async throws -> TestStore {
        let test = try TestStore(kind, clock: clock)
        try await test.store.sync(sampleRows(tasks: 3, units: 2))
        return test
    }

    @Test("done, reopen and waive record who, when and why", arguments: StoreKind.allCases)
    func setState(kind: StoreKind) async throws {
        let clock = ManualClock()
        let test = try await makeStore(kind, clock: clock)
        defer { test.dir.cleanup() }
        let store = test.store
        let done = try await store.setState(
            id: id, to: .done, actor: zhang, note: "已办结", evidence: "临教发〔2025〕1号", requestID: "r1")
        #expect(done.state == .done && done.actor == "zhang" && done.evidence == "临教发〔2025〕1号")
        #expect(done.changedAt == clock.now)
        #expect(try await store.state(of: id) == done)

        clock.advance(by: 60)
        let reopened = try await store.setState(id: id, to: .open, actor: root, note: "材料不全", evidence: nil, requestID: "r2")
        #expect(reopened.state == .open && reopened.actor == "root" && reopened.note == "材料不全")
        #expect(reopened.changedAt == clock.now)
        #expect(try await store.closedOccurrenceIDs().isEmpty)

        _ = try await store.setState(id: id, to: .waived, actor: zhang, note: "不适用", evidence: nil, requestID: "r3")
        #expect(try await store.closedOccurrenceIDs() == [id])
        #expect(try await store.state(of: "unknown") == nil)
    }

    @Test("an unknown id is a typed not-found error, in both languages", arguments: StoreKind.allCases)
    func unknownID(kind: StoreKind) async throws {
        let test = try await makeStore(kind)
        defer { test.dir.cleanup() }
        let error = await #expect(throws: StoreError.self) {
            try await test.store.setState(
                id: "p/nope/u0/2025", to: .done, actor: zhang, note: nil, evidence: nil, requestID: "r")
        }
        #expect(error?.code == .notFound)
        #expect(error?.message.zh == "没有编号为“p/nope/u0/2025”的事项")
        #expect(error?.message.en == "no occurrence has the id p/nope/u0/2025")
        #expect(error?.code.description == "not-found")
        await #expect(throws: StoreError.self) { try await test.store.progress(of: "p/nope/u0/2025") }
    }

    @Test("a retried progress +30 counts once and returns the first result", arguments: StoreKind.allCases)
    func idempotentProgress(kind: StoreKind) async throws {
        let clock = ManualClock()
        let test = try await makeStore(kind, clock: clock)
        defer { test.dir.cleanup() }
        let store = test.store
        let day = CivilDate(year: 2025, month: 3, day: 10)!
        let first = try await store.addProgress(
            occurrenceID: id, amount: 30, on: day, note: "春季培训", actor: zhang, requestID: "req-30")
        clock.advance(by: 5)
        let retry = try await store.addProgress(
            occurrenceID: id, amount: 30, on: day, note: "春季培训", actor: zhang, requestID: "req-30")
        #expect(retry == first)
        // Retries racing each other still count once.
        try await withThrowingTaskGroup(of: ProgressEntry.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await store.addProgress(
                        occurrenceID: id, amount: 30, on: day, note: "春季培训", actor: zhang, requestID: "req-30")
                }
            }
            for try await entry in group { #expect(entry == first) }
        }
        _ = try await store.addProgress(
            occurrenceID: id, amount: 12.5, on: day.adding(days: 1), note: nil, actor: zhang, requestID: "req-12")
        let progress = try await store.progress(of: id)
        #expect(progress.total == 42.5)
        #expect(progress.entries.map(\.amount) == [30, 12.5])
        #expect(progress.entries[0] == first)
        #expect(try await store.auditLog(limit: 100, before: nil).count == 2)
    }

    @Test("a request id reused with different content is a conflict and changes nothing", arguments: StoreKind.allCases)
    func reusedRequestID(kind: StoreKind) async throws {
        let test = try await makeStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        _ = try await store.addProgress(
            occurrenceID: id, amount: 30, on: day2025, note: nil, actor: zhang, requestID: "same")
        let attempts: [@Sendable () async throws -> Void] = [
            { _ = try await store.addProgress(occurrenceID: id, amount: 31, on: day2025, note: nil, actor: zhang, requestID: "same") },
            { _ = try await store.addProgress(occurrenceID: id, amount: 30, on: day2025, note: "x", actor: zhang, requestID: "same") },
            { _ = try await store.addProgress(occurrenceID: id, amount: 30, on: day2025, note: nil, actor: root, requestID: "same") },
            { _ = try await store.setState(id: id, to: .done, actor: zhang, note: nil, evidence: nil, requestID: "same") },
        ]
        for attempt in attempts {
            let error = await #expect(throws: StoreError.self) { try await attempt() }
            #expect(error?.code == .conflict)
            #expect(error?.message.en.contains("request id same") == true)
        }
        #expect(try await store.progress(of: id).total == 30)
        #expect(try await store.state(of: id)?.state == .open)
        #expect(try await store.auditLog(limit: 100, before: nil).count == 1)
    }

    @Test("retrying a state change after a later change still returns the first result")
    func retryAfterLaterChange() async throws {
        let test = try await makeStore(.memory)
        let store = test.store
        let done = try await store.setState(id: id, to: .done, actor: zhang, note: "a", evidence: nil, requestID: "d")
        _ = try await store.setState(id: id, to: .open, actor: zhang, note: "b", evidence: nil, requestID: "o")
        let retry = try await store.setState(id: id, to: .done, actor: zhang, note: "a", evidence: nil, requestID: "d")
        #expect(retry == done)
        #expect(try await store.state(of: id)?.state == .open)
    }

    @Test("bad amounts, dates, request ids and notes are refused before anything changes",
        arguments: StoreKind.allCases)
    func validation(kind: StoreKind) async throws {
        let test = try await makeStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let longNote = String(repeating: "长", count: 4_001)
        let bad: [@Sendable () async throws -> Void] = [
            { _ = try await store.addProgress(occurrenceID: id, amount: 0, on: day2025, note: nil, actor: zhang, requestID: "a") },
            { _ = try await store.addProgress(occurrenceID: id, amount: -5, on: day2025, note: nil, actor: zhang, requestID: "b") },
            { _ = try await store.addProgress(occurrenceID: id, amount: .nan, on: day2025, note: nil, actor: zhang, requestID: "c") },
            { _ = try await store.addProgress(occurrenceID: id, amount: .infinity, on: day2025, note: nil, actor: zhang, requestID: "d") },
            { _ = try await store.addProgress(occurrenceID: id, amount: 1e9, on: day2025, note: nil, actor: zhang, requestID: "e") },
            {
                _ = try await store.addProgress(
                    occurrenceID: id, amount: 1, on: CivilDate(year: 1999, month: 12, day: 31)!, note: nil, actor: zhang,
                    requestID: "f")
            },
            { _ = try await store.addProgress(occurrenceID: id, amount: 1, on: day2025, note: nil, actor: zhang, requestID: "") },
            { _ = try await store.addProgress(occurrenceID: id, amount: 1, on: day2025, note: nil, actor: zhang, requestID: "a\nb") },
            {
                _ = try await store.addProgress(
                    occurrenceID: id, amount: 1, on: day2025, note: nil, actor: zhang,
                    requestID: String(repeating: "r", count: 201))
            },
            { _ = try await store.addProgress(occurrenceID: id, amount: 1, on: day2025, note: longNote, actor: zhang, requestID: "g") },
            { _ = try await store.setState(id: id, to: .done, actor: zhang, note: longNote, evidence: nil, requestID: "h") },
            {
                _ = try await store.addReading(
                    taskKey: TaskKey(plan: "p", task: "t0", org: "u0"), value: .nan, on: day2025, note: nil, actor: zhang,
                    requestID: "i")
            },
            { _ = try await store.openMilestones(dueFrom: day2025, through: day2025, limit: 0) },
        ]
        for attempt in bad {
            let error = await #expect(throws: StoreError.self) { try await attempt() }
            #expect(error?.code == .invalidArgument)
            #expect(error.map { !$0.message.zh.isEmpty && !$0.message.en.isEmpty } == true)
        }
        #expect(try await store.progress(of: id).entries.isEmpty)
        #expect(try await store.state(of: id)?.state == .open)
        #expect(try await store.auditLog(limit: 100, before: nil).isEmpty)
        // The largest sane amount is accepted.
        _ = try await store.addProgress(
            occurrenceID: id, amount: RecordLimits.maximumAmount, on: day2025, note: nil, actor: zhang,
            requestID: "max")
    }

    @Test("readings are kept per plan/task/org, by day", arguments: StoreKind.allCases)
    func readings(kind: StoreKind) async throws {
        let test = try await makeStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let key = TaskKey(plan: "p", task: "t1", org: "u1")
        let later = try await store.addReading(
            taskKey: key, value: 96.5, on: CivilDate(year: 2025, month: 9, day: 1)!, note: "秋季", actor: zhang,
            requestID: "x1")
        let earlier = try await store.addReading(
            taskKey: key, value: 95, on: CivilDate(year: 2025, month: 3, day: 1)!, note: nil, actor: zhang,
            requestID: "x2")
        #expect(try await store.addReading(
            taskKey: key, value: 95, on: CivilDate(year: 2025, month: 3, day: 1)!, note: nil, actor: zhang,
            requestID: "x2") == earlier)
        #expect(try await store.readings(taskKey: key) == [earlier, later])
        #expect(try await store.readings(taskKey: TaskKey(plan: "p", task: "t1", org: "u0")).isEmpty)
        let error = await #expect(throws: StoreError.self) {
            try await store.addReading(
                taskKey: TaskKey(plan: "p", task: "t1", org: "u9"), value: 1, on: day2025, note: nil, actor: zhang,
                requestID: "x3")
        }
        #expect(error?.code == .notFound)
    }
}
