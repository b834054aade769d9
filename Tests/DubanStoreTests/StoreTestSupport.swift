import DubanCalendar
import DubanStore
import DubanTesting
import Foundation
import Synchronization
import Testing

/// The backends the store conformance suite runs against. The suites parameterized by `StoreKind.allCases` use the
/// store only through `any StateStore` (``TestStore/store``), so a new backend (PostgreSQL) runs them unchanged once
/// it is a case here and ``TestStore/init(_:clock:)`` can open it; the suites that test SQLite itself (migrations,
/// the file's triggers, backups) open `SQLiteStateStore` by name.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    /// `DatabaseQueue()` in memory.
    case memory
    /// A WAL-mode `DatabasePool` on a file in a temporary directory.
    case file

    var testDescription: String { rawValue }
}

/// A wall clock a test sets by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_735_000_000)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    var configuration: SQLiteStateStore.Configuration {
        SQLiteStateStore.Configuration(now: { self.now })
    }
}

/// A store of the given kind, with the directory holding its file (for `.file`); clean up with `dir.cleanup()`.
struct TestStore {
    let store: any StateStore
    let dir: TemporaryDirectory
    let path: String?

    init(_ kind: StoreKind, clock: ManualClock = ManualClock()) throws {
        dir = try TemporaryDirectory()
        switch kind {
        case .memory:
            path = nil
            store = try SQLiteStateStore.inMemory(configuration: clock.configuration)
        case .file:
            let path = dir.url.appendingPathComponent("state.sqlite").path
            self.path = path
            store = try SQLiteStateStore.open(path: path, configuration: clock.configuration)
        }
    }
}

let zhang = Principal(uid: 1000, user: "zhang")
let root = Principal(uid: 0, user: "root")
let day2025 = CivilDate(year: 2025, month: 1, day: 1)!

/// `count` rows `plan/t<i>/u<j>/2025` spread over days from `start`, `units` units per task.
func sampleRows(plan: String = "p", tasks: Int, units: Int, start: CivilDate = day2025, spanDays: Int = 365)
    -> [OccurrenceRow]
{
    var rows: [OccurrenceRow] = []
    rows.reserveCapacity(tasks * units)
    for t in 0..<tasks {
        let due = start.adding(days: (t * 37) % spanDays)
        for u in 0..<units {
            rows.append(
                OccurrenceRow(
                    id: "\(plan)/t\(t)/u\(u)/2025", plan: plan, task: "t\(t)", org: "u\(u)", due: due))
        }
    }
    return rows
}
