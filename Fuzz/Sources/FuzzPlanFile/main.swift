import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanScheduler
import Foundation
import FuzzSupport

// A plan file, as duband reads it on start and on SIGHUP: parse it, place it with the examples' org directory on
// the shipped calendar, expand its occurrences over the daemon's range (2000 to three years past today), give
// them their ids, and build the scheduler's timeline from a start in 2022 to the next events.

let directory = Examples.directory
let calendar = Examples.calendar
let settings = SiteSettings()
let start = settings.instant(CivilDate(year: 2022, month: 6, day: 1)!, at: settings.officeStart)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (parsed, _) = PlanFile.parse(FuzzInput(data, size).text, file: "fuzz.yaml", settings: settings)
    guard let plan = parsed?.plan else { return 0 }
    let schedule = Schedule(plans: [plan], directory: directory, calendar: calendar, settings: settings)
    let occurrences = schedule.expand(from: .startOfYear(2000), through: .endOfYear(2029))
    schedule.forEachIdentity(of: occurrences) { _, identity in _ = identity.id.utf8.count }
    var machine = SchedulerStateMachine(schedule: schedule)
    var action = machine.start(now: start, handled: [])
    for _ in 0..<3 {
        guard case .fire(let events) = action else { break }
        _ = events.count
        action = machine.delivered(now: start)
    }
    _ = EventForecast.events(
        after: start, through: start.addingTimeInterval(31 * 86_400), schedule: schedule,
        configuration: machine.configuration)
    return 0
}

@_cdecl("FuzzPlanFile_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
