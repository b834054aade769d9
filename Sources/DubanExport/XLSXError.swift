/// Why ``XLSXWriter`` could not write a workbook: a stable code, the sheet at fault (empty when none) and a message.
public struct XLSXError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier such as `too-many-rows`; see ``Code``.
    public var code: String
    /// The sheet's name as given; empty when the whole workbook is at fault.
    public var sheet: String
    public var message: String

    public init(code: String, sheet: String = "", message: String) {
        self.code = code
        self.sheet = sheet
        self.message = message
    }

    public var description: String { sheet.isEmpty ? "\(code): \(message)" : "\(code): \(message) (\(sheet))" }

    /// The codes a workbook can be refused with.
    public enum Code {
        /// A workbook needs at least one sheet.
        public static let noSheets = "no-sheets"
        /// More than 1,048,576 rows, the header included.
        public static let tooManyRows = "too-many-rows"
        /// More than 16,384 columns.
        public static let tooManyColumns = "too-many-columns"
        /// The ZIP archive could not be written.
        public static let archive = "archive"
    }
}
