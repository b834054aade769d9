import DubanCalendar
import Foundation

/// The package's fixed parts: content types, relationships, workbook, styles, document properties.
extension XLSXWriter {
    static func contentTypes(sheets: Int) -> String {
        let office = "application/vnd.openxmlformats-officedocument"
        func override(_ part: String, _ type: String) -> String {
            #"<Override PartName="/\#(part)" ContentType="\#(type)"/>"#
        }
        var xml = declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += override("xl/workbook.xml", "\(office).spreadsheetml.sheet.main+xml")
        for index in 1...max(sheets, 1) {
            xml += override("xl/worksheets/sheet\(index).xml", "\(office).spreadsheetml.worksheet+xml")
        }
        xml += override("xl/styles.xml", "\(office).spreadsheetml.styles+xml")
        xml += override("xl/sharedStrings.xml", "\(office).spreadsheetml.sharedStrings+xml")
        xml += override("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
        xml += override("docProps/app.xml", "\(office).extended-properties+xml")
        return xml + "</Types>"
    }

    /// A relationship whose type is `kind` in the office document's namespace, or `type` in full.
    private static func relationship(_ id: Int, kind: String = "", type: String = "", target: String) -> String {
        let type = type.isEmpty ? "\(relationshipsNamespace)/\(kind)" : type
        return #"<Relationship Id="rId\#(id)" Type="\#(type)" Target="\#(target)"/>"#
    }

    static let packageRelationships =
        declaration + #"<Relationships xmlns="\#(packageRelationshipsNamespace)">"#
        + relationship(1, kind: "officeDocument", target: "xl/workbook.xml")
        + relationship(
            2,
            type: "\(packageRelationshipsNamespace)/metadata/core-properties",
            target: "docProps/core.xml"
        )
        + relationship(3, kind: "extended-properties", target: "docProps/app.xml")
        + "</Relationships>"

    /// Worksheets are `rId1` … `rIdN`, then the styles and the shared strings.
    static func workbookRelationships(sheets: Int) -> String {
        var xml = declaration + #"<Relationships xmlns="\#(packageRelationshipsNamespace)">"#
        for index in 1...max(sheets, 1) {
            xml += relationship(index, kind: "worksheet", target: "worksheets/sheet\(index).xml")
        }
        xml += relationship(sheets + 1, kind: "styles", target: "styles.xml")
        xml += relationship(sheets + 2, kind: "sharedStrings", target: "sharedStrings.xml")
        return xml + "</Relationships>"
    }

    /// The sheets in tab order, and for each sheet with a header the hidden name Excel gives its filter's range.
    static func workbookPart(_ sheets: [XLSXSheet], names: [String]) -> String {
        var xml = declaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipsNamespace)">"#
        xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, name) in names.enumerated() {
            xml += #"<sheet name="\#(escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets>"
        let filters = sheets.enumerated().filter { !$0.element.columns.isEmpty }.map { index, sheet in
            let range = filterRange(sheet).split(separator: ":").map { absolute(String($0)) }.joined(separator: ":")
            let reference = "'" + names[index].replacingOccurrences(of: "'", with: "''") + "'!" + range
            return #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">"#
                + escaped(reference) + "</definedName>"
        }
        if !filters.isEmpty { xml += "<definedNames>" + filters.joined() + "</definedNames>" }
        return xml + "</workbook>"
    }

    /// `C5` → `$C$5`.
    private static func absolute(_ cell: String) -> String {
        let letters = cell.prefix { $0.isLetter }
        return "$" + letters + "$" + cell.dropFirst(letters.count)
    }

    /// Fonts: 0 regular, 1 bold (等线, the default of Chinese Office, which other programs replace with their own).
    /// Cell formats: 0 plain, 1 the header (bold), 2 dates (`yyyy-mm-dd`, custom format 164).
    static let styles =
        declaration + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>"#
        + #"<fonts count="2">"#
        + #"<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>"#
        + #"<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>"#
        + "</fonts>"
        + #"<fills count="2">"#
        + #"<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        + "</fills>"
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    static let appProperties =
        declaration
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
        + "<Application>duban</Application></Properties>"

    /// The author, and the creation date only when one is given (so that output depends on the input alone).
    static func coreProperties(creator: String, created: Date?) -> String {
        var xml =
            declaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties""#
            + #" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/""#
            + #" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
        let creator = escaped(cellText(creator))
        xml += "<dc:creator>\(creator)</dc:creator><cp:lastModifiedBy>\(creator)</cp:lastModifiedBy>"
        if let created {
            let stamp = w3cdtf(created)
            xml += #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:created>"#
            xml += #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:modified>"#
        }
        return xml + "</cp:coreProperties>"
    }

    /// `2024-05-10T01:02:03Z`, to the second, in UTC.
    static func w3cdtf(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.dayNumber * 86_400
        return day.description + String(format: "T%02d:%02d:%02dZ", rest / 3600, rest / 60 % 60, rest % 60)
    }
}
