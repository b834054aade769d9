import DubanCalendar
import DubanPlanFiles
import FuzzSupport

// A holiday-year file (calendars/holidays-YYYY.yaml or an override): parse it, build the working-day calendar with
// it over the shipped years, do working-day arithmetic across that year, and write it back out.

let shipped = CalendarLoader.bundledYears()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (parsed, _) = CalendarYearFile.parse(FuzzInput(data, size).text, file: "holidays.yaml")
    guard let year = parsed else { return 0 }
    exercise(year)
    return 0
}

/// What duband and dubanctl do with a year once it is read.
func exercise(_ year: HolidayYear) {
    let calendar = WorkingDayCalendar(years: shipped + [year])
    let first = CivilDate.startOfYear(year.year)
    let last = CivilDate.endOfYear(year.year)
    for holiday in year.holidays {
        for day in holiday.off + holiday.work {
            _ = calendar.explain(day)
            _ = calendar.rollExplained(day, .next)
            _ = calendar.rollExplained(day, .previous)
        }
    }
    _ = calendar.workingDays(from: first, through: last)
    _ = calendar.adding(workingDays: 15, to: first)
    _ = calendar.adding(workingDays: -15, to: last)
    _ = calendar.signedWorkingDays(from: last, to: first)
    _ = CalendarYearFile.parse(CalendarYearFile.render(year), file: "rendered.yaml")
}

@_cdecl("FuzzHolidayYear_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
