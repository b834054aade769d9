public import DubanCalendar
public import DubanCore
import Yams

/// Reads and writes one year's holiday file (`holidays-2026.yaml`): the State Council's arrangement of
/// statutory days off and make-up working days for that year. The format is described in docs/calendar-format.md:
///
/// ```yaml
/// year: 2026
/// source: 国办发明电〔2025〕7号
/// published: 2025-11-04
/// holidays:
///   - name: 元旦
///     name_en: New Year's Day
///     off: 2026-01-01..2026-01-03
///     work: [2026-01-04]
/// ```
public enum CalendarYearFile {
    /// The keys of the file's top-level mapping.
    public static let fileKeys = ["year", "source", "published", "holidays"]
    /// The keys of one holiday item.
    public static let holidayKeys = ["name", "name_en", "off", "work", "source"]
    /// Years a file may arrange.
    public static let yearRange = 1900...2999
    /// The longest range `A..B` accepted, in days: no arrangement is longer, so more is a typo.
    public static let longestRange = 31

    /// Parses a holiday file strictly, reporting every problem with its line and column.
    ///
    /// Errors: YAML syntax, unknown keys, missing keys, wrong types, impossible dates, reversed or overlong
    /// ranges, a `work` day that is not a Saturday or Sunday, a day listed twice (as off twice, or as both off and
    /// work), and a day outside year − 1 … year + 1.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the path to report in diagnostics.
    /// - Returns: the arrangement (nil when there is any error; days sorted within each holiday) and every
    ///   diagnostic, in file order.
    public static func parse(_ text: String, file: String) -> (HolidayYear?, [Diagnostic]) {
        let collector = DiagnosticCollector(file: file)
        guard let root = collector.compose(text) else { return (nil, collector.diagnostics) }
        let context = LocalizedText(zh: "放假安排文件", en: "the holiday file")
        guard let reader = MappingReader(root, collector: collector, context: context) else {
            return (nil, collector.diagnostics)
        }
        let year = reader.int("year", required: true, range: yearRange)
        let source = reader.string("source")
        let published = reader.date("published")
        let items = reader.sequence("holidays", required: true)
        reader.finish(known: fileKeys)

        var holidays: [Holiday] = []
        var days = DayRegistry(collector: collector, year: year)
        for (index, item) in (items ?? []).enumerated() {
            let itemContext = LocalizedText(zh: "第\(index + 1)项节日", en: "holiday item \(index + 1)")
            guard let holidayReader = MappingReader(item, collector: collector, context: itemContext) else {
                continue
            }
            let name = holidayReader.string("name", required: true)
            let nameEn = holidayReader.string("name_en")
            let off = dateList(holidayReader, "off", required: true, collector: collector)
            let work = dateList(holidayReader, "work", required: false, collector: collector)
            let holidaySource = holidayReader.string("source")
            holidayReader.finish(known: holidayKeys)
            for (date, node) in off {
                days.record(date, node: node, asWork: false)
            }
            for (date, node) in work {
                days.record(date, node: node, asWork: true)
            }
            if let name {
                holidays.append(
                    Holiday(
                        name: name, nameEn: nameEn, off: off.map(\.0).sorted(), work: work.map(\.0).sorted(),
                        source: holidaySource))
            }
        }
        let diagnostics = inFileOrder(collector.diagnostics)
        guard let year, !collector.hasErrors else { return (nil, diagnostics) }
        return (HolidayYear(year: year, source: source, published: published, holidays: holidays), diagnostics)
    }

