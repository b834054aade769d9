import DubanCalendar
import DubanTesting
import Foundation
import Testing

@testable import DubanExport

/// Whether the `python3` first on PATH has openpyxl (outside the suite: its own trait cannot refer to it).
private enum Openpyxl {
    static var installed: Bool {
        (try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import openpyxl"]).status) == 0
    }
}

/// Workbooks as a spreadsheet reads them: written to a file and opened with Python's openpyxl
/// (scripts/testing/xlsx_dump.py), whose JSON the tests compare exactly. Without openpyxl the suite skips
/// locally and fails under CI (`DUBAN_CI=1`).
@Suite(
    .enabled(
        if: try Requirement.met(Openpyxl.installed, "python3 with openpyxl is not installed (pip install openpyxl)")
    )
)
struct XLSXOpenpyxlTests {

    /// What xlsx_dump.py prints.
    struct Dump: Decodable {
        var parts: [String]
        var formulas: Int
        var creator: String?
        var created: String?
        var sheets: [Sheet]
    }

    struct Sheet: Decodable, Equatable {
        var name: String
        var freeze: String?
        var filter: String?
        var widths: [String: Double]
        var rows: [[String]]
    }

    /// Writes `data` to a temporary file and reads it back with openpyxl.
    static func read(_ data: Data) throws -> Dump {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let file = directory.url.appendingPathComponent("workbook.xlsx")
        try data.write(to: file)
        let script = Fixtures.packageRoot.appendingPathComponent("scripts/testing/xlsx_dump.py").path
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", script, file.path])
        try #require(result.status == 0, "xlsx_dump.py: \(result.stderr)")
        return try JSONDecoder().decode(Dump.self, from: Data(result.stdout.utf8))
    }

    static func date(_ iso: String) -> XLSXCell { .date(CivilDate(iso: iso)!) }

    @Test func aLedgerReadsBackAsWritten() throws {
        let ledger = XLSXSheet(
            name: "督办台账",
            columns: [
                XLSXColumn("事项编号", width: 14), XLSXColumn("单位", width: 24), XLSXColumn("任务", width: 40.5),
                XLSXColumn("到期日", width: 12), XLSXColumn("剩余工作日", width: 0), XLSXColumn("按时办结率", width: 300),
            ],
            rows: [
                [
                    .text("p/t/o/2024-11"), .text("临沧市教育体育局"), .text("  报送按时办结率  "), Self.date("2024-11-29"),
                    .integer(-3), .number(0.875),
                ],
                [],
                [
                    .text("=SUM(A1:A2)"), .text("+1 @cmd"), .text("-2"), Self.date("1900-01-01"),
                    .integer(12_345_678_901_234), .number(1e20),
                ],
                [
                    .text("tab\there\nnew line\r\nCRLF"), .text("bell\u{7}null\u{0}esc\u{1B}\u{FFFE}end"),
                    .text("_x0041_ stays"), Self.date("1900-02-28"), Self.date("1900-03-01"), .number(.nan),
                ],
                [
                    .text("<b>&amp;\"'</b>"), .empty, .text(""), Self.date("9999-12-31"), Self.date("1899-12-31"),
                    .number(3),
                ],
                [
                    .text("\u{E9}"), .text("e\u{301}"), .integer(0), Self.date("2000-02-29"), .number(-0.0),
                    .integer(Int.min),
                ],
                [.text("临沧市教育体育局"), .text(""), .text(""), Self.date("2025-01-01"), .number(-2.5), .number(1e-5)],
            ]
        )
        let second = XLSXSheet(
            name: "督办台账",
            columns: [XLSXColumn("计划", width: 20)],
            rows: [[.text("临沧市教育体育局按时办结率")]],
            freezeHeader: false
        )
        let forty = "a/b\\c[d]e:f*g?h" + String(repeating: "x", count: 25)
        let sheets = [
            ledger, second,
            XLSXSheet(name: forty, columns: [], rows: [[.integer(1)]]),
            XLSXSheet(name: forty, columns: [XLSXColumn("it's")], rows: []),
            XLSXSheet(name: "it's", columns: [XLSXColumn("h")], rows: [[.text("v")]]),
        ]
        let created = Date(timeIntervalSince1970: 1_732_867_200 + 3_723)  // 2024-11-29T09:02:03Z
        let data = try XLSXWriter.workbook(sheets, creator: "临沧市教育体育局", created: created)
        #expect(try XLSXWriter.workbook(sheets, creator: "临沧市教育体育局", created: created) == data)
        let dump = try Self.read(data)

        #expect(
            dump.parts == [
                "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
                "xl/_rels/workbook.xml.rels",
                "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
                "xl/worksheets/sheet5.xml",
            ]
        )
        #expect(dump.formulas == 0)
        #expect(dump.creator == "临沧市教育体育局")
        #expect(dump.created == "2024-11-29T09:02:03")
        try #require(dump.sheets.count == 5)

