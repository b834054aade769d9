import DubanCalendar
import DubanCore
import DubanStore
import DubanTesting
import Foundation
import GRDB
import Testing

@Suite("Sync")
struct SyncTests {
    @Test("new ids are inserted open; a re-sync of the same expansion changes nothing", arguments: StoreKind.allCases)
    func insertsAndIsStable(kind: StoreKind) async throws {
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        let rows = sampleRows(tasks: 10, units: 3)
        let first = try await test.store.sync(rows)
        #expect(first == SyncReport(total: 30, inserted: 30, updated: 0, restored: 0, archived: 0))
        let second = try await test.store.sync(rows)
        #expect(second == SyncReport(total: 30, inserted: 0, updated: 0, restored: 0, archived: 0))
        let record = try #require(try await test.store.state(of: "p/t2/u1/2025"))
        #expect(record.state == .open)
        #expect(record.plan == "p" && record.task == "t2" && record.org == "u1")
        #expect(record.due == day2025.adding(days: 74))
        #expect(!record.archived)
    }

    @Test("state survives a changed expansion: removed ids are archived with their state, and come back with it",
        arguments: StoreKind.allCases)
    func keepsStateAcrossExpansions(kind: StoreKind) async throws {
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let rows = sampleRows(tasks: 4, units: 2)
        try await store.sync(rows)
        _ = try await store.setState(
            id: "p/t1/u0/2025", to: .done, actor: zhang, note: "办结", evidence: "文号123", requestID: "a")
        _ = try await store.setState(
            id: "p/t3/u1/2025", to: .waived, actor: zhang, note: "不适用", evidence: nil, requestID: "b")

        // Task t1 is removed from the plans, t2's due date moves, a new task t9 appears.
        var changed = rows.filter { $0.task != "t1" }
        for i in changed.indices where changed[i].task == "t2" { changed[i].due = changed[i].due.adding(days: 10) }
        changed.append(OccurrenceRow(id: "p/t9/u0/2025", plan: "p", task: "t9", org: "u0", due: day2025))
        let report = try await store.sync(changed)
        #expect(report == SyncReport(total: 7, inserted: 1, updated: 2, restored: 0, archived: 2))

        let removed = try #require(try await store.state(of: "p/t1/u0/2025"))
        #expect(removed.archived)
        #expect(removed.state == .done)
        #expect(removed.note == "办结" && removed.evidence == "文号123" && removed.actor == "zhang")
        #expect(try await store.state(of: "p/t2/u0/2025")?.due == day2025.adding(days: 84))
        #expect(try await store.state(of: "p/t3/u1/2025")?.state == .waived)
        #expect(try await store.closedOccurrenceIDs() == ["p/t1/u0/2025", "p/t3/u1/2025"])

        // An archived occurrence refuses new records.
        let refused = await #expect(throws: StoreError.self) {
            try await store.setState(
                id: "p/t1/u1/2025", to: .done, actor: zhang, note: nil, evidence: nil, requestID: "c")
        }
        #expect(refused?.code == .conflict)

