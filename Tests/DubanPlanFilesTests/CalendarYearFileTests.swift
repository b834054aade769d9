import DubanCalendar
import DubanCore
import DubanPlanFiles
import Foundation
import Testing

/// Holiday files: strict parsing with positions, rendering, and the loader's override directories.
@Suite struct CalendarYearFileTests {
    /// The one diagnostic a bad file must produce, as `code@line:column`.
    static func only(_ text: String) -> [String] {
        let (year, diagnostics) = CalendarYearFile.parse(text, file: "bad.yaml")
        #expect(year == nil)
        return diagnostics.map { "\($0.code)@\($0.location.line):\($0.location.column)" }
    }

    static let header = "year: 2026\nholidays:\n  - name: 国庆节\n"

    @Test(arguments: CalendarLoader.bundledFiles.map(\.name))
    func bundledFilesParseCleanlyAndRoundTrip(_ name: String) throws {
        let text = try #require(CalendarLoader.bundledFiles.first { $0.name == name }?.text)
        let (parsed, diagnostics) = CalendarYearFile.parse(text, file: name)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let year = try #require(parsed)
        #expect(name == "holidays-\(year.year).yaml")
        let rendered = CalendarYearFile.render(year)
        let (again, againDiagnostics) = CalendarYearFile.parse(rendered, file: "rendered.yaml")
        #expect(againDiagnostics.isEmpty, "\(againDiagnostics)")
        #expect(again == year)
        // Rendering is stable.
        #expect(CalendarYearFile.render(try #require(again)) == rendered)
    }

    @Test func renderCompressesRangesAndQuotesWhenNeeded() throws {
        let year = HolidayYear(
            year: 2030, source: "yes", published: CivilDate(iso: "2029-11-01"),
            holidays: [
                Holiday(
                    name: "a: b", nameEn: "#hash",
                    off: [CivilDate(iso: "2030-10-01")!, CivilDate(iso: "2030-10-02")!, CivilDate(iso: "2030-10-05")!],
                    work: [CivilDate(iso: "2030-10-12")!], source: "国办发明电〔2029〕1号"),
                Holiday(name: "null", off: [CivilDate(iso: "2031-01-01")!]),
            ])
        let text = CalendarYearFile.render(year)
        #expect(text.contains("    off: [2030-10-01..2030-10-02, 2030-10-05]\n"))
        #expect(text.contains("    off: 2031-01-01\n"))
        #expect(text.contains("    work: [2030-10-12]\n"))
        #expect(text.contains("  - name: \"a: b\"\n"))
        let (parsed, diagnostics) = CalendarYearFile.parse(text, file: "x.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(parsed == year)
        #expect(CalendarYearFile.render(HolidayYear(year: 2031, holidays: [])).contains("holidays: []"))
    }

    @Test func acceptsListsRangesAndEmptyWork() throws {
        let text = """
            year: 2026
            holidays:
              - name: 国庆节
                off: [2026-10-01..2026-10-03, 2026-10-05]
                work: []
              - name: 中秋节
                off:
                  - 2026-09-25
                  - 2026-09-26..2026-09-27
                work:
            """
        let (parsed, diagnostics) = CalendarYearFile.parse(text, file: "ok.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let year = try #require(parsed)
        #expect(year.holidays[0].off.map(\.description) == ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-05"])
        #expect(year.holidays[1].off.count == 3 && year.holidays[1].work.isEmpty)
    }

    @Test func unknownKeysAtBothLevels() {
        #expect(Self.only("year: 2026\nholidays: []\nsorce: x\n") == ["unknown-key@3:1"])
        #expect(Self.only(Self.header + "    off: 2026-10-01\n    nmae_en: X\n") == ["unknown-key@5:5"])
    }

    @Test func wrongTypes() {
        #expect(Self.only("year: twenty\nholidays: []\n") == ["wrong-type@1:7"])
        #expect(Self.only("year: 2026\nholidays: 3\n") == ["wrong-type@2:11"])
        #expect(Self.only(Self.header + "    off: {a: 1}\n") == ["wrong-type@4:10"])
        #expect(Self.only("- 1\n") == ["wrong-type@1:1"])
    }

    @Test func impossibleDatesAndBadRanges() {
        #expect(Self.only(Self.header + "    off: 2026-02-30\n") == ["bad-date@4:10"])
        #expect(Self.only(Self.header + "    off: [2026-10-01, 2026-13-01]\n") == ["bad-date@4:23"])
        #expect(Self.only(Self.header + "    off: 2026-10-07..2026-10-01\n") == ["bad-range@4:10"])
        #expect(Self.only(Self.header + "    off: 2026-01-01..2026-03-01\n") == ["bad-range@4:10"])
    }

    @Test func workDayOnAWeekday() {
        // 2026-10-09 is a Friday.
        #expect(
            Self.only(Self.header + "    off: 2026-10-01\n    work: [2026-10-10, 2026-10-09]\n") == [
                "work-not-weekend@5:24"
            ])
    }

    @Test func dayBothOffAndWork() {
        let text =
            Self.header + "    off: 2026-10-01..2026-10-03\n  - name: 其他\n    off: 2026-12-01\n    work: [2026-10-03]\n"
        let (_, diagnostics) = CalendarYearFile.parse(text, file: "bad.yaml")
        #expect(diagnostics.map(\.code) == ["off-and-work"])
        #expect(diagnostics.first?.location.description == "bad.yaml:7:12")
        #expect(diagnostics.first?.message.en.contains("bad.yaml:4:10") == true)
    }

    @Test func duplicateDays() {
        #expect(Self.only(Self.header + "    off: [2026-10-01, 2026-10-01]\n") == ["duplicate-day@4:23"])
        #expect(
            Self.only(Self.header + "    off: 2026-10-01..2026-10-03\n  - name: 又\n    off: 2026-10-02\n")
                == ["duplicate-day@6:10"])
    }

