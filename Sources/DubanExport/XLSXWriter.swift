import DubanCalendar
public import Foundation
import ZIPFoundation

/// An Office Open XML workbook (`.xlsx`), as a pure function of its sheets: no file, no clock but the date given.
///
/// The package holds the parts a spreadsheet needs and no more: `[Content_Types].xml`, the relationships, the
/// workbook, one worksheet per sheet, the styles (0 plain, 1 bold for the header, 2 the date format `yyyy-mm-dd`),
/// the shared strings and the document properties. Each sheet's first row is its column titles in bold, with the
/// columns' widths, an autofilter over the header and the rows, and (with `freezeHeader`) a frozen pane below it.
///
/// - Text goes into the shared-string table, each distinct text once, numbered in the order it first appears. A
///   ledger repeats its unit names and state words on every row, so the table keeps the file small, and it is
///   what Excel itself writes, so every reader knows it. Text is cleaned and cut at Excel's 32,767 characters
///   (``cellText(_:)``); empty text is an empty cell.
/// - No cell is a formula (there is no `<f>` element): text such as `=SUM(A1)` stays text.
/// - Dates are Excel serial dates with the date style, so a spreadsheet shows them as dates.
/// - The same sheets, creator and date give the same bytes: ZIP entries carry `created` (or 1980-01-01, the ZIP
///   epoch) and are compressed with zlib's deflate, which is deterministic.
public enum XLSXWriter {
    /// Excel's limits on a sheet.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    /// The workbook of `sheets`, as the bytes of an `.xlsx` file.
    /// - Parameters:
    ///   - sheets: the worksheets, in tab order; their names are made valid and unique by ``sheetNames(_:)``.
    ///   - creator: the author in the document properties.
    ///   - created: when the document was made, written to the document properties and the ZIP entries; nil
    ///     leaves it out of the properties (entries are dated 1980-01-01), so the output depends on the sheets only.
    /// - Returns: the ZIP package.
    /// - Throws: ``XLSXError``: no sheets, a sheet beyond Excel's 1,048,576 rows or 16,384 columns, or a failure
    ///   of the ZIP writer.
    public static func workbook(_ sheets: [XLSXSheet], creator: String = "duban", created: Date? = nil) throws -> Data {
        guard !sheets.isEmpty else {
            throw XLSXError(code: XLSXError.Code.noSheets, message: "a workbook needs at least one sheet")
        }
        for sheet in sheets {
            let rows = sheet.rows.count + (sheet.columns.isEmpty ? 0 : 1)
            guard rows <= maxRows else {
                throw XLSXError(
                    code: XLSXError.Code.tooManyRows,
                    sheet: sheet.name,
                    message: "\(rows) rows with the header, more than a spreadsheet's \(maxRows)"
                )
            }
            let columns = max(sheet.columns.count, sheet.rows.lazy.map(\.count).max() ?? 0)
            guard columns <= maxColumns else {
                throw XLSXError(
                    code: XLSXError.Code.tooManyColumns,
                    sheet: sheet.name,
                    message: "\(columns) columns, more than a spreadsheet's \(maxColumns)"
                )
            }
        }
        let names = sheetNames(sheets.map(\.name))
        var strings = SharedStrings()
        var parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", contentTypes(sheets: sheets.count)),
            ("_rels/.rels", packageRelationships),
            ("docProps/app.xml", appProperties),
            ("docProps/core.xml", coreProperties(creator: creator, created: created)),
            ("xl/workbook.xml", workbookPart(sheets, names: names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(
                ("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, selected: index == 0, strings: &strings))
            )
        }
        parts.append(("xl/sharedStrings.xml", strings.part))
        return try zip(parts, date: created ?? Date(timeIntervalSince1970: 315_532_800))  // 1980-01-01T00:00:00Z
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// One worksheet: dimension, view (frozen header), column widths, cells, autofilter, margins, in the order the
    /// schema requires.
    static func worksheet(_ sheet: XLSXSheet, selected: Bool, strings: inout SharedStrings) -> String {
        let hasHeader = !sheet.columns.isEmpty
        let lastRow = sheet.rows.count + (hasHeader ? 1 : 0)
        let lastColumn = max(sheet.columns.count, sheet.rows.lazy.map(\.count).max() ?? 0)
        var xml = declaration + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipsNamespace)">"#
        let extent = lastRow == 0 || lastColumn == 0 ? "A1" : "A1:\(columnName(lastColumn))\(lastRow)"
        xml += #"<dimension ref="\#(extent)"/>"#
        xml += #"<sheetViews><sheetView\#(selected ? #" tabSelected="1""# : "") workbookViewId="0">"#
        if hasHeader && sheet.freezeHeader {
            xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        }
        xml += "</sheetView></sheetViews>"
        let widths = sheet.columns.enumerated().compactMap { index, column in
            column.width.isFinite && column.width > 0
                ? #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(min(column.width, 255))" customWidth="1"/>"#
                : nil
        }
        if !widths.isEmpty { xml += "<cols>" + widths.joined() + "</cols>" }
        xml += "<sheetData>"
        if hasHeader {
            let titles = sheet.columns.enumerated().compactMap { index, column in
                textCell(column.title, at: "\(columnName(index + 1))1", style: 1, strings: &strings)
            }
            if !titles.isEmpty { xml += #"<row r="1">"# + titles.joined() + "</row>" }
        }
        for (offset, row) in sheet.rows.enumerated() {
            let number = offset + (hasHeader ? 2 : 1)
            let cells = row.enumerated().compactMap { index, cell in
                cellXML(cell, at: "\(columnName(index + 1))\(number)", strings: &strings)
            }
            if !cells.isEmpty { xml += #"<row r="\#(number)">"# + cells.joined() + "</row>" }
        }
        xml += "</sheetData>"
        if hasHeader { xml += #"<autoFilter ref="\#(filterRange(sheet))"/>"# }
        xml += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        return xml + "</worksheet>"
    }

    /// The header's columns over the header and every row: `A1:C5`.
    static func filterRange(_ sheet: XLSXSheet) -> String {
        "A1:\(columnName(sheet.columns.count))\(sheet.rows.count + 1)"
    }

    /// A cell element, or nil for no cell (``XLSXCell/empty``, empty text).
    static func cellXML(_ cell: XLSXCell, at reference: String, strings: inout SharedStrings) -> String? {
        switch cell {
        case .text(let text):
            return textCell(text, at: reference, style: 0, strings: &strings)
        case .number(let value) where value.isFinite:
            return #"<c r="\#(reference)"><v>\#(value)</v></c>"#
        case .number:
            return #"<c r="\#(reference)" t="e"><v>#NUM!</v></c>"#
        case .integer(let value):
            return #"<c r="\#(reference)"><v>\#(value)</v></c>"#
        case .date(let date):
            guard let serial = serial(date) else {
                return textCell(date.description, at: reference, style: 0, strings: &strings)
            }
            return #"<c r="\#(reference)" s="2"><v>\#(serial)</v></c>"#
        case .empty:
            return nil
        }
    }

    /// A shared-string cell, or nil when the cleaned text is empty.
    static func textCell(_ text: String, at reference: String, style: Int, strings: inout SharedStrings) -> String? {
        let text = cellText(text)
        guard !text.isEmpty else { return nil }
        let styleAttribute = style == 0 ? "" : #" s="\#(style)""#
        return #"<c r="\#(reference)"\#(styleAttribute) t="s"><v>\#(strings.index(of: text))</v></c>"#
    }

    /// The shared-string table: each distinct text once, numbered in order of first use.
    struct SharedStrings {
        private(set) var texts: [String] = []
        /// Keyed by the UTF-8 bytes: Swift's `==` holds canonically equivalent texts (é and e + ◌́) equal, and a
        /// spreadsheet keeps them apart.
        private var indexes: [[UInt8]: Int] = [:]
        /// How many cells refer to the table.
        private(set) var references = 0

        mutating func index(of text: String) -> Int {
            references += 1
            let key = Array(text.utf8)
            if let index = indexes[key] { return index }
            indexes[key] = texts.count
            texts.append(text)
            return texts.count - 1
        }

        var part: String {
            var xml =
                declaration
                + #"<sst xmlns="\#(mainNamespace)" count="\#(references)" uniqueCount="\#(texts.count)">"#
            for text in texts {
                let edges = [text.unicodeScalars.first, text.unicodeScalars.last]
                let preserve = edges.contains { $0.map { " \t\n\r".unicodeScalars.contains($0) } ?? false }
                xml += "<si><t" + (preserve ? #" xml:space="preserve""# : "") + ">"
                xml += escaped(text, ooxmlEscapes: true) + "</t></si>"
            }
            return xml + "</sst>"
        }
    }

    /// The ZIP package of `parts`, in order, deflated, every entry dated `date`.
    static func zip(_ parts: [(path: String, text: String)], date: Date) throws -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = Data(part.text.utf8)
                try archive.addEntry(
                    with: part.path,
                    type: .file,
                    uncompressedSize: Int64(data.count),
                    modificationDate: date,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else {
                throw XLSXError(code: XLSXError.Code.archive, message: "the in-memory archive holds no data")
            }
            return data
        } catch let error as XLSXError {
            throw error
        } catch {
            throw XLSXError(code: XLSXError.Code.archive, message: "the ZIP archive could not be written: \(error)")
        }
    }
}
