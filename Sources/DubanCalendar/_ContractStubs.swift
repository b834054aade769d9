// TEMPORARY: stand-ins for types being written on helper branches; deleted at merge.
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
