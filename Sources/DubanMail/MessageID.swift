/// `Message-ID`s derived from an event key, so a retried delivery carries the id of the first attempt and a
/// mailbox (or a person) can tell a repeat from a new message.
public enum MessageID {
    /// `<duban.HEX@domain>`: 32 hex digits of two 64-bit FNV-1a hashes of the key's UTF-8 bytes (different offset
    /// bases), and the sender's domain (`localhost` without one). Deterministic across runs and machines.
    public static func derive(fromKey key: String, domain: String?) -> String {
        let bytes = Array(key.utf8)
        let high = fnv1a(bytes, basis: 0xcbf2_9ce4_8422_2325)
        let low = fnv1a(bytes, basis: 0x6c62_272e_07bb_0142)
        let host = domain.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        return "<duban." + hex(high) + hex(low) + "@" + host + ">"
    }

    static func fnv1a(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
