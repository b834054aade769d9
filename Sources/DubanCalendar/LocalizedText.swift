/// The languages duban speaks to people: Simplified Chinese first, English available.
public enum Language: String, Sendable, Codable, CaseIterable {
    case zhHans = "zh-Hans"
    case en = "en"

    /// Picks the language from POSIX locale variables (`LC_ALL`, `LC_MESSAGES`, `LANG`):
    /// English when the first one set starts with `en`, Chinese otherwise (officials read Chinese).
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .zhHans
            }
        }
        return .zhHans
    }

    /// Parses `zh`, `zh-Hans`, `zh_CN`, `en`, `en_US.UTF-8` and similar.
    public init?(tag: String) {
        let lower = tag.lowercased()
        if lower.hasPrefix("zh") {
            self = .zhHans
        } else if lower.hasPrefix("en") {
            self = .en
        } else {
            return nil
        }
    }
}

/// A user-facing message in both languages.
public struct LocalizedText: Hashable, Sendable, Codable, CustomStringConvertible {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        language == .en ? en : zh
    }

    /// Chinese, the default.
    public var description: String { zh }
}
