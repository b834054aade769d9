/// A quota occurrence's progress: the sum achieved and the entries that make it up, oldest first.
public struct OccurrenceProgress: Hashable, Sendable, Codable {
    public var occurrenceID: String
    public var total: Double
    public var entries: [ProgressEntry]

    public init(occurrenceID: String, total: Double, entries: [ProgressEntry]) {
        self.occurrenceID = occurrenceID
        self.total = total
        self.entries = entries
    }
}