        // t1 comes back: un-archived, state intact.
        let back = try await store.sync(rows)
        #expect(back == SyncReport(total: 8, inserted: 0, updated: 4, restored: 2, archived: 1))
        let restored = try #require(try await store.state(of: "p/t1/u0/2025"))
        #expect(!restored.archived)
        #expect(restored.state == .done && restored.note == "办结")
        #expect(try await store.state(of: "p/t9/u0/2025")?.archived == true)
    }

    @Test("an expansion with a repeated id is refused whole", arguments: StoreKind.allCases)
    func refusesDuplicates(kind: StoreKind) async throws {
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        try await test.store.sync(sampleRows(tasks: 2, units: 1))
        var rows = sampleRows(plan: "q", tasks: 300, units: 1)
        rows.append(rows[250])
        let error = await #expect(throws: StoreError.self) { try await test.store.sync(rows) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.en.contains("q/t250/u0/2025") == true)
        // Nothing of the refused sync is applied: the earlier rows are not archived, the new ones absent.
        #expect(try await test.store.state(of: "p/t1/u0/2025")?.archived == false)
        #expect(try await test.store.state(of: "q/t0/u0/2025") == nil)
    }

    @Test("rows built from a schedule carry its stable ids and sync as they are", arguments: StoreKind.allCases)
    func rowsFromSchedule(kind: StoreKind) async throws {
        let task = PlanTask(
            id: "t", title: "建立县级资源库", kind: .deadline, assignees: ["all"],
            due: PlanBuilder.due(CivilDate(year: 2022, month: 12, day: 30)!))
        let schedule = Schedule(
            plans: [Plan(id: "p", title: "计划", tasks: [task])], directory: PlanBuilder.directory(units: 3),
            calendar: .weekendsOnly)
        let occurrences = schedule.expand(from: CivilDate(year: 2022, month: 1, day: 1)!, through: CivilDate(year: 2023, month: 12, day: 31)!)
        let rows = occurrences.map { OccurrenceRow($0, in: schedule) }
        #expect(rows.map(\.id) == ["p/t/u000/once", "p/t/u001/once", "p/t/u002/once"])
        #expect(rows[1].taskKey == TaskKey(plan: "p", task: "t", org: "u001"))
        #expect(rows[1].taskKey.description == "p/t/u001")
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        #expect(try await test.store.sync(rows) == SyncReport(total: 3, inserted: 3))
        #expect(try await test.store.state(of: "p/t/u001/once")?.due == occurrences[1].due)
    }

    @Test("sync of 1,000,000 rows completes (times printed, not asserted)")
    func millionRows() async throws {
        let test = try TestStore(.file)
        defer { test.dir.cleanup() }
        let rows = millionSampleRows()
        let clock = ContinuousClock()
        var report = SyncReport()
        let first = try await clock.measure { report = try await test.store.sync(rows) }
        #expect(report == SyncReport(total: 1_000_000, inserted: 1_000_000))
        let unchanged = try await clock.measure { report = try await test.store.sync(rows) }
        #expect(report == SyncReport(total: 1_000_000))
        // One plan edited: a task removed (100 rows archived), another task's due date moved (100 rows updated).
        var edited = rows.filter { !($0.plan == "p42" && $0.task == "t7") }
        for i in edited.indices where edited[i].plan == "p42" && edited[i].task == "t8" {
            edited[i].due = edited[i].due.adding(days: 1)
        }
        let onePlan = try await clock.measure { report = try await test.store.sync(edited) }
        #expect(report == SyncReport(total: 999_900, updated: 100, archived: 100))
        let size = try FileManager.default.attributesOfItem(atPath: try #require(test.path))[.size] as? Int ?? 0
        print(
            "sync 1,000,000 rows: first \(first), unchanged \(unchanged), one plan edited \(onePlan); "
                + "file \(size / 1_048_576) MiB")
    }

    @Test("a plan dropped from the expansion has all its rows archived; state comes back with it", arguments: StoreKind.allCases)
    func planRemoved(kind: StoreKind) async throws {
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let a = sampleRows(plan: "a", tasks: 3, units: 2)
        let b = sampleRows(plan: "b", tasks: 2, units: 2)
        try await store.sync(a + b)
        _ = try await store.setState(id: "b/t1/u1/2025", to: .done, actor: zhang, note: nil, evidence: nil, requestID: "r")
        #expect(try await store.sync(a) == SyncReport(total: 6, archived: 4))
        #expect(try await store.state(of: "b/t1/u1/2025")?.archived == true)
        #expect(try await store.sync(b + a) == SyncReport(total: 10, updated: 4, restored: 4))
        let back = try #require(try await store.state(of: "b/t1/u1/2025"))
        #expect(!back.archived && back.state == .done)
    }

    @Test("ids that do not start with their plan are refused", arguments: StoreKind.allCases)
    func idMustStartWithPlan(kind: StoreKind) async throws {
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        for row in [
            OccurrenceRow(id: "x/t/u/once", plan: "p", task: "t", org: "u", due: day2025),
            OccurrenceRow(id: "p", plan: "p", task: "t", org: "u", due: day2025),
            OccurrenceRow(id: "", plan: "", task: "t", org: "u", due: day2025),
        ] {
            let error = await #expect(throws: StoreError.self) { try await store.sync([row]) }
            #expect(error?.code == .invalidArgument)
        }
    }
}

/// 1,000,000 rows: 100 plans × 100 tasks × 100 units, due dates over five years from 2022.
func millionSampleRows() -> [OccurrenceRow] {
    var rows: [OccurrenceRow] = []
    rows.reserveCapacity(1_000_000)
    for p in 0..<100 {
        let plan = p < 10 ? "p0\(p)" : "p\(p)"
        rows += sampleRows(
            plan: plan, tasks: 100, units: 100, start: CivilDate(year: 2022, month: 1, day: 1)!.adding(days: p * 13),
            spanDays: 1_826 - 100 * 13)
    }
    return rows
}
