import DubanCalendar
import DubanCore
import DubanStore
import DubanSupervision
import DubanTesting
import Foundation
import Testing

/// The store's side of the supervision loop: every step a compare-and-set on the stage the asker saw, idempotent
/// by request id, written with its step row and its audit line; the admin's direct changes likewise.
@Suite("Supervision in the store")
struct SupervisionStoreTests {
    let id = "p/t0/u0/2025"
    let calendar = WorkingDayCalendar(years: [])

    func makeStore(_ kind: StoreKind, clock: ManualClock = ManualClock()) async throws -> TestStore {
        let test = try TestStore(kind, clock: clock)
        try await test.store.sync(sampleRows(tasks: 2, units: 2))
        return test
    }

    /// The loop's transition for `action`, starting from a fresh record when none is stored.
    func transition(_ action: SupervisionAction) -> @Sendable (OccurrenceRecord, CivilDate) throws(SupervisionError)
        -> SupervisionRecord
    {
        let calendar = calendar
        return { occurrence, day throws(SupervisionError) in
            var base = occurrence.loop ?? SupervisionRecord(assignedOn: day2025, due: occurrence.due)
            base.state = occurrence.stage
            return try SupervisionMachine.apply(action, to: base, on: day, rules: SupervisionRules(), calendar: calendar)
        }
    }

    func step(
        _ store: any StateStore, _ action: SupervisionAction, expected: SupervisionState, request: String,
        workingDays: Int? = nil, note: String? = nil
    ) async throws -> SupervisionOutcome {
        try await store.supervise(
            id: id,
            step: SupervisionStepRequest(action: action.name, expected: expected, note: note, workingDays: workingDays),
            actor: zhang,
            requestID: request,
            transition: transition(action)
        )
    }

    @Test("a new occurrence is assigned; acknowledge, feedback, submit, pass are stored with their steps", arguments: StoreKind.allCases)
    func loop(kind: StoreKind) async throws {
        let test = try await makeStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        #expect(try await store.state(of: id)?.stage == .assigned)
        let acknowledged = try await step(store, .acknowledge, expected: .assigned, request: "a1")
        #expect(acknowledged.occurrence.stage == .inProgress)
        #expect(acknowledged.occurrence.state == .open)
        #expect(acknowledged.step.from == .assigned && acknowledged.step.to == .inProgress)
        _ = try await step(store, .feedback, expected: .inProgress, request: "f1", note: "已完成摸底")
        _ = try await step(store, .submit, expected: .inProgress, request: "s1")
        let passed = try await step(store, .pass, expected: .submitted, request: "p1")
        #expect(passed.occurrence.stage == .closed)
        #expect(passed.occurrence.state == .done)
        #expect(try await store.closedOccurrenceIDs().contains(id))
        let stored = try #require(try await store.state(of: id))
        #expect(stored.loop?.feedbackCount == 1)
        #expect(stored.loop?.closedOn != nil)
        let steps = try await store.steps(of: [id])[id] ?? []
        #expect(steps.map(\.action) == ["acknowledge", "feedback", "submit", "pass"])
        #expect(steps.map(\.requestID) == ["a1", "f1", "s1", "p1"])
        #expect(steps[1].note == "已完成摸底")
        #expect(steps.allSatisfy { $0.user == "zhang" })
        let audit = try await store.auditLog(target: id, limit: 10)
        #expect(audit.map(\.entry.action) == ["pass", "submit", "feedback", "acknowledge"])
    }

