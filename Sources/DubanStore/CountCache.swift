internal import GRDB
import Synchronization

/// Totals of milestone pages (`SELECT count(*) …` for a filter), kept until the next commit that touches
/// `occurrence`. A page of 100 needs its total only for the pager, yet counting 30,000 rows costs more than
/// fetching the page; between changes the same filters come back again and again.
///
/// duband is the database's only writer: a change made by another process behind its back is not seen here
/// until duband's own next commit to `occurrence`.
final class CountCache: Sendable {
    private struct State {
        var generation = 0
        var totals: [String: Int] = [:]
    }

    /// Filters remembered at most; the cache empties when full.
    static let capacity = 512
    private let state = Mutex(State())

    /// The generation to pass back to ``store(_:total:generation:)``, read before the count's transaction starts.
    var generation: Int { state.withLock { $0.generation } }

    func total(for key: String) -> Int? {
        state.withLock { $0.totals[key] }
    }

    /// Keeps a count unless a commit has happened since `generation` was read (the count may predate it).
    func store(_ key: String, total: Int, generation: Int) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.totals.count >= Self.capacity { state.totals.removeAll(keepingCapacity: true) }
            state.totals[key] = total
        }
    }

    func invalidate() {
        state.withLock { state in
            state.generation += 1
            state.totals.removeAll(keepingCapacity: true)
        }
    }
}

/// Empties a ``CountCache`` after every commit that changed `occurrence` (one callback per transaction, not per
/// row).
final class OccurrenceCommitObserver: TransactionObserver {
    let cache: CountCache
    private var changed = false

    init(cache: CountCache) {
        self.cache = cache
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        eventKind.tableName == "occurrence"
    }

    func databaseDidChange(with event: DatabaseEvent) {
        changed = true
        stopObservingDatabaseChangesUntilNextTransaction()
    }

    func databaseDidCommit(_ db: Database) {
        if changed { cache.invalidate() }
        changed = false
    }

    func databaseDidRollback(_ db: Database) {
        changed = false
    }
}
