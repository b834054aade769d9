import DubanCalendar
public import DubanCore
import Foundation
import Yams

/// Reads duband's configuration file strictly (unknown keys are errors, with file:line:column).
/// See docs/configuration.md.
public enum ConfigFile {
    static let keys = [
        "plans", "org", "calendar_dir", "school_calendars", "state_dir", "socket", "plugin_dir", "locale", "time_zone",
        "office_hours", "reminders", "roll", "conventions", "admin_group", "notifications", "origins", "roles", "scoring", "supervision",
    ]
    static let conventionKeys = [
        "year_start", "mid_year", "first_half_end", "spring_term", "autumn_term", "early_month_day", "mid_month_day",
        "before_month",
    ]

    /// Reads and parses the file at `path`; throws every problem found.
    public static func load(_ path: String) throws(DiagnosticsError) -> DubanConfiguration {
        switch PlanSetLoader.readText(path) {
        case .failure(let d): throw DiagnosticsError([d])
        case .success(let text):
            let (config, diagnostics) = parse(text, file: path)
            guard let config else { throw DiagnosticsError(diagnostics) }
            return config
        }
    }

    static func leadTimes(_ nodes: [Node], collector: DiagnosticCollector) -> [Int] {
        Array(Set(nodes.compactMap { MappingReader.int($0, key: "reminders", collector: collector, range: 0...250) }))
            .sorted(by: >)
    }

