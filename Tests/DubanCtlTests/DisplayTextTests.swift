import DubanCalendar
import DubanControlAPI
import DubanControlClient
import Testing

@testable import DubanCtl

/// The pure rules of dubanctl's human output and arguments: no daemon, no binary.
@Suite struct DisplayTextTests {
    @Test func datesCarryTheirWeekday() {
        #expect(DisplayText.date("2022-12-30", .zhHans) == "2022-12-30 (周五)")
        #expect(DisplayText.date("2022-12-30", .en) == "2022-12-30 (Fri)")
        #expect(DisplayText.date("2023-01-01", .zhHans) == "2023-01-01 (周日)")
        #expect(DisplayText.date("2024-02-29", .en) == "2024-02-29 (Thu)")
        #expect(DisplayText.date("not a date", .zhHans) == "not a date")
        #expect(DisplayText.shortWeekday(1, .zhHans) == "周一" && DisplayText.shortWeekday(7, .en) == "Sun")
    }

    @Test func workingDaysLeftReadsNaturally() {
        #expect(DisplayText.workingDaysLeft(3, .zhHans) == "剩3个工作日")
        #expect(DisplayText.workingDaysLeft(0, .zhHans) == "今天到期")
        #expect(DisplayText.workingDaysLeft(-5, .zhHans) == "逾期5个工作日")
        #expect(DisplayText.workingDaysLeft(3, .en) == "3 working days left")
        #expect(DisplayText.workingDaysLeft(1, .en) == "1 working day left")
        #expect(DisplayText.workingDaysLeft(0, .en) == "due today")
        #expect(DisplayText.workingDaysLeft(-1, .en) == "1 working day overdue")
        #expect(DisplayText.workingDaysLeft(-12, .en) == "12 working days overdue")
    }

    @Test func statesKindsAndAmounts() {
        #expect(DisplayText.state("done", .zhHans) == "已办结" && DisplayText.state("waived", .en) == "waived")
        #expect(DisplayText.state("future-state", .zhHans) == "future-state")
        #expect(DisplayText.kind("procedural", .zhHans) == "程序时限" && DisplayText.kind("quota", .en) == "quota")
        #expect(
            DisplayText.amount(30) == "30" && DisplayText.amount(12.5) == "12.5" && DisplayText.amount(0.125) == "0.125"
        )
        #expect(DisplayText.amount(-3) == "-3" && DisplayText.percent(0.625) == "62.5%")
    }

    @Test func spansOfDays() {
        #expect(ArgumentValues.days(in: "30d") == 30)
        #expect(ArgumentValues.days(in: "30天") == 30)
        #expect(ArgumentValues.days(in: "8w") == 56 && ArgumentValues.days(in: "2周") == 14)
        #expect(ArgumentValues.days(in: "3m") == 93 && ArgumentValues.days(in: "1y") == 366)
        #expect(ArgumentValues.days(in: "45") == 45 && ArgumentValues.days(in: "0d") == 0)
        for bad in ["", "d", "-3d", "30x", "3.5d", "thirty"] { #expect(ArgumentValues.days(in: bad) == nil, "\(bad)") }
    }

    @Test func progressAmounts() {
        #expect(ArgumentValues.progressAmount("+30") == 30)
        #expect(ArgumentValues.progressAmount("30") == 30)
        #expect(ArgumentValues.progressAmount("+2.5") == 2.5)
        #expect(ArgumentValues.progressAmount("＋12") == 12)
        for bad in ["+0", "0", "-3", "+", "", "abc", "+1e3", "+inf", "+nan", "+3 4"] {
            #expect(ArgumentValues.progressAmount(bad) == nil, "\(bad)")
        }
    }

    @Test func readingValues() {
        #expect(ArgumentValues.readingValue("87.5") == 87.5)
        #expect(ArgumentValues.readingValue("87.5%") == 87.5)
        #expect(ArgumentValues.readingValue("-3") == -3)
        #expect(ArgumentValues.readingValue("0") == 0)
        for bad in ["", "%", "abc", "inf", "nan", "1,5"] { #expect(ArgumentValues.readingValue(bad) == nil, "\(bad)") }
    }

    @Test func idsAndTaskReferences() {
        #expect(ArgumentValues.taskReference("linxia-disclosure/request")! == ("linxia-disclosure", "request"))
        #expect(ArgumentValues.taskReference("a/b/c") == nil && ArgumentValues.taskReference("a/") == nil)
        #expect(ArgumentValues.unitKey("p/t/kangle/2024")! == ("p", "t", "kangle"))
        #expect(ArgumentValues.unitKey("p/t/kangle")! == ("p", "t", "kangle"))
        #expect(ArgumentValues.unitKey("p/t") == nil && ArgumentValues.unitKey("p//kangle") == nil)
    }

    @Test func tablesAlignCJKAndIgnoreColour() {
        let red = Terminal.color("逾期5个工作日", .red, enabled: true)
        #expect(red.hasPrefix("\u{1B}[31m"))
        #expect(Terminal.displayWidth(red) == 13)
        let table = Terminal.table(header: ["任务", "Id"], rows: [[red, "a"], ["ok", "b"]])
        let lines = table.split(separator: "\n").map(String.init)
        // Every "Id" cell starts at the same display column.
        let columns = lines.map { line -> Int in
            let cell = line.hasSuffix("Id") ? "Id" : String(line.last!)
            return Terminal.displayWidth(String(line.dropLast(cell.count)))
        }
        #expect(Set(columns.enumerated().filter { $0.offset != 1 }.map(\.element)).count == 1, "\(lines)")
        #expect(Terminal.color("x", .red, enabled: false) == "x")
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(Terminal.colorEnabled(isTerminal: true, environment: [:]))
        #expect(!Terminal.colorEnabled(isTerminal: false, environment: [:]))
        #expect(!Terminal.colorEnabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(Terminal.colorEnabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!Terminal.colorEnabled(isTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test func exitCodesFollowTheDocumentedTable() {
        func error(_ code: ControlClientError.Code, _ status: Int? = nil) -> ControlClientError {
            ControlClientError(code: code, status: status, message: "m", socketPath: "/s")
        }
        #expect(DaemonFailure.exitCode(for: error(.unreachable)) == 69)
        #expect(DaemonFailure.exitCode(for: error(.connectionLost)) == 69)
        #expect(DaemonFailure.exitCode(for: error(.timedOut)) == 69)
        #expect(DaemonFailure.exitCode(for: error(.permissionDenied)) == 77)
        #expect(DaemonFailure.exitCode(for: error(.badResponse, 200)) == 76)
        #expect(DaemonFailure.exitCode(for: error(.rejected, 400)) == 2)
        #expect(DaemonFailure.exitCode(for: error(.rejected, 403)) == 77)
        #expect(DaemonFailure.exitCode(for: error(.rejected, 404)) == 1)
        #expect(DaemonFailure.exitCode(for: error(.rejected, 409)) == 1)
        #expect(DaemonFailure.exitCode(for: error(.rejected, 422)) == 1)
        #expect(DaemonFailure.exitCode(for: error(.serverError, 500)) == 70)
        #expect(DaemonFailure.exitCode(for: error(.serverError, 503)) == 69)
    }
}
