public import DubanCalendar

/// One cell of an ``XLSXSheet``: never a formula, so text that starts with `=` stays text.
public enum XLSXCell: Sendable, Hashable {
    /// Text, XML-cleaned and cut at Excel's 32,767-character limit (see ``XLSXWriter``).
    case text(String)
    /// A number; NaN and ±infinity, which a spreadsheet cannot hold, become the error value `#NUM!`.
    case number(Double)
    /// A whole number; a spreadsheet keeps numbers as doubles, so beyond ±2⁵³ it rounds them.
    case integer(Int)
    /// A date, written as an Excel serial date with the `yyyy-mm-dd` format (as `YYYY-MM-DD` text outside the
    /// dates a spreadsheet can show, 1900-01-01 to 9999-12-31).
    case date(CivilDate)
    /// No cell.
    case empty
}

/// A column of an ``XLSXSheet``: its title (the header cell) and its width.
public struct XLSXColumn: Sendable, Hashable {
    /// The header cell's text, in bold.
    public var title: String
    /// The width in characters of the default font's digits (a Chinese character takes about two); at most 255.
    /// Zero, negative or not finite: the spreadsheet's default width.
    public var width: Double

    public init(_ title: String, width: Double = 12) {
        self.title = title
        self.width = width
    }
}

/// One worksheet: a header row of column titles, then the rows.
public struct XLSXSheet: Sendable {
    /// The tab's name; made valid and unique by ``XLSXWriter/sheetNames(_:)``.
    public var name: String
    /// The header row, left to right; with no columns the sheet has no header, filter or frozen pane.
    public var columns: [XLSXColumn]
    /// The rows below the header; a row may be shorter than `columns` (the rest is empty) or empty.
    public var rows: [[XLSXCell]]
    /// Whether the header row stays in view when the rows scroll (a frozen pane below row 1).
    public var freezeHeader: Bool = true

    public init(name: String, columns: [XLSXColumn], rows: [[XLSXCell]], freezeHeader: Bool = true) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.freezeHeader = freezeHeader
    }
}