    @Test("a step on a stage other than the one expected is refused with stage-changed and changes nothing", arguments: StoreKind.allCases)
    func compareAndSet(kind: StoreKind) async throws {
        let test = try await makeStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        _ = try await step(store, .acknowledge, expected: .assigned, request: "a1")
        let error = await #expect(throws: StoreError.self) {
            _ = try await step(store, .acknowledge, expected: .assigned, request: "a2")
        }
        #expect(error?.code == .stageChanged)
        #expect(error?.message.zh.contains("办理中") == true)
        // The right expectation but a step out of order: the loop refuses it, also stage-changed.
        let outOfOrder = await #expect(throws: StoreError.self) {
            _ = try await step(store, .pass, expected: .inProgress, request: "x1")
        }
        #expect(outOfOrder?.code == .stageChanged)
        #expect(try await store.steps(of: [id])[id]?.count == 1)
        #expect(try await store.auditLog(target: id, limit: 10).count == 1)
    }

    @Test("a retried step returns the first answer; the same id for another step is a conflict", arguments: StoreKind.allCases)
    func idempotent(kind: StoreKind) async throws {
        let test = try await makeStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let first = try await step(store, .acknowledge, expected: .assigned, request: "a1")
        let again = try await step(store, .acknowledge, expected: .assigned, request: "a1")
        #expect(again == first)
        #expect(try await store.steps(of: [id])[id]?.count == 1)
        let reused = await #expect(throws: StoreError.self) {
            _ = try await step(store, .feedback, expected: .inProgress, request: "a1")
        }
        #expect(reused?.code == .conflict)
    }

    @Test("two clients racing on one occurrence: exactly one step applies, the other gets stage-changed", arguments: StoreKind.allCases)
    func racing(kind: StoreKind) async throws {
        let test = try await makeStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let results = await withTaskGroup(of: Result<SupervisionOutcome, StoreError>.self) { group in
            for n in 0..<16 {
                group.addTask {
                    do {
                        return .success(try await step(store, .acknowledge, expected: .assigned, request: "race-\(n)"))
                    } catch let error as StoreError {
                        return .failure(error)
                    } catch {
                        return .failure(StoreError(code: .io, message: .init(zh: "?", en: "\(error)")))
                    }
                }
            }
            var all: [Result<SupervisionOutcome, StoreError>] = []
            for await result in group { all.append(result) }
            return all
        }
        let wins = results.filter { if case .success = $0 { true } else { false } }
        #expect(wins.count == 1)
        #expect(results.allSatisfy { result in
            if case .failure(let error) = result { return error.code == .stageChanged }
            return true
        })
        #expect(try await store.steps(of: [id])[id]?.count == 1)
    }

    @Test("an approved extension moves the due date; a later sync keeps it and records the plans' date", arguments: StoreKind.allCases)
    func extensionSurvivesSync(kind: StoreKind) async throws {
        let test = try await makeStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let before = try #require(try await store.state(of: id)).due
        _ = try await step(store, .acknowledge, expected: .assigned, request: "a1")
        _ = try await step(store, .requestExtension(workingDays: 5), expected: .inProgress, request: "e1", workingDays: 5)
        let approved = try await step(store, .approveExtension, expected: .extensionRequested, request: "ok1")
        let moved = calendar.adding(workingDays: 5, to: before)
        #expect(approved.occurrence.due == moved)
        #expect(approved.occurrence.dueShift == 5)
        #expect(approved.occurrence.planDue == before)
        #expect(try await store.heldOccurrenceIDs() == [id])
        #expect(try await store.movedOccurrences().map(\.id) == [id])
        // The plans move the date by a day: the loop's date stays, the plans' is kept beside it.
        var rows = sampleRows(tasks: 2, units: 2)
        let index = try #require(rows.firstIndex { $0.id == id })
        rows[index].due = before.adding(days: 1)
        try await store.sync(rows)
        let after = try #require(try await store.state(of: id))
        #expect(after.due == moved)
        #expect(after.planDue == before.adding(days: 1))
        #expect(after.stage == .inProgress)
    }

    @Test("done, waive and reopen are compare-and-sets: a second done, a waive of a done one, a reopen of an open one are refused", arguments: StoreKind.allCases)
    func directChanges(kind: StoreKind) async throws {
        let test = try await makeStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let done = try await store.setState(id: id, to: .done, actor: root, note: nil, evidence: "文号", requestID: "d1")
        #expect(done.stage == .closed)
        for (state, request) in [(OccurrenceState.done, "d2"), (.waived, "w1")] {
            let error = await #expect(throws: StoreError.self) {
                _ = try await store.setState(id: id, to: state, actor: root, note: "x", evidence: nil, requestID: request)
            }
            #expect(error?.code == .stageChanged)
        }
        let reopened = try await store.setState(id: id, to: .open, actor: root, note: nil, evidence: nil, requestID: "r1")
        #expect(reopened.stage == .inProgress)
        let again = await #expect(throws: StoreError.self) {
            _ = try await store.setState(id: id, to: .open, actor: root, note: nil, evidence: nil, requestID: "r2")
        }
        #expect(again?.code == .stageChanged)
        // A retry of the first done still answers as the first time.
        #expect(try await store.setState(id: id, to: .done, actor: root, note: nil, evidence: "文号", requestID: "d1") == done)
        let steps = try await store.steps(of: [id])[id] ?? []
        #expect(steps.map(\.action) == ["done", "reopen"])
        #expect(steps.map(\.to) == [.closed, .inProgress])
        #expect(try await store.auditLog(target: id, limit: 10).count == 2)
    }

    @Test("the step's day is the civil day of the store's clock in the site's zone")
    func dayInZone() async throws {
        // 2025-01-01 20:00 UTC is 2025-01-02 04:00 in Shanghai.
        let clock = ManualClock(Date(timeIntervalSince1970: 1_735_761_600))
        let store = try SQLiteStateStore.inMemory(
            configuration: .init(now: { clock.now }, timeZone: TimeZone(identifier: "Asia/Shanghai")!))
        try await store.sync(sampleRows(tasks: 1, units: 1))
        let outcome = try await step(store, .acknowledge, expected: .assigned, request: "a1")
        #expect(outcome.step.day == CivilDate(year: 2025, month: 1, day: 2))
        #expect(outcome.occurrence.loop?.acknowledgedOn == CivilDate(year: 2025, month: 1, day: 2))
    }

    @Test("random steps by random principals: every step the policy allows and the store applies has its step row and its audit line; refusals write nothing; the stage stays one of the eight",
        arguments: [11, 12, 13] as [UInt64], StoreKind.allCases)
    func randomPrincipals(seed: UInt64, kind: StoreKind) async throws {
        let clock = ManualClock()
        let test = try await makeStore(kind, clock: clock)
        defer { test.dir.cleanup() }
        let store = test.store
        let directory = OrgDirectory(units: [
            OrgUnit(id: "top", name: "州教育局"), OrgUnit(id: "u0", name: "甲县", parent: "top"),
            OrgUnit(id: "u1", name: "乙县", parent: "top"),
        ])
        let principals: [[SupervisionRole]] = [
            [.officer(unit: "u0")], [.leader(unit: "u0")], [.leader(unit: "top")], [.supervisor], [.admin],
            [.officer(unit: "u1")], [],
        ]
        var rng = SeededGenerator(seed: seed)
        var applied = 0
        for index in 0..<120 {
            let roles = principals.randomElement(using: &rng)!
            var action = SupervisionAction.all.randomElement(using: &rng)!
            if case .requestExtension = action { action = .requestExtension(workingDays: Int.random(in: 1...5, using: &rng)) }
            let current = try #require(try await store.state(of: id))
            #expect(SupervisionState.allCases.contains(current.stage))
            guard case .allowed = SupervisionPolicy.decide(.act(action), roles: roles, unit: "u0", directory: directory)
            else { continue }
            // Half the time a stale view: the stage the asker saw is another one.
            let expected = Bool.random(using: &rng) ? current.stage : SupervisionState.allCases.randomElement(using: &rng)!
            do {
                _ = try await store.supervise(
                    id: id,
                    step: SupervisionStepRequest(
                        action: action.name, expected: expected, note: "第\(index)步", evidence: "佐证\(index)",
                        workingDays: { if case .requestExtension(let n) = action { n } else { nil } }()),
                    actor: zhang, requestID: "r\(index)", transition: transition(action))
                applied += 1
                #expect(expected == current.stage, "a step on a stage other than the one seen never applies")
            } catch let error as StoreError {
                #expect([.stageChanged, .invalidArgument, .conflict].contains(error.code), "\(error)")
            }
            clock.advance(by: 3_600 * Double(Int.random(in: 1...30, using: &rng)))
        }
        let steps = try await store.steps(of: [id])[id] ?? []
        let audit = try await store.auditLog(target: id, limit: 1_000)
        #expect(steps.count == applied)
        #expect(audit.count == applied, "one audit line per applied step, none lost")
        #expect(Set(steps.map(\.requestID)).count == applied)
        // The steps chain: each starts where the one before ended.
        for (previous, next) in zip(steps, steps.dropFirst()) { #expect(previous.to == next.from) }
    }
}
