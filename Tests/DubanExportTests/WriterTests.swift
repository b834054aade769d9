import DubanCalendar
import DubanControlAPI
import Foundation
import Testing

@testable import DubanExport

/// The export writers, pure: iCalendar text, CSV fields (quota pace and trends: DubanNotifyTests).
@Suite struct WriterTests {
    @Test func iCalendarLinesAreEscapedAndFoldedAt75Octets() {
        let long = String(repeating: "督办", count: 40)
        let folded = ICalendarWriter.fold("SUMMARY:" + long)
        for line in folded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + long, "unfolding restores the line")
        #expect(ICalendarWriter.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(ICalendarWriter.utcStamp(Date(timeIntervalSince1970: 86_400 + 3_661)) == "19700102T010101Z")
    }

    @Test func csvFieldsAreQuotedAndFormulasDefused() {
        #expect(CSVWriter.field("普通") == "普通")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVWriter.field("-3") == "-3")
    }
}
