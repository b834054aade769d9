extension CivilDate {
    /// The weekday's full name: 星期一 … 星期日, or Monday … Sunday.
    public func weekdayName(_ language: Language) -> String {
        CivilDate.weekdayName(isoWeekday: weekday, language)
    }

    /// The weekday's short name: 周一 … 周日, or Mon … Sun.
    public func shortWeekdayName(_ language: Language) -> String {
        CivilDate.shortWeekdayName(isoWeekday: weekday, language)
    }

    /// The full name of an ISO weekday (1 = Monday … 7 = Sunday): 星期一 … 星期日, or Monday … Sunday.
    public static func weekdayName(isoWeekday: Int, _ language: Language) -> String {
        let index = ((isoWeekday - 1) % 7 + 7) % 7
        switch language {
        case .zhHans: return "星期" + chineseWeekdayDigits[index]
        case .en: return englishWeekdays[index]
        }
    }

    /// The short name of an ISO weekday (1 = Monday … 7 = Sunday): 周一 … 周日, or Mon … Sun.
    public static func shortWeekdayName(isoWeekday: Int, _ language: Language) -> String {
        let index = ((isoWeekday - 1) % 7 + 7) % 7
        switch language {
        case .zhHans: return "周" + chineseWeekdayDigits[index]
        case .en: return String(englishWeekdays[index].prefix(3))
        }
    }

    /// `10月3日` or `3 Oct`; with the year (`2026年10月3日`, `3 Oct 2026`) when `withYear`.
    public func shortText(_ language: Language, withYear: Bool = false) -> String {
        let (y, m, d) = components
        switch language {
        case .zhHans: return (withYear ? "\(y)年" : "") + "\(m)月\(d)日"
        case .en: return "\(d) \(CivilDate.englishMonths[m - 1])" + (withYear ? " \(y)" : "")
        }
    }

    private static let chineseWeekdayDigits = ["一", "二", "三", "四", "五", "六", "日"]
    private static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let englishMonths = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
}