    /// `diagnostics` sorted by line and column, keeping the order of those at the same place.
    private static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted {
            ($0.element.location.line, $0.element.location.column, $0.offset)
                < ($1.element.location.line, $1.element.location.column, $1.offset)
        }.map(\.element)
    }

    /// Writes `year` in the file format, ranges of consecutive days compressed to `A..B`.
    ///
    /// `parse(render(y))` gives back `y` for every `y` that `parse` returns.
    public static func render(_ year: HolidayYear) -> String {
        var lines = [
            "# \(year.year)年部分节假日安排 (China mainland statutory holidays and make-up working days)",
            "# Format: docs/calendar-format.md",
            "year: \(year.year)",
        ]
        if let source = year.source { lines.append("source: \(yamlScalar(source))") }
        if let published = year.published { lines.append("published: \(published)") }
        if year.holidays.isEmpty {
            lines.append("holidays: []")
        } else {
            lines.append("holidays:")
        }
        for holiday in year.holidays {
            lines.append("  - name: \(yamlScalar(holiday.name))")
            if let nameEn = holiday.nameEn { lines.append("    name_en: \(yamlScalar(nameEn))") }
            let runs = compress(holiday.off)
            lines.append("    off: " + (runs.count == 1 ? runs[0] : "[" + runs.joined(separator: ", ") + "]"))
            if !holiday.work.isEmpty {
                lines.append("    work: [" + holiday.work.sorted().map(\.description).joined(separator: ", ") + "]")
            }
            if let source = holiday.source { lines.append("    source: \(yamlScalar(source))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Reading dates

    /// The days of a `off`/`work` value: a date, a range `A..B`, or a list of them.
    private static func dateList(
        _ reader: MappingReader, _ key: String, required: Bool, collector: DiagnosticCollector
    ) -> [(CivilDate, Node)] {
        guard let node = reader.value(key) else {
            if required { reader.missing(key) }
            return []
        }
        let items: [Node]
        if let sequence = node.sequence {
            items = Array(sequence)
        } else if let scalar = node.scalar {
            let text = scalar.string.trimmingWhitespace()
            if text.isEmpty || text == "~" || text == "null" {
                if required {
                    collector.error(node, "wrong-type", zh: "`\(key)` 不能为空", en: "`\(key)` must not be empty")
                }
                return []
            }
            items = [node]
        } else {
            collector.error(
                node, "wrong-type", zh: "`\(key)` 应为日期、日期范围(A..B)或其列表",
                en: "`\(key)` must be a date, a range A..B, or a list of them")
            return []
        }
        if required && items.isEmpty {
            collector.error(node, "wrong-type", zh: "`\(key)` 至少应列出一天", en: "`\(key)` must list at least one day")
        }
        var result: [(CivilDate, Node)] = []
        for item in items {
            guard let text = item.scalar?.string.trimmingWhitespace() else {
                collector.error(
                    item, "wrong-type", zh: "`\(key)` 的每一项应为日期或日期范围(A..B)",
                    en: "each item of `\(key)` must be a date or a range A..B")
                continue
            }
            for date in expand(text, key: key, node: item, collector: collector) {
                result.append((date, item))
            }
        }
        return result
    }

    /// The days of one item: `2026-01-01` or `2026-01-01..2026-01-03`.
    private static func expand(_ text: String, key: String, node: Node, collector: DiagnosticCollector) -> [CivilDate] {
        let parts = text.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else {
            collector.error(
                node, "bad-date", zh: "`\(key)` 不是有效的日期范围:\(text)(应为 YYYY-MM-DD..YYYY-MM-DD)",
                en: "`\(key)` is not a valid range: \(text) (expected YYYY-MM-DD..YYYY-MM-DD)")
            return []
        }
        var dates: [CivilDate] = []
        for part in parts {
            let trimmed = part.trimmingWhitespace()
            guard let date = CivilDate(iso: trimmed) else {
                collector.error(
                    node, "bad-date", zh: "`\(key)` 不是有效日期:\(trimmed)(应为 YYYY-MM-DD 且确有其日)",
                    en: "`\(key)` is not a valid date: \(trimmed) (expected YYYY-MM-DD, a day that exists)")
                return []
            }
            dates.append(date)
        }
        guard dates.count == 2 else { return dates }
        let (start, end) = (dates[0], dates[1])
        guard start <= end else {
            collector.error(
                node, "bad-range", zh: "`\(key)` 的范围 \(text) 起日晚于止日",
                en: "`\(key)` range \(text) ends before it starts")
            return []
        }
        guard start.days(to: end) < longestRange else {
            collector.error(
                node, "bad-range", zh: "`\(key)` 的范围 \(text) 超过 \(longestRange) 天",
                en: "`\(key)` range \(text) is longer than \(longestRange) days")
            return []
        }
        return (0...start.days(to: end)).map { start.adding(days: $0) }
    }

    /// Checks each listed day against the year, the weekday rule and the days listed before it.
    private struct DayRegistry {
        let collector: DiagnosticCollector
        let year: Int?
        var seen: [CivilDate: (asWork: Bool, location: Diagnostic.Location)] = [:]

        init(collector: DiagnosticCollector, year: Int?) {
            self.collector = collector
            self.year = year
        }

        mutating func record(_ date: CivilDate, node: Node, asWork: Bool) {
            let key = asWork ? "work" : "off"
            if let year, abs(date.year - year) > 1 {
                collector.error(
                    node, "date-out-of-range", zh: "`\(key)` 中的 \(date) 不在 \(year - 1) 至 \(year + 1) 年之间",
                    en: "`\(key)` day \(date) is outside the years \(year - 1) to \(year + 1)")
            }
            if asWork && !date.isWeekend {
                collector.error(
                    node, "work-not-weekend",
                    zh: "调休上班日 \(date) 是\(date.weekdayName(.zhHans)),应为星期六或星期日",
                    en: "make-up working day \(date) is a \(date.weekdayName(.en)), not a Saturday or Sunday")
            }
            let location = collector.location(node)
            if let first = seen[date] {
                if first.asWork == asWork {
                    collector.error(
                        node, "duplicate-day", zh: "\(date) 重复列出(已见于 \(first.location))",
                        en: "\(date) is listed twice (first at \(first.location))")
                } else {
                    collector.error(
                        node, "off-and-work", zh: "\(date) 既列为放假又列为调休上班(另见 \(first.location))",
                        en: "\(date) is listed both as a day off and as a make-up working day (see \(first.location))")
                }
                return
            }
            seen[date] = (asWork, location)
        }
    }

    // MARK: - Writing

    /// Runs of consecutive days as `A..B`, single days as `A`.
    private static func compress(_ days: [CivilDate]) -> [String] {
        var runs: [String] = []
        var sorted = days.sorted()[...]
        while let start = sorted.popFirst() {
            var end = start
            while let next = sorted.first, next.dayNumber == end.dayNumber + 1 {
                end = next
                sorted.removeFirst()
            }
            runs.append(start == end ? start.description : "\(start)..\(end)")
        }
        return runs.isEmpty ? ["[]"] : runs
    }

    /// `text` as a YAML scalar: plain when that reads back unchanged, double-quoted otherwise.
    static func yamlScalar(_ text: String) -> String {
        let reserved: Set<String> = ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"]
        let indicators: Set<Character> = [
            "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">",
            "'", "\"", "%", "@", "`", " ",
        ]
        let plain =
            !reserved.contains(text.lowercased()) && !indicators.contains(text.first ?? " ")
            && text.last != " " && text.last != ":" && !text.contains(": ") && !text.contains(" #")
            && !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            && Double(text) == nil && CivilDate(iso: text) == nil
        if plain { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    quoted += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
