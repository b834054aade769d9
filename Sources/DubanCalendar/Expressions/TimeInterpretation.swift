/// What a plan's time expression means, as dates and schedule rules.
///
/// Which fields are set depends on the expression:
/// - a point (`2022年底`, `2022年6月前`): `due`;
/// - a range (`2022—2025年`, `“十四五”期间`): `windowStart`, `due` and the yearly `milestones`;
/// - a start (`自2010年11月1日起`, `2021年秋季学期起`): `windowStart` only;
/// - a recurrence (`每年不少于2次`, `年度`, bare `年初`): `recurrence`, no `due`;
/// - a multi-year cycle (`四年完成两轮`): `cycle`;
/// - a procedural limit (`15个工作日内`, `当场`): `limit`. An extension alone (`延长…不超过15个工作日`)
///   has `limit.count == 0` and `limit.extensionCount == 15`: the base limit is stated elsewhere;
/// - 长期坚持 / 持续 / 常态化: `ongoing`.
public struct TimeInterpretation: Hashable, Sendable, Codable {
    /// The expression as written.
    public var text: String
    /// The last day the duty may be done on; nil for ongoing duties, pure recurrences and procedural limits.
    public var due: CivilDate?
    /// The first day of the window (ranges, five-year plans, start dates).
    public var windowStart: CivilDate?
    /// How often the duty repeats.
    public var recurrence: Recurrence?
    /// A multi-year completion cycle (四年完成一轮).
    public var cycle: QuotaCycle?
    /// A limit counted from an event (15个工作日内, 延长…不超过15个工作日).
    public var limit: ProceduralLimit?
    /// True for open-ended duties: 长期坚持, 持续, 常态化.
    public var ongoing: Bool
    /// For whole-year ranges (X—Y年, 十四五): the end of each year X…Y, in order; the last equals `due`.
    public var milestones: [CivilDate]
    /// The conventions the reading relied on, human-readable, such as `年初=03-31` or `春季学期末=07-15`.
    public var conventions: [String]
    /// When `due` is the end of a school term (2022年春季学期末前): which term, so that a county's own school
    /// calendar can replace the convention.
    public var termEnd: TermReference?

    public init(
        text: String,
        due: CivilDate? = nil,
        windowStart: CivilDate? = nil,
        recurrence: Recurrence? = nil,
        cycle: QuotaCycle? = nil,
        limit: ProceduralLimit? = nil,
        ongoing: Bool = false,
        milestones: [CivilDate] = [],
        conventions: [String] = [],
        termEnd: TermReference? = nil
    ) {
        self.text = text
        self.due = due
        self.windowStart = windowStart
        self.recurrence = recurrence
        self.cycle = cycle
        self.limit = limit
        self.ongoing = ongoing
        self.milestones = milestones
        self.conventions = conventions
        self.termEnd = termEnd
    }
}
