/// A text in both languages duban speaks: `{"zh-Hans": "…", "en": "…"}`.
public struct LocalizedString: Hashable, Sendable, Codable {
    public var zhHans: String
    public var en: String

    public init(zhHans: String, en: String) {
        self.zhHans = zhHans
        self.en = en
    }

    enum CodingKeys: String, CodingKey {
        case zhHans = "zh-Hans"
        case en
    }

    /// The text for a locale tag: English for `en…`, Chinese otherwise.
    public func text(locale: String) -> String {
        locale.lowercased().hasPrefix("en") ? en : zhHans
    }
}
