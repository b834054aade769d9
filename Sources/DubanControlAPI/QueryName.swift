/// Names of query parameters, as sent on the wire.
public enum QueryName {
    /// Due on or after this day (`YYYY-MM-DD`).
    public static let from = "from"
    /// Due on or before this day (`YYYY-MM-DD`).
    public static let through = "through"
    /// Due from today through today + N calendar days.
    public static let withinDays = "within_days"
    /// Due from today through the N-th working day after today.
    public static let withinWorkingDays = "within_working_days"
    /// `true`: open and past due only.
    public static let overdue = "overdue"
    /// An org unit id; with ``rollup`` its descendants count too.
    public static let org = "org"
    /// `true` (default): an org filter includes every unit below it; `false`: that unit only.
    public static let rollup = "rollup"
    /// A plan id.
    public static let plan = "plan"
    /// A task id (within ``plan``).
    public static let task = "task"
    /// A task kind: deadline, recurring, quota, target, procedural, ongoing.
    public static let kind = "kind"
    /// A tag written on tasks.
    public static let tag = "tag"
    /// Occurrence state: open (default for milestones), done, waived, closed (done or waived), all. For tasks:
    /// open (has open occurrences), overdue (has overdue ones), closed (none open), all (default).
    public static let state = "state"
    /// A notification channel: `journal` or `plugin:NAME`.
    public static let channel = "channel"
    /// Page size (default ``ControlAPI/defaultLimit``, at most ``ControlAPI/maximumLimit``).
    public static let limit = "limit"
    /// Items to skip.
    public static let offset = "offset"
    /// Audit: only lines with a smaller id (to page back).
    public static let before = "before"
    /// Language of exported text: `zh` (default) or `en`.
    public static let lang = "lang"
    public static let date = "date"
}
