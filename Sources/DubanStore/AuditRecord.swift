/// An audit entry as stored, with its position in the log.
public struct AuditRecord: Hashable, Sendable, Codable {
    /// Assigned by the store, strictly increasing, never reused; pass it as `before:` to page back.
    public var id: Int64
    public var entry: AuditEntry

    public init(id: Int64, entry: AuditEntry) {
        self.id = id
        self.entry = entry
    }
}