        let day = "|yyyy-mm-dd"
        let first = Sheet(
            name: "督办台账",
            freeze: "A2",
            filter: "A1:F8",
            widths: ["A": 14, "B": 24, "C": 40.5, "D": 12, "F": 255],
            rows: [
                ["s:str:事项编号|b", "s:str:单位|b", "s:str:任务|b", "s:str:到期日|b", "s:str:剩余工作日|b", "s:str:按时办结率|b"],
                [
                    "s:str:p/t/o/2024-11", "s:str:临沧市教育体育局", "s:str:  报送按时办结率  ",
                    "d:datetime:2024-11-29T00:00:00" + day, "n:int:-3", "n:float:0.875",
                ],
                ["-", "-", "-", "-", "-", "-"],
                [
                    "s:str:=SUM(A1:A2)", "s:str:+1 @cmd", "s:str:-2", "d:datetime:1900-01-01T00:00:00" + day,
                    "n:int:12345678901234", "n:float:1e+20",
                ],
                [
                    "s:str:tab\there\nnew line\r\nCRLF", "s:str:bellnullescend", "s:str:_x0041_ stays",
                    "d:datetime:1900-02-28T00:00:00" + day, "d:datetime:1900-03-01T00:00:00" + day, "e:str:#NUM!",
                ],
                [
                    "s:str:<b>&amp;\"'</b>", "-", "-", "d:datetime:9999-12-31T00:00:00" + day, "s:str:1899-12-31",
                    "n:float:3.0",
                ],
                [
                    "s:str:\u{E9}", "s:str:e\u{301}", "n:int:0", "d:datetime:2000-02-29T00:00:00" + day, "n:float:-0.0",
                    "n:int:-9223372036854775808",
                ],
                [
                    "s:str:临沧市教育体育局", "-", "-", "d:datetime:2025-01-01T00:00:00" + day, "n:float:-2.5",
                    "n:float:1e-05",
                ],
            ]
        )
        #expect(dump.sheets[0] == first)
        // Swift's == holds é and e + ◌́ equal: the scalars show the two cells kept apart.
        #expect(
            dump.sheets[0].rows[6][0].unicodeScalars.count == 7 && dump.sheets[0].rows[6][1].unicodeScalars.count == 8
        )

        #expect(
            dump.sheets[1]
                == Sheet(
                    name: "督办台账 (2)",
                    freeze: nil,
                    filter: "A1:A2",
                    widths: ["A": 20],
                    rows: [["s:str:计划|b"], ["s:str:临沧市教育体育局按时办结率"]]
                )
        )
        #expect(
            dump.sheets[2]
                == Sheet(
                    name: "a_b_c_d_e_f_g_h" + String(repeating: "x", count: 16),
                    freeze: nil,
                    filter: nil,
                    widths: [:],
                    rows: [["n:int:1"]]
                )
        )
        #expect(
            dump.sheets[3]
                == Sheet(
                    name: "a_b_c_d_e_f_g_h" + String(repeating: "x", count: 12) + " (2)",
                    freeze: "A2",
                    filter: "A1:A1",
                    widths: ["A": 12],
                    rows: [["s:str:it's|b"]]
                )
        )
        #expect(
            dump.sheets[4]
                == Sheet(
                    name: "it's",
                    freeze: "A2",
                    filter: "A1:A2",
                    widths: ["A": 12],
                    rows: [["s:str:h|b"], ["s:str:v"]]
                )
        )
    }

    @Test func aLongTextIsCutAtExcelsLimit() throws {
        let sheet = XLSXSheet(
            name: "长文本",
            columns: [XLSXColumn("说明")],
            rows: [[.text(String(repeating: "督办", count: 20_000))]]
        )
        let dump = try Self.read(try XLSXWriter.workbook([sheet]))
        #expect(
            dump.sheets.first?.rows.last == ["s:str:" + String(String(repeating: "督办", count: 20_000).prefix(32_767))]
        )
        #expect(dump.creator == "duban")
    }
}
