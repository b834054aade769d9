import DubanCtl
import DubanTesting
import Foundation
import Testing

/// The inputs that once killed dubanctl with an arithmetic trap (SIGILL), as a user types them: each is now an
/// error message and exit status 1, the place of the bad number given.
@Suite struct OutOfRangeCommandTests {
    static let typoPlan = Fixtures.twentyDigitCountPlan(assignee: "kangle")

    func expectCleanFailure(_ result: BinaryRunner.Result, _ what: String) {
        #expect(result.status == 1, "\(what): exit \(result.status)\n\(result.stderr)")
        #expect(!result.stderr.contains("Swift runtime failure"), "\(what): \(result.stderr)")
        #expect(!result.stderr.contains("Backtracing"), "\(what): \(result.stderr)")
    }

    @Test func dueWithATwentyDigitCount() throws {
        let result = try BinaryRunner.run("dubanctl", ["due", "99999999999999999999个工作日内"])
        expectCleanFailure(result, "due")
        #expect(result.stderr.contains("99999999999999999999") && result.stderr.contains("超出范围"), "\(result.stderr)")
        let english = try BinaryRunner.run(
            "dubanctl", ["due", "99999999999999999999个工作日内", "--from", "2022-09-05"],
            environment: ["LANG": "en_US.UTF-8"])
        expectCleanFailure(english, "due (English)")
        #expect(english.stderr.contains("out of range"), "\(english.stderr)")
    }

    @Test func checkOfAPlanWithATwentyDigitCount() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        try FileManager.default.copyItem(
            atPath: Fixtures.examples.appendingPathComponent("org.yaml").path,
            toPath: dir.url.appendingPathComponent("org.yaml").path)
        let plan = try dir.write("typo.yaml", Self.typoPlan)
        let result = try BinaryRunner.run("dubanctl", ["check", plan, "--org", dir.url.appendingPathComponent("org.yaml").path])
        expectCleanFailure(result, "check")
        #expect(result.stdout.contains("\(plan):8:10") || result.stderr.contains("\(plan):8:10"), "\(result.stdout)\(result.stderr)")
    }

    @Test func calendarImportOfANoticeWithALongRunOfDigits() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let text = CalendarCommandTests.notice2026.replacing("国务院办公厅关于2026年", with: "国务院办公厅关于" + String(repeating: "9", count: 40) + "年")
            .replacing("共3天", with: "共" + String(repeating: "9", count: 30) + "天")
        let notice = try dir.write("notice.txt", text)
        let result = try BinaryRunner.run("dubanctl", ["calendar", "import", notice])
        expectCleanFailure(result, "calendar import")
        #expect(result.stderr.contains(notice), "\(result.stderr)")
    }

    @Test func spansPastAHundredYearsAreRefused() {
        #expect(ArgumentValues.days(in: "99999999999999999y") == nil)
        #expect(ArgumentValues.days(in: "9223372036854775807w") == nil)
        #expect(ArgumentValues.days(in: "100y") == 36_600)
        #expect(ArgumentValues.days(in: "101y") == nil)
        #expect(ArgumentValues.days(in: "30d") == 30)
    }
}