    @Test func daysOutsideTheNeighbouringYears() {
        #expect(Self.only(Self.header + "    off: 2028-01-01\n") == ["date-out-of-range@4:10"])
        #expect(Self.only(Self.header + "    off: 2024-12-31\n") == ["date-out-of-range@4:10"])
        // The neighbouring years themselves are fine (2023's 元旦 starts on 2022-12-31).
        let (year, _) = CalendarYearFile.parse(Self.header + "    off: 2025-12-31..2026-01-01\n", file: "ok.yaml")
        #expect(year != nil)
    }

    @Test func missingKeysSyntaxErrorsAndSeveralErrorsAtOnce() {
        #expect(Self.only("year: 2026\n") == ["missing-key@1:1"])
        #expect(Self.only("year: 2026\nholidays:\n  - off: 2026-10-01\n") == ["missing-key@3:5"])
        #expect(Self.only("year: 2026\nholidays: [\n").first?.hasPrefix("yaml-syntax@") == true)
        #expect(Self.only("year: 1800\nholidays: []\n") == ["out-of-range@1:7"])
        let several = Self.only(Self.header + "    off: 2026-02-30\n    work: 2026-10-09\n    colour: red\n")
        #expect(several == ["bad-date@4:10", "work-not-weekend@5:11", "unknown-key@6:5"])
    }
}

