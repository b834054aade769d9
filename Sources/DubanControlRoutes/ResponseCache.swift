import DubanCalendar
import DubanControlAPI
import DubanStore
import Foundation
import Synchronization

/// Encoded answers of reads, each kept with what it was computed from and reused while that is unchanged: the
/// store's ``StoreVersion`` (which moves with every commit, this process's or another writer's), the plans in force
/// (their generation), today and the last overdue day. A change is therefore seen by the very next request, and a
/// clock that crosses a day boundary (or the overdue cut-off) recomputes the answer.
///
/// Each entry also carries an `ETag` (a hash of the bytes), so a client holding an answer can ask again with
/// `If-None-Match` and get `304` without a body. At most ``capacity`` answers and ``maximumTotalBytes`` are held
/// (the oldest go when either is reached); bodies over ``maximumBodyBytes`` are not kept.
final class ResponseCache: Sendable {
    /// What a store-backed read depends on besides its request.
    struct ReadBasis: Hashable, Sendable {
        var version: StoreVersion
        var generation: UInt64
        var today: CivilDate
        var overdueThrough: CivilDate
    }

    /// What an answer was computed from: a store-backed read's basis, or the status body itself.
    enum Basis: Hashable, Sendable {
        case read(ReadBasis)
        case status(StatusBody)
        case constant
    }

    struct Entry: Sendable {
        var basis: Basis
        var body: Data
        var etag: String
        var serial: UInt64
    }

    struct Entries: Sendable {
        var bySlot: [String: Entry] = [:]
        var serial: UInt64 = 0
        var bytes = 0
    }

    let capacity: Int
    let maximumBodyBytes: Int
    let maximumTotalBytes: Int
    private let entries = Mutex(Entries())

    init(capacity: Int = 256, maximumBodyBytes: Int = 4 << 20, maximumTotalBytes: Int = 32 << 20) {
        self.capacity = capacity
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumTotalBytes = max(maximumTotalBytes, maximumBodyBytes)
    }

    /// The cached answer of `slot` when it was computed from `basis`.
    func lookup(_ slot: String, basis: Basis) -> Entry? {
        entries.withLock { state in
            guard let entry = state.bySlot[slot], entry.basis == basis else { return nil }
            return entry
        }
    }

    /// Keeps `body` as the answer of `slot` computed from `basis`; returns its entry (with the ETag). The byte
    /// budget counts the slot too: a slot is the request's query, and queries come from clients.
    @discardableResult
    func store(_ slot: String, basis: Basis, body: Data) -> Entry {
        var entry = Entry(basis: basis, body: body, etag: Self.etag(of: body), serial: 0)
        let cost = Self.cost(slot, entry)
        guard body.count <= maximumBodyBytes, cost <= maximumTotalBytes else { return entry }
        entries.withLock { state in
            state.serial += 1
            entry.serial = state.serial
            if let old = state.bySlot.removeValue(forKey: slot) { state.bytes -= Self.cost(slot, old) }
            if state.bySlot.count >= capacity || state.bytes + cost > maximumTotalBytes {
                // Drop the oldest answers down to three quarters of either bound: evictions stay rare, and the
                // slots that matter come straight back.
                for (old, kept) in state.bySlot.sorted(by: { $0.value.serial < $1.value.serial }) {
                    if state.bySlot.count < capacity * 3 / 4, state.bytes + cost <= maximumTotalBytes * 3 / 4 {
                        break
                    }
                    state.bySlot[old] = nil
                    state.bytes -= Self.cost(old, kept)
                }
            }
            state.bySlot[slot] = entry
            state.bytes += cost
        }
        return entry
    }

    /// What an entry counts against the byte budget: its body and its slot.
    static func cost(_ slot: String, _ entry: Entry) -> Int { entry.body.count + slot.utf8.count }

    /// How many answers are held, and their bytes (for tests).
    var count: Int { entries.withLock { $0.bySlot.count } }
    var bytes: Int { entries.withLock { $0.bytes } }

    /// A strong ETag: the quoted FNV-1a 64-bit hash of the bytes and their length.
    static func etag(of body: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return "\"" + String(hash, radix: 16) + "-" + String(body.count, radix: 16) + "\""
    }

    /// Whether `If-None-Match` names `etag` (a list, `*`, or weak `W/` forms, as RFC 9110 §13.1.2 compares).
    static func matches(_ ifNoneMatch: String?, etag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        for candidate in ifNoneMatch.split(separator: ",") {
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            if tag == etag { return true }
        }
        return false
    }
}
