import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanTesting
import Foundation
import Testing

@Suite struct SchoolCalendarFileTests {
    @Test func readsTermsAndExams() throws {
        let text = """
            org: kangle
            name: 校历
            terms:
              - {season: autumn, start: 2025-09-01, end: 2026-01-23, exams: [2026-01-19..2026-01-23]}
              - {season: spring, start: 2026-03-02, end: 2026-07-10}
            """
        let (calendar, diagnostics) = SchoolCalendarFile.parse(text, file: "k.yaml")
        let school = try #require(calendar, "\(diagnostics)")
        #expect(school.terms.count == 2)
        #expect(school.terms[0].exams.first?.lowerBound == CivilDate(year: 2026, month: 1, day: 19))
        #expect(school.quietDuringBreaks)
        #expect(school.breaks.first?.start == CivilDate(year: 2026, month: 1, day: 24))
    }

    @Test(arguments: [
        ("org: a\nterms:\n  - {season: spring, start: 2026-09-01, end: 2026-12-31}\n", "bad-season", "spring"),
        ("org: a\nterms:\n  - {season: autumn, start: 2026-09-01, end: 2026-08-01}\n", "bad-window", "2026-08-01"),
        ("org: a\nterms:\n  - {season: autumn, start: 2026-09-01, end: 2027-01-20, exams: [2027-02-01..2027-02-03]}\n", "bad-window", "[2027"),
        ("org: a\nterms:\n  - {season: autumn, start: 2026-09-01, end: 2027-01-20}\n  - {season: spring, start: 2027-01-10, end: 2027-07-01}\n", "overlap", "{season: spring"),
        ("org: a\nterms:\n  - {season: winter, start: 2026-09-01, end: 2027-01-20}\n", "bad-value", "winter"),
        ("org: a\nterms:\n  - {season: autumn, start: 2026-09-31, end: 2027-01-20}\n", "bad-date", "2026-09-31"),
        ("org: a\nterm:\n  - {season: autumn, start: 2026-09-01, end: 2027-01-20}\n", "missing-key", "org"),
    ] as [(String, String, String)])
    func badSchoolCalendar(_ text: String, _ code: String, _ needle: String) throws {
        let (calendar, diagnostics) = SchoolCalendarFile.parse(text, file: "s.yaml")
        #expect(calendar == nil)
        let first = try #require(diagnostics.first)
        #expect(first.code == code, "\(diagnostics)")
        let (line, column) = position(of: needle, in: text)
        #expect((first.location.line, first.location.column) == (line, column), "\(first)")
    }

    @Test func aCalendarForAnUnknownUnitIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        try dir.write("x.yaml", "org: nowhere\nterms:\n  - {season: autumn, start: 2026-09-01, end: 2027-01-20}\n")
        let directory = OrgDirectory(units: [OrgUnit(id: "a", name: "甲")])
        #expect(throws: DiagnosticsError.self) { try SchoolCalendarFile.loadDirectory(dir.url.path, orgDirectory: directory) }
    }
}
