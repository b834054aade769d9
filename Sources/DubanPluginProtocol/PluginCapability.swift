/// What a plugin does: `notifier` (receives `notify`), `checker` (receives `check`), `importer` (receives
/// `import`). A plugin may have several.
///
/// A struct over a string rather than an enum, so a later minor version can add capabilities that an older host
/// reads and ignores (``isKnown``).
public struct PluginCapability: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Delivers notifications (`notify`).
    public static let notifier = PluginCapability(rawValue: "notifier")
    /// Checks tasks against an outside source (`check`).
    public static let checker = PluginCapability(rawValue: "checker")
    /// Turns a document into a draft plan (`import`).
    public static let importer = PluginCapability(rawValue: "importer")

    /// The capabilities protocol 1.0 defines.
    public static let known: [PluginCapability] = [.notifier, .checker, .importer]

    /// True for a capability this version of the protocol defines.
    public var isKnown: Bool { PluginCapability.known.contains(self) }

    /// The method a host calls on a plugin with this capability.
    public var method: PluginMethod? {
        switch rawValue {
        case "notifier": .notify
        case "checker": .check
        case "importer": .import
        default: nil
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: PluginCapability, rhs: PluginCapability) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The methods the host calls on a plugin.
public enum PluginMethod: String, Hashable, Sendable, Codable, CaseIterable {
    case initialize
    case notify
    case check
    case `import`
    case shutdown
}