    /// Parses `text`, the content of `file`; relative paths resolve against `file`'s directory.
    public static func parse(_ text: String, file: String) -> (DubanConfiguration?, [Diagnostic]) {
        let collector = DiagnosticCollector(file: file)
        var config = DubanConfiguration()
        // An empty file is a valid configuration: every default applies.
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return (config, []) }
        guard let root = collector.compose(text),
            let top = MappingReader(root, collector: collector, context: .init(zh: "配置文件", en: "the configuration"))
        else { return (nil, collector.diagnostics) }
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        func path(_ value: String) -> String {
            value.hasPrefix("/") ? value : base.appendingPathComponent(value).standardizedFileURL.path
        }
        if let v = top.string("plans") { config.plans = path(v) }
        if let v = top.string("org") { config.org = path(v) }
        if let v = top.stringList("calendar_dir") { config.calendarDirectories = v.map { path($0.0) } }
        if let v = top.string("school_calendars") { config.schoolCalendars = path(v) }
        if let v = top.string("state_dir") { config.stateDirectory = path(v) }
        if let v = top.string("socket") { config.socket = path(v) }
        if let v = top.string("plugin_dir") { config.pluginDirectory = path(v) }
        if let node = top.value("admin_group") {
            // A POSIX group name: letters, digits, `_`, `-`, `.`, not starting with `-`.
            if let text = node.scalar?.string, !text.isEmpty, text.count <= 64, !text.hasPrefix("-"),
                text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) })
            {
                config.adminGroup = text
            } else {
                collector.error(
                    node,
                    "bad-value",
                    zh: "`admin_group` 应为用户组名",
                    en: "`admin_group` must be a group name"
                )
            }
        }
        if let node = top.value("locale") {
            if let text = node.scalar?.string, let language = Language(tag: text) {
                config.locale = language
            } else {
                collector.error(node, "bad-value", zh: "`locale` 应为 zh-Hans 或 en", en: "`locale` must be zh-Hans or en")
            }
        }
        if let node = top.value("time_zone") {
            if let id = node.scalar?.string, let zone = TimeZone(identifier: id) {
                config.site.timeZone = zone
            } else {
                collector.error(
                    node,
                    "bad-value",
                    zh: "未知时区:\(node.scalar?.string ?? "")(例如 Asia/Shanghai)",
                    en: "unknown time zone: \(node.scalar?.string ?? "") (e.g. Asia/Shanghai)"
                )
            }
        }
        if let node = top.value("office_hours") {
            // Either "08:30-18:00" or {start: "08:30", end: "18:00"}.
            var parts = (node.scalar?.string ?? "").split(separator: "-").map {
                String($0).trimmingCharacters(in: .whitespaces)
            }
            if node.mapping != nil,
                let m = MappingReader(
                    node,
                    collector: collector,
                    context: .init(zh: "`office_hours`", en: "`office_hours`")
                )
            {
                parts = [m.string("start", required: true) ?? "", m.string("end", required: true) ?? ""]
                m.finish(known: ["start", "end"])
            }
            if parts.count == 2, let start = TimeOfDay(parts[0]), let end = TimeOfDay(parts[1]),
                start.secondsFromMidnight < end.secondsFromMidnight
            {
                config.site.officeStart = start
                config.site.dueTime = end
            } else {
                collector.error(
                    node,
                    "bad-value",
                    zh: "`office_hours` 应写作 08:30-18:00",
                    en: "`office_hours` must look like 08:30-18:00"
                )
            }
        }
        // Either a list of lead times or {lead_days, overdue_every, overdue_repeats}.
        if let node = top.value("reminders"), node.mapping != nil,
            let m = MappingReader(node, collector: collector, context: .init(zh: "`reminders`", en: "`reminders`"))
        {
            if let nodes = m.sequence("lead_days", allowScalar: true) {
                config.site.reminders = leadTimes(nodes, collector: collector)
            }
            if let every = m.int("overdue_every", range: 1...250) { config.overdueEvery = every }
            if let repeats = m.int("overdue_repeats", range: 0...100) { config.overdueRepeats = repeats }
            m.finish(known: ["lead_days", "overdue_every", "overdue_repeats"])
        } else if let nodes = top.sequence("reminders", allowScalar: true) {
            config.site.reminders = leadTimes(nodes, collector: collector)
        }
        if let roll = top.oneOf("roll", RollRule.allCases.map(\.rawValue)).flatMap(RollRule.init(rawValue:)) {
            config.site.roll = roll
        }
        if let c = top.mapping("conventions", context: .init(zh: "约定(conventions)", en: "`conventions`")) {
            var conventions = config.site.conventions
            func monthDay(_ key: String, in m: MappingReader) -> MonthDay? {
                guard let node = m.value(key) else { return nil }
                guard let text = node.scalar?.string, let value = MonthDay(text) else {
                    collector.error(node, "bad-value", zh: "`\(key)` 应为 MM-DD", en: "`\(key)` must be MM-DD")
                    return nil
                }
                return value
            }
            func monthDay(_ key: String) -> MonthDay? { monthDay(key, in: c) }
            func term(_ key: String) -> TermDates? {
                guard let m = c.mapping(key, context: .init(zh: "`\(key)`", en: "`\(key)`")) else { return nil }
                let start = monthDay("start", in: m)
                let end = monthDay("end", in: m)
                m.finish(known: ["start", "end"])
                guard let start, let end else {
                    if !m.has("start") { m.missing("start") }
                    if !m.has("end") { m.missing("end") }
                    return nil
                }
                return TermDates(start: start, end: end)
            }
            if let v = monthDay("year_start") { conventions.yearStart = v }
            if let v = monthDay("mid_year") { conventions.midYear = v }
            if let v = monthDay("first_half_end") { conventions.firstHalfEnd = v }
            if let v = term("spring_term") { conventions.springTerm = v }
            if let v = term("autumn_term") { conventions.autumnTerm = v }
            let early = c.int("early_month_day", range: 1...28)
            let mid = c.int("mid_month_day", range: 2...30)
            if let early { conventions.earlyMonthDay = early }
            if let mid { conventions.midMonthDay = mid }
            if conventions.midMonthDay <= conventions.earlyMonthDay {
                collector.error(
                    c.value("mid_month_day") ?? c.value("early_month_day"),
                    "bad-value",
                    zh: "中旬的结束日须晚于上旬的结束日",
                    en: "`mid_month_day` must come after `early_month_day`"
                )
            }
            if let v = c.oneOf("before_month", BeforeMonthReading.allCases.map(\.rawValue)).flatMap(
                BeforeMonthReading.init(rawValue:)
            ) {
                conventions.beforeMonth = v
            }
            c.finish(known: conventionKeys)
            config.site.conventions = conventions
        }
        if let origins = top.stringList("origins") {
            let names = origins.map(\.0).filter { !$0.isEmpty }
            if names.isEmpty {
                collector.error(
                    top.value("origins"), "bad-value", zh: "`origins`(任务来源)不能为空", en: "`origins` must not be empty")
            } else {
                var seen: Set<String> = []
                config.site.origins = names.filter { seen.insert($0).inserted }
            }
        }
        if let nodes = top.sequence("roles") { config.roles = roleGrants(nodes, collector: collector) }
        if let scoring = top.mapping("scoring", context: .init(zh: "考核规则(scoring)", en: "`scoring`")) {
            config.scoring = scoringRules(scoring, collector: collector)
        }
        if let s = top.mapping("supervision", context: .init(zh: "督办规则(supervision)", en: "`supervision`")) {
            config.supervision = supervisionSettings(s, collector: collector)
        }
        if let n = top.mapping("notifications", context: .init(zh: "`notifications`", en: "`notifications`")) {
            config.notifications = notificationPolicy(n, collector: collector, path: path)
        }
        top.finish(known: keys)
        if collector.hasErrors { return (nil, collector.diagnostics) }
        return (config, collector.diagnostics)
    }
}
