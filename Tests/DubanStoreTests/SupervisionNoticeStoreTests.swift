import DubanCalendar
import DubanStore
import DubanSupervision
import DubanTesting
import Foundation
import Testing

/// The 督办单 register: numbers per prefix and year without a gap or a repeat, idempotent by the ladder event's
/// key (a crash between issuing and delivering gives the same number again), concurrent issuers serialized,
/// the document kept as issued and append-only.
@Suite("Supervision notices in the store")
struct SupervisionNoticeStoreTests {
    func document(_ number: SupervisionNoticeNumber, day: CivilDate, item: String) -> SupervisionNoticeDocument {
        SupervisionNoticeDocument(
            number: number, issuedOn: day, item: item, title: "报送排查报告", plan: "演练", unitName: "康乐县教育局",
            copyTo: "临夏州教育局", deadline: day, workingDaysOverdue: 3,
            requirement: LocalizedText(zh: "立即办理", en: "act at once"), replyBy: day.adding(days: 5))
    }

    func issue(_ store: any StateStore, key: String, day: CivilDate, prefix: String = "临教督") async throws
        -> IssuedSupervisionNotice
    {
        try await store.issueSupervisionNotice(
            eventKey: key, occurrenceID: "p/t0/u0/2025", org: "u0", prefix: prefix, issuedOn: day
        ) { number in self.document(number, day: day, item: "p/t0/u0/2025") }
    }

    @Test("numbers run 1, 2, 3 per prefix and year; a repeated key returns its first number", arguments: StoreKind.allCases)
    func numbering(kind: StoreKind) async throws {
        let test = try TestStore(kind, clock: ManualClock())
        defer { test.dir.cleanup() }
        let store = test.store
        let day = try #require(CivilDate(year: 2026, month: 4, day: 9))
        let first = try await issue(store, key: "a#ladder-notice-1", day: day)
        let second = try await issue(store, key: "b#ladder-notice-1", day: day)
        let again = try await issue(store, key: "a#ladder-notice-1", day: day.adding(days: 30))
        let other = try await issue(store, key: "c#ladder-notice-1", day: day, prefix: "督")
        let nextYear = try await issue(store, key: "d#ladder-notice-1", day: try #require(CivilDate(year: 2027, month: 1, day: 4)))
        #expect(first.document.number.description == "临教督〔2026〕1号")
        #expect(second.document.number.description == "临教督〔2026〕2号")
        #expect(again == first, "the same event key is the same notice")
        #expect(other.document.number.description == "督〔2026〕1号")
        #expect(nextYear.document.number.description == "临教督〔2027〕1号")
        let found = try await store.supervisionNotice(number: "临教督〔2026〕2号")
        #expect(found?.eventKey == "b#ladder-notice-1")
        #expect(found?.document.copyTo == "临夏州教育局")
        #expect(try await store.supervisionNotices(occurrenceID: "p/t0/u0/2025", orgs: nil, limit: 100).count == 4)
        #expect(try await store.supervisionNotices(occurrenceID: nil, orgs: ["u9"], limit: 100).isEmpty)
    }

    @Test("32 concurrent issuers: 32 distinct numbers 1…32, no gap", arguments: StoreKind.allCases)
    func concurrent(kind: StoreKind) async throws {
        let test = try TestStore(kind, clock: ManualClock())
        defer { test.dir.cleanup() }
        let store = test.store
        let day = try #require(CivilDate(year: 2026, month: 4, day: 9))
        let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<32 {
                group.addTask { try await self.issue(store, key: "k\(index % 16)#ladder-notice-\(index / 16)", day: day).document.number.sequence }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(numbers.sorted() == Array(1...32))
    }
}
