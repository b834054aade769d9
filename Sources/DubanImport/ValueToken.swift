import Foundation

/// A measured amount in a clause: `98%`, `1所`, `3—5所`, `24万平方米`, `1:20`, `百场`, `全覆盖`.
struct ValueToken: Hashable {
    /// Character offsets into the clause text.
    var range: Range<Int>
    var value: Double
    var valueMax: Double?
    /// `%`, `所`, `名`, `万人` folded to `人` with the value scaled …; `1:N` or `N:1` for ratios.
    var unit: String
    /// True for 全覆盖 / 覆盖全体 / 全面接入: 100% written in words.
    var fullCoverage: Bool = false

    /// True for a staffing or equipment ratio (师生比 1:20, 生机比 12:1).
    var isRatio: Bool { unit == "1:N" || unit == "N:1" }
}
