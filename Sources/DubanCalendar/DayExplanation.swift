/// Why a day is or is not a working day: what `WorkingDayCalendar.explain(_:)` returns.
///
/// Encodes with snake_case keys (`holiday_en`), like `DayKind`'s `makeup_workday`.
public struct DayExplanation: Sendable, Hashable, Codable {
    public var date: CivilDate
    /// True when people work that day.
    public var working: Bool
    public var kind: DayKind
    /// The holiday (Chinese name) that makes the day off or worked, if any.
    public var holiday: String?
    /// The holiday's English name, if the arrangement gives one.
    public var holidayEn: String?
    /// The notice that says so, e.g. 国办发明电〔2025〕7号.
    public var source: String?
    /// True when the day's year has no holiday arrangement: the answer rests on weekends alone.
    public var provisional: Bool

    public init(
        date: CivilDate, working: Bool, kind: DayKind, holiday: String? = nil, holidayEn: String? = nil,
        source: String? = nil, provisional: Bool = false
    ) {
        self.date = date
        self.working = working
        self.kind = kind
        self.holiday = holiday
        self.holidayEn = holidayEn
        self.source = source
        self.provisional = provisional
    }

    enum CodingKeys: String, CodingKey {
        case date, working, kind, holiday
        case holidayEn = "holiday_en"
        case source, provisional
    }

    /// One sentence for people, e.g. `2026-10-03(星期六)休息:国庆节放假(国办发明电〔2025〕7号)` or
    /// `2026-09-20 (Sunday) is a working day: make-up working day for National Day (国办发明电〔2025〕7号)`.
    public func message(_ language: Language) -> String {
        let weekday = date.weekdayName(language)
        switch language {
        case .zhHans:
            var text = "\(date)(\(weekday))" + (working ? "上班:" : "休息:")
            switch (kind, holiday) {
            case (.holiday, let name?): text += "\(name)放假"
            case (.makeupWorkday, let name?): text += "\(name)调休上班"
            case (.holiday, nil): text += "法定节假日"
            case (.makeupWorkday, nil): text += "调休上班"
            case (.workday, _): text += "工作日"
            case (.weekend, _): text += "周末"
            }
            if let source { text += "(\(source))" }
            if provisional { text += "(尚无\(date.year)年放假安排,暂按周末推算)" }
            return text
        case .en:
            var text = "\(date) (\(weekday)) is " + (working ? "a working day: " : "a day off: ")
            let name = holidayEn ?? holiday
            switch (kind, name) {
            case (.holiday, let name?): text += "\(name) holiday"
            case (.makeupWorkday, let name?): text += "make-up working day for \(name)"
            case (.holiday, nil): text += "statutory holiday"
            case (.makeupWorkday, nil): text += "make-up working day"
            case (.workday, _): text += "weekday"
            case (.weekend, _): text += "weekend"
            }
            if let source { text += " (\(source))" }
            if provisional { text += " (provisional: no holiday arrangement for \(date.year) yet, weekends only)" }
            return text
        }
    }
}
