/// The words for an occurrence's state, in one place: dubanctl's tables, the CSV and iCalendar exports, and what
/// the docs say. 办结 is done, 免办 is waived (the office need not do it); an open occurrence past due is 已逾期.
public enum StateWords {
    /// `未办结`, `已办结`, `已免办`, or `已逾期` for an open occurrence past due (when `overdue`); unknown states as
    /// sent.
    public static func zh(_ state: String, overdue: Bool = false) -> String {
        switch state {
        case "open": overdue ? "已逾期" : "未办结"
        case "done": "已办结"
        case "waived": "已免办"
        default: state
        }
    }

    /// `open`, `done`, `waived`, or `overdue` for an open occurrence past due (when `overdue`).
    public static func en(_ state: String, overdue: Bool = false) -> String {
        state == "open" && overdue ? "overdue" : state
    }
}
