/// A time expression that cannot be read without guessing, or that names a day that does not exist.
///
/// `message` quotes the text in both languages. `code` is one of the `Code` constants; new codes may be added,
/// so callers should treat an unknown code like `Code.unrecognized`.
public struct TimeExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The expression as written.
    public var text: String
    /// A stable identifier of the problem, one of the `Code` constants.
    public var code: String
    /// What is wrong, in Chinese and English.
    public var message: LocalizedText

    public init(text: String, code: String, message: LocalizedText) {
        self.text = text
        self.code = code
        self.message = message
    }

    /// The Chinese message.
    public var description: String { message.zh }

    /// The error codes `TimeExpression.interpret` throws.
    public enum Code {
        /// Nothing but whitespace and punctuation.
        public static let empty = "time-empty"
        /// No time expression duban knows.
        public static let unrecognized = "time-unrecognized"
        /// A date that does not exist: 2023年2月30日, 13月, 第5季度.
        public static let invalidDate = "time-invalid-date"
        /// A year outside 1900–2199, most likely a typo.
        public static let yearOutOfRange = "time-year-out-of-range"
        /// A range whose end comes before its start: 2025—2022年.
        public static let reversedRange = "time-reversed-range"
        /// A vague time word with no date: 尽快, 早日, 及时, 限期, 中期.
        public static let vague = "time-vague"
        /// 定期: a recurrence whose period the text does not state; the plan file must supply it.
        public static let periodUnstated = "time-period-unstated"
        /// Relative to an anchor the text does not give: 五年后, 通过5年努力, 明年.
        public static let relative = "time-relative"
        /// A baseline or cut-off (截至2020年底), not a deadline.
        public static let baseline = "time-baseline"
        /// A bare duration such as 3年: a span of years or a cycle, not a date.
        public static let ambiguousDuration = "time-ambiguous-duration"
        /// A form duban recognizes but cannot represent, such as a fixed day inside a recurrence (每年6月底前).
        public static let unsupported = "time-unsupported"
        /// A number longer than any a time expression holds: a year has 4 digits, a count (working days, days,
        /// months, times, rounds) at most 3 (1–999). Most likely a typo (99999999999999999999个工作日内).
        public static let numberOutOfRange = "time-number-out-of-range"
    }
}
