import DubanCalendar
import DubanCore
import DubanPlanFiles
import FuzzSupport

// A school calendar (校历): parse it; when it names a unit of the examples, place the examples' plans with it (term
// ends and quiet breaks move due dates) and expand them over three school years.

let directory = Examples.directory
let calendar = Examples.calendar
let plans = Examples.plans

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (parsed, _) = SchoolCalendarFile.parse(FuzzInput(data, size).text, file: "school.yaml")
    guard let school = parsed else { return 0 }
    _ = school.breaks
    for term in school.terms { _ = school.term(term.reference) }
    guard directory.unit(school.org) != nil else { return 0 }
    let schedule = Schedule(plans: plans, directory: directory, calendar: calendar, schoolCalendars: [school])
    _ = schedule.expand(from: .startOfYear(2022), through: .endOfYear(2024))
    return 0
}

@_cdecl("FuzzSchoolCalendar_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
