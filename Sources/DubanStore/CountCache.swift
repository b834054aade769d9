internal import GRDB
internal import Synchronization

/// Totals of milestone pages (`SELECT count(*) …` for a filter), kept while the store's ``StoreVersion`` stays the
/// same. A page of 100 needs its total only for the pager, yet counting 30,000 rows costs more than fetching the
/// page; between changes the same filters come back again and again.
///
/// The version covers commits by this process (counted by ``CommitCounter``) and by any other connection to the
/// file (SQLite's `PRAGMA data_version` on the writer connection), so a change made behind duband's back is seen
/// at the next query.
final class CountCache: Sendable {
    private struct State {
        var version: StoreVersion?
        var totals: [String: Int] = [:]
    }

    /// Filters remembered at most; the cache empties when full.
    static let capacity = 512
    private let state = Mutex(State())

    /// The total counted for `key` at `version`, if any.
    func total(for key: String, at version: StoreVersion) -> Int? {
        state.withLock { state in
            guard state.version == version else { return nil }
            return state.totals[key]
        }
    }

    /// Keeps a count made at `version` (read before the count's transaction began); totals of other versions go.
    func store(_ key: String, total: Int, at version: StoreVersion) {
        state.withLock { state in
            if state.version != version {
                state.version = version
                state.totals.removeAll(keepingCapacity: true)
            }
            if state.totals.count >= Self.capacity { state.totals.removeAll(keepingCapacity: true) }
            state.totals[key] = total
        }
    }
}

/// Counts the commits of this process that changed anything (one callback per transaction, not per row): the
/// local half of ``StateStore/changeVersion()``.
final class CommitCounter: TransactionObserver, Sendable {
    let commits = Atomic<Int>(0)
    /// Whether the transaction in progress changed a row (observers run on the writer's queue, one at a time).
    private let changed = Atomic<Bool>(false)

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }

    func databaseDidChange(with event: DatabaseEvent) {
        changed.store(true, ordering: .relaxed)
        stopObservingDatabaseChangesUntilNextTransaction()
    }

    func databaseDidCommit(_ db: Database) {
        if changed.exchange(false, ordering: .relaxed) { commits.add(1, ordering: .releasing) }
    }

    func databaseDidRollback(_ db: Database) {
        changed.store(false, ordering: .relaxed)
    }
}
