/// Chinese plan time expressions (`2022年年底前`, `2022—2025年`, `“十四五”期间`, `每年不少于2次`,
/// `15个工作日内`) read into dates and schedule rules.
///
/// Reading is two steps: `normalize(_:)` folds the many ways documents write the same thing (full-width digits,
/// Traditional characters, dash styles, Chinese numerals, labels and punctuation) and `interpret(_:conventions:)`
/// reads the folded text. What the text leaves unsaid (年初, 学期末, 上旬, N月前) comes from `TimeConventions`, and
/// every interpretation lists the conventions it used. Anything unreadable or impossible throws; nothing is guessed.
public enum TimeExpression {
    /// Reads `text`.
    ///
    /// - Parameters:
    ///   - text: a time expression as written, possibly with a label (`完成时限:`) and trailing punctuation.
    ///   - conventions: the readings of what the text leaves open.
    /// - Returns: the dates, window, recurrence, cycle or limit the text states.
    /// - Throws: `TimeExpressionError` for text with no readable time expression, an impossible date (2023年2月30日),
    ///   a reversed range, or a word with no date (尽快, 定期, 五年后).
    public static func interpret(
        _ text: String, conventions: TimeConventions = .default
    ) throws(TimeExpressionError) -> TimeInterpretation {
        try ExpressionParser(text: text, conventions: conventions).interpret(normalize(text))
    }

    /// The folding step `interpret` starts with: full-width and Traditional characters, dashes, Chinese numerals,
    /// ranges, labels, brackets and redundant 前. See `ExpressionNormalizer` for the full list.
    ///
    /// `normalize("完成时限:二〇二二年年底前。")` is `"2022年年底"`.
    public static func normalize(_ text: String) -> String {
        ExpressionNormalizer.normalize(text)
    }
}
