/// One statutory holiday of a year as the State Council's notice arranges it: the days off (放假) and the
/// weekend days worked in exchange (调休上班).
public struct Holiday: Hashable, Sendable, Codable {
    /// Chinese name as in the notice, e.g. 国庆节, or 中秋节、国庆节 for a combined item.
    public var name: String
    /// English name, e.g. National Day.
    public var nameEn: String?
    /// Every day off, in order.
    public var off: [CivilDate]
    /// Every make-up working day (a Saturday or Sunday worked), in order.
    public var work: [CivilDate]
    /// The notice this item comes from when it is not the year's notice, e.g. 国办发明电〔2020〕1号 for the
    /// 2020 Spring Festival extension; nil means the year's `source`.
    public var source: String?

    public init(name: String, nameEn: String? = nil, off: [CivilDate], work: [CivilDate] = [], source: String? = nil) {
        self.name = name
        self.nameEn = nameEn
        self.off = off
        self.work = work
        self.source = source
    }
}

/// A year's holiday arrangement, as published in 国务院办公厅关于20XX年部分节假日安排的通知.
public struct HolidayYear: Hashable, Sendable, Codable {
    public var year: Int
    /// The notice it comes from, e.g. 国办发明电〔2025〕7号.
    public var source: String?
    /// When the notice was published.
    public var published: CivilDate?
    public var holidays: [Holiday]

    public init(year: Int, source: String? = nil, published: CivilDate? = nil, holidays: [Holiday]) {
        self.year = year
        self.source = source
        self.published = published
        self.holidays = holidays
    }
}
