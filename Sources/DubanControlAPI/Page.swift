/// One page of a list: the items, how many match in all, and the paging that produced it.
public struct Page<Item: Codable & Sendable & Hashable>: Hashable, Sendable, Codable {
    public var items: [Item]
    /// Items matching the filters, over all pages.
    public var total: Int
    public var limit: Int
    public var offset: Int

    public init(items: [Item], total: Int, limit: Int, offset: Int) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
    }
}
