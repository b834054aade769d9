import DubanCalendar
import DubanStore
import DubanTesting
import Foundation
import Testing

@Suite("Procedures and filtered pages")
struct ProcedureAndFilterTests {
    static let eventDay = CivilDate(year: 2025, month: 3, day: 3)!

    func startedRow(_ ref: String, due: CivilDate) -> OccurrenceRow {
        OccurrenceRow(id: "p/proc/u0/\(Self.eventDay).\(ref)", plan: "p", task: "proc", org: "u0", due: due)
    }

    @Test(
        "a started occurrence survives syncs of its plan, is idempotent and extends within its allowance",
        arguments: StoreKind.allCases
    )
    func startAndExtend(kind: StoreKind) async throws {
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let rows = sampleRows(tasks: 2, units: 2)
        try await store.sync(rows)
        let row = startedRow("GK-1", due: Self.eventDay.adding(days: 21))
        let started = try await store.startProcedure(
            row,
            eventDay: Self.eventDay,
            note: "收到申请",
            actor: zhang,
            requestID: "s1"
        )
        #expect(started.eventDay == Self.eventDay && started.state == .open && started.due == row.due)
        #expect(
            try await store.startProcedure(row, eventDay: Self.eventDay, note: "收到申请", actor: zhang, requestID: "s1")
                == started
        )
        let again = await #expect(throws: StoreError.self) {
            try await store.startProcedure(row, eventDay: Self.eventDay, note: nil, actor: zhang, requestID: "s2")
        }
        #expect(again?.code == .conflict)

        // A changed expansion of the plan archives what it drops, but not the started occurrence.
        try await store.sync(Array(rows.dropLast()))
        #expect(try await store.state(of: row.id)?.archived == false)
        #expect(try await store.startedOccurrences().map(\.id) == [row.id])

        // 延期: within the allowance, in total.
        let plusTen: @Sendable (CivilDate, Int) -> CivilDate = { due, days in due.adding(days: days) }
        let extended = try await store.extend(
            id: row.id,
            workingDays: 10,
            allowed: 15,
            reason: "征求第三方意见",
            actor: zhang,
            requestID: "e1",
            newDue: plusTen
        )
        #expect(extended.due == row.due.adding(days: 10) && extended.extendedDays == 10)
        let tooMuch = await #expect(throws: StoreError.self) {
            try await store.extend(
                id: row.id,
                workingDays: 6,
                allowed: 15,
                reason: "再延",
                actor: zhang,
                requestID: "e2",
                newDue: plusTen
            )
        }
        #expect(tooMuch?.code == .invalidArgument)
        let noReason = await #expect(throws: StoreError.self) {
            try await store.extend(
                id: row.id,
                workingDays: 1,
                allowed: 15,
                reason: " ",
                actor: zhang,
                requestID: "e3",
                newDue: plusTen
            )
        }
        #expect(noReason?.code == .invalidArgument)
        // Only occurrences started from events can be extended.
        let planned = await #expect(throws: StoreError.self) {
            try await store.extend(
                id: rows[0].id,
                workingDays: 1,
                allowed: 15,
                reason: "x",
                actor: zhang,
                requestID: "e4",
                newDue: plusTen
            )
        }
        #expect(planned?.code == .invalidArgument)
        let audit = try await store.auditLog(target: row.id, limit: 10)
        #expect(audit.map(\.entry.action) == ["extend", "start"])

        // The plan gone: archived with it; back: restored.
        try await store.sync([])
        #expect(try await store.state(of: row.id)?.archived == true)
        try await store.sync(rows)
        #expect(try await store.state(of: row.id)?.archived == false)
    }

    @Test("pages filter by state, due range, plan, tasks and orgs, with the total", arguments: StoreKind.allCases)
    func filteredPages(kind: StoreKind) async throws {
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let rows = sampleRows(tasks: 10, units: 5) + sampleRows(plan: "q", tasks: 2, units: 5)
        try await store.sync(rows)
        _ = try await store.setState(
            id: "p/t0/u0/2025",
            to: .done,
            actor: zhang,
            note: nil,
            evidence: nil,
            requestID: "d1"
        )

        let all = try await store.occurrences(matching: OccurrenceFilter(states: [], limit: 1_000))
        #expect(all.total == rows.count && all.records.count == rows.count)
        #expect(zip(all.records, all.records.dropFirst()).allSatisfy { ($0.due, $0.id) <= ($1.due, $1.id) })
        let open = try await store.occurrences(matching: OccurrenceFilter(limit: 7))
        #expect(open.records.count == 7 && open.total == rows.count - 1)
        let second = try await store.occurrences(matching: OccurrenceFilter(limit: 7, offset: 7))
        #expect(second.records.first?.id != open.records.first?.id && second.total == rows.count - 1)
        let done = try await store.occurrences(matching: OccurrenceFilter(states: [.done, .waived]))
        #expect(done.records.map(\.id) == ["p/t0/u0/2025"])
        let from = day2025.adding(days: 37)
        let through = day2025.adding(days: 74)
        let window = try await store.occurrences(
            matching: OccurrenceFilter(dueFrom: from, dueThrough: through, states: [], limit: 1_000)
        )
        #expect(window.total == rows.filter { $0.due >= from && $0.due <= through }.count)
        let q = try await store.occurrences(matching: OccurrenceFilter(states: [], plan: "q", limit: 1_000))
        #expect(q.total == 10)
        let tasks = try await store.occurrences(
            matching: OccurrenceFilter(
                states: [],
                tasks: [.init(plan: "p", task: "t3"), .init(plan: "q", task: "t1")],
                orgs: ["u1", "u2"],
                limit: 1_000
            )
        )
        #expect(Set(tasks.records.map(\.id)) == ["p/t3/u1/2025", "p/t3/u2/2025", "q/t1/u1/2025", "q/t1/u2/2025"])
        #expect(try await store.occurrences(matching: OccurrenceFilter(orgs: [])).total == 0)

        let counts = try await store.taskCounts(
            orgs: ["u0"],
            overdueThrough: day2025.adding(days: 40),
            openFrom: day2025
        )
        let t0 = try #require(counts.first { $0.plan == "p" && $0.task == "t0" })
        #expect(t0.total == 1 && t0.open == 0 && t0.overdue == 0)
        let t1 = try #require(counts.first { $0.plan == "p" && $0.task == "t1" })
        #expect(t1.open == 1 && t1.overdue == 1 && t1.nextOpenDue == day2025.adding(days: 37))
    }

    @Test(
        "a page's total follows every change: done, reopen, a sync that adds and archives",
        arguments: StoreKind.allCases
    )
    func pageTotalsFollowChanges(kind: StoreKind) async throws {
        let test = try TestStore(kind)
        defer { test.dir.cleanup() }
        let store = test.store
        let rows = sampleRows(tasks: 10, units: 5)
        try await store.sync(rows)
        #expect(try await store.occurrences(matching: OccurrenceFilter(limit: 3)).total == rows.count)
        #expect(
            try await store.occurrences(matching: OccurrenceFilter(limit: 3)).total == rows.count,
            "asked again, unchanged"
        )
        _ = try await store.setState(
            id: "p/t0/u0/2025",
            to: .done,
            actor: zhang,
            note: nil,
            evidence: nil,
            requestID: "c1"
        )
        #expect(try await store.occurrences(matching: OccurrenceFilter(limit: 3)).total == rows.count - 1)
        _ = try await store.setState(
            id: "p/t0/u0/2025",
            to: .open,
            actor: zhang,
            note: nil,
            evidence: nil,
            requestID: "c2"
        )
        #expect(try await store.occurrences(matching: OccurrenceFilter(limit: 3)).total == rows.count)
        let more = sampleRows(tasks: 12, units: 5)
        try await store.sync(more)
        #expect(try await store.occurrences(matching: OccurrenceFilter(limit: 3)).total == more.count)
        try await store.sync(Array(more.prefix(20)))
        #expect(try await store.occurrences(matching: OccurrenceFilter(limit: 3)).total == 20)
        let tally = try await store.openTally()
        #expect(tally.total == 20 && tally.open == 20)
    }
}
