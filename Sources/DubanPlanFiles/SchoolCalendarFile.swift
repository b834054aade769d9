public import DubanCalendar
public import DubanCore
import Foundation
import Yams

/// Reads school calendar files (校历): one org unit's terms, exam weeks and whether breaks are quiet.
/// See docs/calendar-format.md, "School calendars".
public enum SchoolCalendarFile {
    static let topKeys = ["org", "name", "source", "quiet_during_breaks", "terms", "note"]
    static let termKeys = ["season", "start", "end", "exams", "name"]

    /// Parses `text`, the content of `file`; the calendar is returned only when there are no errors.
    public static func parse(_ text: String, file: String) -> (SchoolCalendar?, [Diagnostic]) {
        let collector = DiagnosticCollector(file: file)
        guard let root = collector.compose(text),
            let top = MappingReader(root, collector: collector, context: .init(zh: "校历文件", en: "the school calendar"))
        else { return (nil, collector.diagnostics) }
        let org = top.string("org", required: true)
        let name = top.string("name")
        let source = top.string("source")
        let quiet = top.bool("quiet_during_breaks") ?? true
        _ = top.string("note")
        var terms: [SchoolTerm] = []
        var termNodes: [Node] = []
        for node in top.sequence("terms", required: true) ?? [] {
            guard let m = MappingReader(node, collector: collector, context: .init(zh: "学期", en: "a term")) else { continue }
            let season = m.oneOf("season", TermSeason.allCases.map(\.rawValue), required: true).flatMap(TermSeason.init(rawValue:))
            let start = m.date("start", required: true)
            let end = m.date("end", required: true)
            let termName = m.string("name")
            var exams: [ClosedRange<CivilDate>] = []
            for examNode in m.sequence("exams", allowScalar: true) ?? [] {
                if let span = range(examNode, collector: collector) { exams.append(span) }
            }
            m.finish(known: termKeys)
            guard let season, let start, let end else { continue }
            if end < start {
                collector.error(m.value("end"), "bad-window", zh: "学期结束(\(end))早于开始(\(start))", en: "the term ends (\(end)) before it starts (\(start))")
                continue
            }
            // Spring terms start January–April, autumn terms August–October: catch a swapped season.
            let month = start.month
            if (season == .spring && !(1...4).contains(month)) || (season == .autumn && !(8...10).contains(month)) {
                collector.error(
                    m.value("season"), "bad-season",
                    zh: "\(season.chinese)不应在\(month)月开学(春季学期1—4月、秋季学期8—10月开学)",
                    en: "a \(season.rawValue) term should not start in month \(month) (spring: Jan–Apr, autumn: Aug–Oct)")
                continue
            }
            for exam in exams where exam.lowerBound < start || exam.upperBound > end {
                collector.error(
                    m.value("exams"), "bad-window", zh: "考试周 \(exam.lowerBound)..\(exam.upperBound) 不在学期内",
                    en: "exam week \(exam.lowerBound)..\(exam.upperBound) lies outside the term")
            }
            terms.append(SchoolTerm(season: season, start: start, end: end, exams: exams, name: termName))
            termNodes.append(node)
        }
        // Terms must not overlap, and each term appears once.
        let order = terms.indices.sorted { terms[$0].start < terms[$1].start }
        for (a, b) in zip(order, order.dropFirst()) {
            if terms[b].reference == terms[a].reference {
                collector.error(termNodes[b], "duplicate-id", zh: "学期重复:\(terms[b].start.year)年\(terms[b].season.chinese)", en: "duplicate term: \(terms[b].season.rawValue) \(terms[b].start.year)")
            } else if terms[b].start <= terms[a].end {
                collector.error(termNodes[b], "overlap", zh: "学期与上一学期重叠", en: "the term overlaps the previous one")
            }
        }
        top.finish(known: topKeys)
        if collector.hasErrors { return (nil, collector.diagnostics) }
        guard let org else { return (nil, collector.diagnostics) }
        return (SchoolCalendar(org: org, name: name, source: source, terms: terms, quietDuringBreaks: quiet), collector.diagnostics)
    }

    /// `2026-01-12..2026-01-16` or a single date.
    static func range(_ node: Node, collector: DiagnosticCollector) -> ClosedRange<CivilDate>? {
        guard let text = node.scalar?.string else {
            collector.error(node, "wrong-type", zh: "考试周应写作 开始..结束", en: "an exam week is written start..end")
            return nil
        }
        let parts = text.components(separatedBy: "..").map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let a = CivilDate(iso: parts[0]), let b = CivilDate(iso: parts.last!), a <= b else {
            collector.error(node, "bad-date", zh: "考试周日期无效:\(text)", en: "invalid exam week: \(text)")
            return nil
        }
        return a...b
    }

    /// Loads every `*.yaml` in `directory`, checking that each names a unit of `directory` and no unit twice.
    public static func loadDirectory(_ path: String, orgDirectory: OrgDirectory) throws(DiagnosticsError) -> [SchoolCalendar] {
        var diagnostics: [Diagnostic] = []
        var calendars: [SchoolCalendar] = []
        var seen: [String: String] = [:]
        for file in PlanSources.yamlFiles(in: path) {
            switch PlanSetLoader.readText(file) {
            case .failure(let d): diagnostics.append(d)
            case .success(let text):
                let (calendar, found) = parse(text, file: file)
                diagnostics += found
                guard let calendar else { continue }
                if orgDirectory.unit(calendar.org) == nil {
                    diagnostics.append(
                        Diagnostic(
                            at: .init(file: file, line: 1, column: 1), code: "dangling-reference",
                            message: .init(zh: "机构 `\(calendar.org)` 不在组织机构文件中", en: "unit `\(calendar.org)` is not in the org directory")))
                } else if let other = seen[calendar.org] {
                    diagnostics.append(
                        Diagnostic(
                            at: .init(file: file, line: 1, column: 1), code: "duplicate-id",
                            message: .init(zh: "机构 `\(calendar.org)` 已有校历:\(other)", en: "unit `\(calendar.org)` already has a school calendar: \(other)")))
                } else {
                    seen[calendar.org] = file
                    calendars.append(calendar)
                }
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(diagnostics) }
        return calendars
    }
}
