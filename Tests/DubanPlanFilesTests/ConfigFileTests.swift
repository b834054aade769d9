import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanTesting
import Foundation
import Testing

@Suite struct ConfigFileTests {
    @Test func emptyFileGivesTheDocumentedDefaults() throws {
        let (config, diagnostics) = ConfigFile.parse("", file: "/etc/duban/duban.yaml")
        let c = try #require(config, "\(diagnostics)")
        #expect(c.plans == "/etc/duban/plans")
        #expect(c.stateDirectory == "/var/lib/duban")
        #expect(c.socket == "/run/duban/control.sock")
        #expect(c.site.timeZone.identifier == "Asia/Shanghai")
        #expect(c.site.officeStart == TimeOfDay(hour: 8, minute: 30) && c.site.dueTime == TimeOfDay(hour: 18, minute: 0))
        #expect(c.site.reminders == [10, 3])
        #expect(c.site.roll == .next)
        #expect(c.site.conventions == .default)
        #expect(c.locale == .zhHans)
    }

    @Test func bundledExampleConfigPointsAtTheExamples() throws {
        let path = Fixtures.examples.appendingPathComponent("duban.yaml").path
        let c = try ConfigFile.load(path)
        #expect(c.plans == Fixtures.examples.appendingPathComponent("plans").standardizedFileURL.path)
        #expect(c.stateDirectory == Fixtures.packageRoot.appendingPathComponent("var").standardizedFileURL.path)
        #expect(c.calendarDirectories.isEmpty)
    }

    @Test func installedExampleConfigIsValid() throws {
        let c = try ConfigFile.load(Fixtures.packageRoot.appendingPathComponent("deploy/duban.yaml").path)
        #expect(c.plans == "/etc/duban/plans" && c.pluginDirectory == "/etc/duban/plugins.d")
        #expect(c.site.reminders == [10, 3] && c.overdueEvery == 5 && c.overdueRepeats == 3)
        #expect(c.site.officeStart == TimeOfDay(hour: 8, minute: 30))
    }

    @Test func conventionsAndOfficeHoursAreRead() throws {
        let text = """
            office_hours: "09:00-17:30"
            reminders: [5, 15]
            roll: previous
            conventions:
              year_start: "01-31"
              spring_term: {start: "02-20", end: "07-05"}
              before_month: end_of_month
            """
        let c = try #require(ConfigFile.parse(text, file: "/x/duban.yaml").0)
        #expect(c.site.dueTime == TimeOfDay(hour: 17, minute: 30))
        #expect(c.site.reminders == [15, 5])
        #expect(c.site.roll == .previous)
        #expect(c.site.conventions.yearStart == MonthDay(month: 1, day: 31))
        #expect(c.site.conventions.springTerm.end == MonthDay(month: 7, day: 5))
        #expect(try TimeExpression.interpret("2022年6月前", conventions: c.site.conventions).due == CivilDate(year: 2022, month: 6, day: 30))
    }

    @Test(arguments: [
        ("statedir: /tmp\n", "unknown-key", "statedir"),
        ("time_zone: Mars/Olympus\n", "bad-value", "Mars"),
        ("office_hours: 18:00-08:30\n", "bad-value", "18:00"),
        ("conventions:\n  year_start: \"13-01\"\n", "bad-value", "\"13-01\""),
        ("conventions:\n  spring_term: {start: \"03-01\"}\n", "missing-key", "{start"),
        ("roll: sometimes\n", "bad-value", "sometimes"),
        ("reminders: [300]\n", "out-of-range", "300"),
        ("locale: fr\n", "bad-value", "fr"),
    ] as [(String, String, String)])
    func badConfiguration(_ text: String, _ code: String, _ needle: String) throws {
        let (config, diagnostics) = ConfigFile.parse(text, file: "duban.yaml")
        #expect(config == nil)
        let first = try #require(diagnostics.first)
        #expect(first.code == code, "\(diagnostics)")
        let (line, column) = position(of: needle, in: text)
        #expect((first.location.line, first.location.column) == (line, column), "\(first)")
    }
}
