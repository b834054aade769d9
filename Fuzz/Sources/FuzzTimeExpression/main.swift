import DubanCalendar
import FuzzSupport

// The time-expression reader, as `dubanctl due TEXT --from DATE` uses it: read the text, then roll its due date
// and count its procedural limit from an event on the shipped calendar.

let calendar = Examples.calendar
let event = CivilDate(year: 2022, month: 9, day: 5)!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput(data, size).text
    _ = TimeExpression.normalize(text)
    guard let reading = try? TimeExpression.interpret(text) else { return 0 }
    if let due = reading.due {
        _ = calendar.rollExplained(due, .next)
        _ = calendar.explain(due)
        _ = calendar.signedWorkingDays(from: event, to: due)
    }
    if let limit = reading.limit {
        for count in [limit.count, limit.extensionCount ?? 0] {
            switch limit.unit {
            case .workingDays: _ = calendar.adding(workingDays: count, to: event)
            case .calendarDays: _ = event.adding(days: count)
            case .months: _ = event.adding(months: count)
            }
        }
    }
    return 0
}

@_cdecl("FuzzTimeExpression_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
