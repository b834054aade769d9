/// Splits a byte stream into `\n`-terminated lines with a size limit, without ever holding more than the limit.
///
/// A line longer than ``maximumLineBytes`` is reported once as ``Item/oversized(_:)`` and its bytes are dropped
/// up to the next newline, so a flood of output costs no memory. A trailing `\r` is removed. The host treats an
/// oversized line on stdout as a fault; on stderr it logs the truncated start.
public struct LineFramer: Sendable {
    /// One framing result.
    public enum Item: Hashable, Sendable {
        /// A complete line without its terminator.
        case line([UInt8])
        /// A line exceeded the limit; carries its first ``LineFramer/maximumLineBytes`` bytes.
        case oversized(prefix: [UInt8])
    }

    /// The longest line accepted, in bytes, excluding the newline.
    public let maximumLineBytes: Int
    private var buffer: [UInt8] = []
    private var discarding = false
    /// Bytes received so far (lines, terminators and dropped bytes).
    public private(set) var totalBytes = 0

    public init(maximumLineBytes: Int) {
        precondition(maximumLineBytes > 0)
        self.maximumLineBytes = maximumLineBytes
    }

    /// Feeds bytes; returns the lines they complete.
    public mutating func append(_ bytes: some Collection<UInt8>) -> [Item] {
        var items: [Item] = []
        totalBytes += bytes.count
        var start = bytes.startIndex
        while start != bytes.endIndex {
            let newline = bytes[start...].firstIndex(of: 0x0A)
            let end = newline ?? bytes.endIndex
            let piece = bytes[start..<end]
            if !discarding {
                let room = maximumLineBytes - buffer.count
                if piece.count <= room {
                    buffer.append(contentsOf: piece)
                } else {
                    buffer.append(contentsOf: piece.prefix(room))
                    items.append(.oversized(prefix: buffer))
                    buffer.removeAll(keepingCapacity: false)
                    discarding = true
                }
            }
            guard let newline else { break }
            if !discarding {
                if buffer.last == 0x0D { buffer.removeLast() }
                items.append(.line(buffer))
            }
            buffer.removeAll(keepingCapacity: true)
            discarding = false
            start = bytes.index(after: newline)
        }
        return items
    }

    /// At end of stream: the unterminated last line, if any.
    public mutating func finish() -> Item? {
        defer {
            buffer.removeAll()
            discarding = false
        }
        if discarding || buffer.isEmpty { return nil }
        return .line(buffer)
    }

    /// Bytes held for the current unfinished line.
    public var bufferedBytes: Int { buffer.count }
}
