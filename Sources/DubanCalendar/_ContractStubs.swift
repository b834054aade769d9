// TEMPORARY: stand-ins for types being written on helper branches; deleted at merge.
public enum DayKind: String, Sendable, Codable { case workday, weekend, holiday, makeupWorkday = "makeup_workday" }
public enum RollRule: String, Sendable, Codable, CaseIterable { case next, previous, none }
public struct WorkingDayCalendar: Sendable {
    public init(years: [HolidayYear]) {}
    public static let weekendsOnly = WorkingDayCalendar(years: [])
    public var years: [Int] { [] }
    public func hasData(for year: Int) -> Bool { false }
    public func isProvisional(_ date: CivilDate) -> Bool { true }
    public func kind(of date: CivilDate) -> DayKind { date.isWeekend ? .weekend : .workday }
    public func isWorkingDay(_ date: CivilDate) -> Bool { !date.isWeekend }
    public func adding(workingDays n: Int, to date: CivilDate) -> CivilDate { date }
    public func addingWorkingDays(_ n: Int, toDayNumber d: Int) -> Int { d }
    public func workingDays(from a: CivilDate, through b: CivilDate) -> Int { 0 }
    public func nextWorkingDay(after date: CivilDate) -> CivilDate { date }
    public func previousWorkingDay(before date: CivilDate) -> CivilDate { date }
    public func roll(_ date: CivilDate, _ rule: RollRule) -> CivilDate { date }
    public func rollExplained(_ date: CivilDate, _ rule: RollRule) -> (date: CivilDate, note: LocalizedText?) { (date, nil) }
    public func explain(_ date: CivilDate) -> DayExplanation { DayExplanation(date: date, working: !date.isWeekend, kind: kind(of: date), provisional: true) }
    public func missingYears(in range: ClosedRange<Int>) -> [Int] { [] }
}
public struct MonthDay: Hashable, Sendable, Codable { public var month: Int; public var day: Int; public init(month: Int, day: Int) { self.month = month; self.day = day } }
public struct TermDates: Hashable, Sendable, Codable { public var start: MonthDay; public var end: MonthDay }
public struct TimeConventions: Hashable, Sendable, Codable {
    public var yearStart = MonthDay(month: 3, day: 31)
    public var midYear = MonthDay(month: 6, day: 30)
    public var springTerm: TermDates = .init(start: .init(month: 3, day: 1), end: .init(month: 7, day: 15))
    public var autumnTerm: TermDates = .init(start: .init(month: 9, day: 1), end: .init(month: 1, day: 20))
    public static let `default` = TimeConventions()
}
public struct TimeInterpretation: Hashable, Sendable, Codable {
    public var text: String
    public var due: CivilDate?
    public var windowStart: CivilDate?
    public var recurrence: Recurrence?
    public var cycle: QuotaCycle?
    public var limit: ProceduralLimit?
    public var ongoing: Bool
    public var milestones: [CivilDate]
    public var conventions: [String]
    public init(text: String, due: CivilDate? = nil, windowStart: CivilDate? = nil, recurrence: Recurrence? = nil, cycle: QuotaCycle? = nil, limit: ProceduralLimit? = nil, ongoing: Bool = false, milestones: [CivilDate] = [], conventions: [String] = []) {
        self.text = text; self.due = due; self.windowStart = windowStart; self.recurrence = recurrence; self.cycle = cycle; self.limit = limit; self.ongoing = ongoing; self.milestones = milestones; self.conventions = conventions
    }
}
public struct TimeExpressionError: Error, Hashable, Sendable { public var text: String; public var code: String; public var message: LocalizedText }
public enum TimeExpression {
    public static func interpret(_ text: String, conventions: TimeConventions = .default) throws(TimeExpressionError) -> TimeInterpretation {
        throw TimeExpressionError(text: text, code: "stub", message: .init(zh: "", en: ""))
    }
}
public struct DayExplanation: Sendable, Hashable, Codable {
    public var date: CivilDate; public var working: Bool; public var kind: DayKind
    public var holiday: String?; public var holidayEn: String?; public var source: String?; public var provisional: Bool
    public func message(_ language: Language) -> String { "" }
}
