internal import DubanCalendar

/// An order-independent fingerprint of one plan's rows in an expansion, so ``SQLiteStateStore/sync(_:)`` can
/// skip plans whose occurrences did not change (a reload usually edits one plan of many).
///
/// Each row (id, task, org, due) is hashed with 64-bit FNV-1a; the digest is the row count with the sum and the
/// xor of the row hashes, so it does not depend on the order rows arrive in. It is not cryptographic: two
/// different expansions of a plan share a digest with a probability near 2⁻⁶⁴, and plan files are written by the
/// bureau's own admins, not an adversary.
struct PlanDigest: Hashable, Sendable {
    private(set) var rows = 0
    private var sum: UInt64 = 0
    private var xor: UInt64 = 0

    /// Adds one row.
    mutating func add(_ row: OccurrenceRow) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        for byte in row.id.utf8 { mix(byte) }
        mix(0)
        for byte in row.task.utf8 { mix(byte) }
        mix(0)
        for byte in row.org.utf8 { mix(byte) }
        mix(0)
        var due = UInt64(bitPattern: Int64(row.due.dayNumber))
        for _ in 0..<8 {
            mix(UInt8(truncatingIfNeeded: due))
            due >>= 8
        }
        rows += 1
        sum = sum &+ hash
        xor ^= hash
    }

    /// `rows:sum:xor` in hex, as stored in `plan_digest.digest`.
    var text: String {
        "\(rows):\(String(sum, radix: 16)):\(String(xor, radix: 16))"
    }
}