/// The loader: bundled years, override directories replacing and adding years, and errors.
@Suite struct CalendarLoaderTests {
    /// A fresh temporary directory holding `files`.
    static func directory(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("duban-calendar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url.path
    }

    static let override2026 = """
        year: 2026
        source: 测试通知
        holidays:
          - name: 国庆节
            name_en: National Day
            off: 2026-10-01..2026-10-08
            work: [2026-09-20]
        """

    static let new2027 = """
        year: 2027
        source: 国办发明电〔2026〕9号
        published: 2026-11-10
        holidays:
          - name: 元旦
            name_en: New Year's Day
            off: 2027-01-01..2027-01-03
        """

    @Test func bundledOnly() throws {
        let loader = try CalendarLoader(overrideDirectories: [])
        #expect(loader.holidayYears == CalendarLoader.bundledYears())
        #expect(loader.origins[2026] == .bundled("holidays-2026.yaml"))
        #expect(try CalendarLoader.load(overrideDirectories: []).years == Array(2020...2026))
    }

    @Test func overrideReplacesAYearAndAddsAnother() throws {
        let directory = try Self.directory([
            "holidays-2026.yaml": Self.override2026, "holidays-2027.yaml": Self.new2027, "notes.txt": "ignored",
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let loader = try CalendarLoader(overrideDirectories: [directory])
        let calendar = loader.calendar
        #expect(calendar.years == Array(2020...2027))
        #expect(loader.origins[2027] == .file(directory + "/holidays-2027.yaml"))
        #expect(loader.origins[2025] == .bundled("holidays-2025.yaml"))
        // The override's 国庆节 runs to 10-08 and has no 10-10 make-up day; its 春节 is gone.
        #expect(calendar.kind(of: CivilDate(iso: "2026-10-08")!) == .holiday)
        #expect(calendar.kind(of: CivilDate(iso: "2026-10-10")!) == .weekend)
        #expect(calendar.kind(of: CivilDate(iso: "2026-02-16")!) == .workday)
        #expect(calendar.holiday(on: CivilDate(iso: "2026-10-08")!)?.source == "测试通知")
        #expect(!calendar.isProvisional(CivilDate(iso: "2027-01-01")!))
        #expect(calendar.kind(of: CivilDate(iso: "2027-01-01")!) == .holiday)
    }

    @Test func laterDirectoryWins() throws {
        let first = try Self.directory(["a.yaml": Self.new2027])
        let second = try Self.directory([
            "b.yaml": Self.new2027.replacingOccurrences(of: "2027-01-03", with: "2027-01-02")
        ])
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let loader = try CalendarLoader(overrideDirectories: [first, second])
        #expect(loader.calendar.kind(of: CivilDate(iso: "2027-01-03")!) == .weekend)
        #expect(loader.origins[2027] == .file(second + "/b.yaml"))
    }

    @Test func errorsThrowEveryDiagnostic() throws {
        let directory = try Self.directory([
            "holidays-2027.yaml": "year: 2027\nholidays:\n  - name: 元旦\n    off: 2027-02-30\n",
            "holidays-2028.yaml": "year: 2028\nholidays: []\ncolour: red\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let error = try #require(throws: DiagnosticsError.self) {
            try CalendarLoader(overrideDirectories: [directory])
        }
        let lines = error.diagnostics.map { "\($0.location): \($0.code)" }
        #expect(
            lines == [
                directory + "/holidays-2027.yaml:4:10: bad-date", directory + "/holidays-2028.yaml:3:1: unknown-key",
            ])
    }

    @Test func directoryAndNamingErrors() throws {
        let missing = "/nonexistent/duban-calendars"
        let error = try #require(throws: DiagnosticsError.self) {
            try CalendarLoader(overrideDirectories: [missing])
        }
        #expect(error.diagnostics.map(\.code) == ["missing-directory"])

        let misnamed = try Self.directory(["holidays-2028.yaml": Self.new2027])
        let twice = try Self.directory(["a.yaml": Self.new2027, "b.yaml": Self.new2027])
        defer {
            try? FileManager.default.removeItem(atPath: misnamed)
            try? FileManager.default.removeItem(atPath: twice)
        }
        let mismatch = try #require(throws: DiagnosticsError.self) {
            try CalendarLoader(overrideDirectories: [misnamed])
        }
        #expect(
            mismatch.diagnostics.map { "\($0.code)@\($0.location.line):\($0.location.column)" } == ["year-mismatch@1:7"]
        )
        let duplicate = try #require(throws: DiagnosticsError.self) {
            try CalendarLoader(overrideDirectories: [twice])
        }
        #expect(duplicate.diagnostics.map(\.code) == ["duplicate-year"])
        #expect(duplicate.diagnostics.first?.location.file == twice + "/b.yaml")
    }
}
