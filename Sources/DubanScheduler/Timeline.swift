/// A binary min-heap of pending events: O(log n) push and pop, O(1) peek.
///
/// Removal is lazy: the state machine leaves entries of closed occurrences in place and drops them when they
/// reach the top, so closing an occurrence costs nothing here whatever the timeline's size.
struct Timeline: Sendable {
    private(set) var entries: [TimelineEntry] = []

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }
    /// Bytes reserved for entries.
    var reservedBytes: Int { entries.capacity * MemoryLayout<TimelineEntry>.stride }

    /// The earliest entry.
    var first: TimelineEntry? { entries.first }

    mutating func push(_ entry: TimelineEntry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child] < entries[parent] else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry.
    @discardableResult
    mutating func pop() -> TimelineEntry? {
        guard let top = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown(from: 0)
        }
        return top
    }

    /// Releases spare capacity when the heap has shrunk to under a quarter of it.
    mutating func trim() {
        if entries.capacity > 1024 && entries.count < entries.capacity / 4 {
            entries = Array(entries)
        }
    }

    mutating func removeAll() {
        entries = []
    }

    private mutating func siftDown(from index: Int) {
        var parent = index
        let count = entries.count
        while true {
            let left = 2 * parent + 1
            if left >= count { return }
            let right = left + 1
            var smallest = left
            if right < count && entries[right] < entries[left] { smallest = right }
            guard entries[smallest] < entries[parent] else { return }
            entries.swapAt(smallest, parent)
            parent = smallest
        }
    }
}
