/// A plugin protocol version, `MAJOR.MINOR`.
///
/// The host and a plugin can talk when their majors are equal. A minor version adds optional fields and methods
/// that an older peer ignores; a major version changes or removes something.
public struct ProtocolVersion: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// The version this module speaks: 1.2 (1.1 added digests, 1.2 the receiver, the delivery and the items'
    /// lines and lights, and `retryAfter` in failures).
    public static let current = ProtocolVersion(major: 1, minor: 2)

    /// Parses `1.0`, `1` (minor 0) or `1.2.3` (patch ignored); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            let major = Int(parts[0]), major >= 0
        else { return nil }
        let minor = parts.count > 1 ? Int(parts[1]) : 0
        guard let minor, minor >= 0 else { return nil }
        if parts.count == 3, Int(parts[2]) == nil { return nil }
        self.init(major: major, minor: minor)
    }

    /// True when a peer at `other` can be spoken to: the same major version.
    public func isCompatible(with other: ProtocolVersion) -> Bool {
        major == other.major
    }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: ProtocolVersion, rhs: ProtocolVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// Encoded as the string `"1.0"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = ProtocolVersion(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "not a protocol version (MAJOR.MINOR): \(text)"
            )
        }
        self = version
    }
}
