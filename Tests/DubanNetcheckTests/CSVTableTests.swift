import DubanNetcheck
import Testing

@Suite struct CSVTableTests {
    @Test func readsQuotedFieldsAndKeepsRecordLines() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",z\n3,,\"\"\n4,last"
        let table = try CSVTable(parsing: text)
        #expect(table.records.map(\.line) == [1, 2, 4, 6, 7])
        #expect(table.records[0].fields == ["a", "b", "c"])
        #expect(table.records[1].fields == ["1", "x, y", "say \"hi\""])
        #expect(table.records[2].fields == ["2", "two\nlines", "z"])
        #expect(table.records[3].fields == ["3", "", ""])
        #expect(table.records[4].fields == ["4", "last"])
    }

    @Test func reportsBrokenQuotingWithItsLine() {
        #expect(throws: NetcheckError(code: .csv, line: 2, message: "引号未闭合 / a quoted field is not closed")) {
            try CSVTable(parsing: "a,b\n1,\"open\n2,3\n")
        }
        do {
            _ = try CSVTable(parsing: "a,b\n1,2\n3,x\"y\n")
            Issue.record("a quote inside a field was accepted")
        } catch {
            #expect(error.code == .csv && error.line == 3)
        }
        do {
            _ = try CSVTable(parsing: "a,b\n\"1\"x,2\n")
            Issue.record("text after a closing quote was accepted")
        } catch {
            #expect(error.line == 2)
        }
    }
}
