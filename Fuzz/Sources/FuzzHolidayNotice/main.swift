import DubanCalendar
import DubanPlanFiles
import FuzzSupport

// The State Council's holiday notice, as `dubanctl calendar import` reads it: parse the text, write the year file
// it would write, read that back, and build the working-day calendar with the year.

let shipped = CalendarLoader.bundledYears()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let year = try? HolidayNotice.parse(FuzzInput(data, size).text) else { return 0 }
    _ = CalendarYearFile.parse(CalendarYearFile.render(year), file: "holidays.yaml")
    let calendar = WorkingDayCalendar(years: shipped + [year])
    _ = calendar.workingDays(from: .startOfYear(year.year), through: .endOfYear(year.year))
    for holiday in year.holidays {
        _ = HolidayNotice.englishName(for: holiday.name)
        for day in holiday.off + holiday.work { _ = calendar.explain(day) }
    }
    return 0
}

@_cdecl("FuzzHolidayNotice_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
