/// What one ``StateStore/sync(_:)`` changed.
public struct SyncReport: Hashable, Sendable, Codable {
    /// Rows in the expansion given.
    public var total: Int
    /// Ids seen for the first time, stored as open.
    public var inserted: Int
    /// Known ids whose plan, task, org or due date changed, or that were archived and came back.
    public var updated: Int
    /// Of `updated`: ids that were archived and reappeared (their recorded state is in force again).
    public var restored: Int
    /// Ids no longer in the expansion, newly archived.
    public var archived: Int

    public init(total: Int = 0, inserted: Int = 0, updated: Int = 0, restored: Int = 0, archived: Int = 0) {
        self.total = total
        self.inserted = inserted
        self.updated = updated
        self.restored = restored
        self.archived = archived
    }
}
