import DubanCalendar
import Foundation
import Testing

@testable import DubanExport

/// The workbook writer's rules, pure: sheet names, text, serial dates, limits, determinism (what a spreadsheet
/// reads back: XLSXOpenpyxlTests).
@Suite struct XLSXWriterTests {
    @Test func sheetNamesFollowExcelsRules() {
        let forty = "a/b\\c[d]e:f*g?h" + String(repeating: "x", count: 25)
        let names = XLSXWriter.sheetNames([
            "督办台账", "督办台账", forty, forty, "", "SHEET5", "'quoted'", "History", "it's", "表\u{7}一",
        ])
        #expect(
            names == [
                "督办台账", "督办台账 (2)",
                "a_b_c_d_e_f_g_h" + String(repeating: "x", count: 16),
                "a_b_c_d_e_f_g_h" + String(repeating: "x", count: 12) + " (2)",
                "Sheet5", "SHEET5 (2)", "quoted", "History_", "it's", "表一",
            ]
        )
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
        #expect(XLSXWriter.sheetNames(["督办台账", "督办台账"]) == Array(names.prefix(2)), "the same input, the same names")
        // A name that would end in an apostrophe once cut loses it.
        #expect(
            XLSXWriter.sheetNames([String(repeating: "y", count: 30) + "'z"]) == [String(repeating: "y", count: 30)]
        )
    }

    @Test func textIsCleanedForXMLAndCutAtExcelsLimit() {
        #expect(XLSXWriter.cellText("tab\tline\ncr\r|\u{0}\u{7}\u{1B}\u{FFFE}\u{FFFF}|") == "tab\tline\ncr\r||")
        #expect(XLSXWriter.escaped("<a href=\"x\">&</a>\r\n") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;&#13;\n")
        #expect(XLSXWriter.escaped("_x0041_ _x12_ _xZZZZ_", ooxmlEscapes: true) == "_x005F_x0041_ _x12_ _xZZZZ_")
        #expect(XLSXWriter.escaped("_x0041_") == "_x0041_", "only cell text knows the _xHHHH_ escape")
        let long = String(repeating: "督", count: 40_000)
        #expect(XLSXWriter.cellText(long) == String(repeating: "督", count: 32_767))
        // An emoji takes two UTF-16 code units: the cut falls before the one that would not fit.
        let emoji = XLSXWriter.cellText(String(repeating: "😀", count: 20_000))
        #expect(emoji.utf16.count == 32_766 && emoji.unicodeScalars.allSatisfy { $0 == "😀" })
    }

    @Test func datesAreExcelSerials() {
        func serial(_ iso: String) -> Int? { XLSXWriter.serial(CivilDate(iso: iso)!) }
        #expect(serial("1970-01-01") == 25_569)
        #expect(serial("2024-11-29") == 45_625)
        #expect(serial("1900-03-01") == 61)
        #expect(serial("1900-02-28") == 59, "Excel's phantom 1900-02-29 is serial 60")
        #expect(serial("1900-01-01") == 1)
        #expect(serial("9999-12-31") == 2_958_465)
        #expect(serial("1899-12-31") == nil)
        #expect(XLSXWriter.serial(CivilDate(year: 10_000, month: 1, day: 1)!) == nil)
    }

    @Test func columnNames() {
        #expect(
            [1, 26, 27, 52, 702, 703, 16_384].map(XLSXWriter.columnName) == ["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]
        )
    }

    @Test func cellsAreNeverFormulas() {
        var strings = XLSXWriter.SharedStrings()
        let sheet = XLSXSheet(name: "s", columns: [XLSXColumn("=A1")], rows: [[.text("=SUM(A1:A9)")], [.text("@x")]])
        let xml = XLSXWriter.worksheet(sheet, selected: true, strings: &strings)
        #expect(!xml.contains("<f"))
        #expect(xml.contains(#"<c r="A2" t="s"><v>1</v></c>"#))
        #expect(strings.texts == ["=A1", "=SUM(A1:A9)", "@x"])
    }

    @Test func sameInputSameBytes() throws {
        let sheets = [
            XLSXSheet(
                name: "台账",
                columns: [XLSXColumn("单位", width: 20), XLSXColumn("到期日")],
                rows: [[.text("临沧市教育体育局"), .date(CivilDate(iso: "2024-11-29")!)], [.number(0.5), .integer(7)]]
            ),
            XLSXSheet(name: "台账", columns: [], rows: [[.text("二")]], freezeHeader: false),
        ]
        let first = try XLSXWriter.workbook(sheets)
        #expect(try XLSXWriter.workbook(sheets) == first)
        #expect(first.prefix(2) == Data("PK".utf8))
        let stamped = try XLSXWriter.workbook(sheets, created: Date(timeIntervalSince1970: 1_732_867_200))
        #expect(try XLSXWriter.workbook(sheets, created: Date(timeIntervalSince1970: 1_732_867_200)) == stamped)
        #expect(stamped != first)
    }

    @Test func refusesWhatASpreadsheetCannotHold() {
        func code(_ sheets: [XLSXSheet]) -> String? {
            do {
                _ = try XLSXWriter.workbook(sheets)
                return nil
            } catch {
                return (error as? XLSXError)?.code
            }
        }
        #expect(code([]) == XLSXError.Code.noSheets)
        let full = Array(repeating: [XLSXCell](), count: 1_048_575)
        #expect(
            code([XLSXSheet(name: "a", columns: [XLSXColumn("h")], rows: full + [[]])]) == XLSXError.Code.tooManyRows
        )
        #expect(
            code([XLSXSheet(name: "a", columns: [], rows: full + [[]])]) == nil,
            "1,048,576 rows without a header fit"
        )
        let wide = [Array(repeating: XLSXCell.empty, count: 16_385)]
        #expect(code([XLSXSheet(name: "a", columns: [], rows: wide)]) == XLSXError.Code.tooManyColumns)
    }
}
