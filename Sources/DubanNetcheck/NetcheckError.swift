/// Why an inventory (or one of its rows) could not be read: a stable code, the 1-based line, and a message in
/// both languages (`中文 / English`).
public struct NetcheckError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of problem.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case csv
            case header
            case row
            case settings
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The text is not well-formed CSV.
        public static let csv = Code(.csv)
        /// The header row lacks a required column or repeats one.
        public static let header = Code(.header)
        /// A row has a value that cannot be read (a bandwidth that is not a number, an unknown urban/rural class).
        public static let row = Code(.row)
        /// The plugin settings are wrong.
        public static let settings = Code(.settings)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// 1-based line in the inventory; 0 when the problem is not on a line.
    public var line: Int
    public var message: String

    public init(code: Code, line: Int = 0, message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    /// `第12行:… / line 12: …` style, with the line first when there is one.
    public var description: String { line > 0 ? "第\(line)行 line \(line): \(message)" : message }
}
