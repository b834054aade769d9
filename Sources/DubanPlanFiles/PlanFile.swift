import DubanCalendar
public import DubanCore
import Foundation
import Yams

/// A plan read from one file, with the locations that cross-file checks (assignees, dependencies, duplicate plan
/// ids) need to point at.
public struct ParsedPlan: Sendable {
    public var plan: Plan
    /// Location of the plan's `id` value.
    public var idLocation: Diagnostic.Location
    /// For each task id: the location of every assignee, in order.
    public var assigneeLocations: [String: [(String, Diagnostic.Location)]]
    /// For each task id: the location of every `depends_on` entry.
    public var dependencyLocations: [String: [(String, Diagnostic.Location)]]
    /// For each task id: the location of every co-unit (`co_units`) and of `responsible`.
    public var coUnitLocations: [String: [(String, Diagnostic.Location)]] = [:]
    public var responsibleLocations: [String: Diagnostic.Location] = [:]
}

/// Reads one plan file (one plan per file) strictly. See docs/plan-format.md.
public enum PlanFile {
    static let planKeys = [
        "id", "title", "issuer", "document", "published", "source", "horizon", "assignees", "reminders", "roll", "tags",
        "tasks", "note", "origin", "urgency",
    ]
    static let commonTaskKeys = [
        "id", "title", "kind", "assignees", "due", "window", "reminders", "roll", "depends_on", "tags", "source",
        "note", "origin", "urgency", "lead", "co_units", "responsible", "feedback",
    ]
    static let kindKeys: [TaskKind: [String]] = [
        .deadline: [],
        .recurring: ["recurrence", "at"],
        .quota: ["quota"],
        .target: ["target"],
        .procedural: ["limit", "extension", "trigger"],
        .ongoing: ["review", "target"],
    ]
    static let quotaKeys = ["count", "unit", "subject", "per", "cycle", "at_least"]
    static let targetKeys = ["metric", "value", "value_max", "unit", "comparator", "qualifier"]
    static let recurrenceKeys = ["every", "interval", "times", "at_least"]
    static let sourceKeys = ["document", "line", "quote"]
    static let spanKeys = ["start", "end"]

    /// Parses `text`, the content of `file`. The plan is returned only when there are no errors.
    public static func parse(_ text: String, file: String, settings: SiteSettings = .init()) -> (
        ParsedPlan?, [Diagnostic]
    ) {
        parse(text, file: file, settings: settings, cache: InterpretationCache(conventions: settings.conventions))
    }

    /// Parses `text` with a cache of time expressions shared by the files of one load.
    static func parse(
        _ text: String,
        file: String,
        settings: SiteSettings,
        cache: InterpretationCache
    ) -> (ParsedPlan?, [Diagnostic]) {
        let collector = DiagnosticCollector(file: file)
        guard let root = collector.compose(text),
            let top = MappingReader(root, collector: collector, context: .init(zh: "计划文件", en: "the plan file"))
        else { return (nil, collector.diagnostics) }
        let reader = PlanReader(collector: collector, settings: settings, cache: cache)
        let id = top.string("id", required: true)
        if let id, !Identifiers.isValid(id) {
            collector.error(
                top.value("id"),
                "bad-id",
                zh: Identifiers.rule.zh + ":\(id)",
                en: Identifiers.rule.en + ": \(id)"
            )
        }
        let title = top.string("title", required: true)
        let issuer = top.string("issuer")
        let document = top.string("document")
        let published = top.date("published")
        let source = top.string("source")
        _ = top.string("note")
        let horizon = top.value("horizon").flatMap { reader.span($0, key: "horizon") }
        let defaultAssignees = top.stringList("assignees") ?? []
        let defaultReminders = reader.reminders(top, key: "reminders") ?? settings.reminders
        let defaultRoll =
            top.oneOf("roll", RollRule.allCases.map(\.rawValue)).flatMap(RollRule.init(rawValue:)) ?? settings.roll
        let planTags = (top.stringList("tags") ?? []).map(\.0)
        let defaultOrigin = reader.origin(top)
        let defaultUrgency = reader.urgency(top)
        var tasks: [PlanTask] = []
        var assigneeLocations: [String: [(String, Diagnostic.Location)]] = [:]
        var dependencyLocations: [String: [(String, Diagnostic.Location)]] = [:]
        var coUnitLocations: [String: [(String, Diagnostic.Location)]] = [:]
        var responsibleLocations: [String: Diagnostic.Location] = [:]
        var seen: Set<String> = []
        let taskNodes = top.sequence("tasks", required: true) ?? []
        if top.has("tasks"), taskNodes.isEmpty {
            collector.error(top.value("tasks"), "no-tasks", zh: "计划中没有任何任务", en: "the plan has no tasks")
        }
        for node in taskNodes {
            let defaults = PlanReader.TaskDefaults(
                assignees: defaultAssignees,
                reminders: defaultReminders,
                roll: defaultRoll,
                tags: planTags,
                horizon: horizon,
                origin: defaultOrigin,
                urgency: defaultUrgency
            )
            guard let read = reader.task(node, defaults: defaults) else { continue }
            let task = read.task
            if seen.contains(task.id) {
                collector.error(
                    node.mapping?["id"],
                    "duplicate-id",
                    zh: "任务编号 `\(task.id)` 在本计划中重复",
                    en: "duplicate task id `\(task.id)` in this plan"
                )
                continue
            }
            seen.insert(task.id)
            tasks.append(task)
            assigneeLocations[task.id] = read.assignees.map { ($0.0, collector.location($0.1)) }
            dependencyLocations[task.id] = read.dependencies.map { ($0.0, collector.location($0.1)) }
            coUnitLocations[task.id] = read.coUnits.map { ($0.0, collector.location($0.1)) }
            if let responsible = read.responsible { responsibleLocations[task.id] = collector.location(responsible) }
        }
        top.finish(known: planKeys)
        // Dependencies inside the plan: targets exist, no cycles (cross-plan ones are checked by the loader).
        if collector.hasErrors { return (nil, collector.diagnostics) }
        guard let id, let title else { return (nil, collector.diagnostics) }
        let plan = Plan(
            id: id,
            title: title,
            issuer: issuer,
            document: document,
            published: published,
            source: source,
            horizon: horizon,
            tasks: tasks,
            file: file
        )
        let parsed = ParsedPlan(
            plan: plan,
            idLocation: collector.location(top.value("id")),
            assigneeLocations: assigneeLocations,
            dependencyLocations: dependencyLocations,
            coUnitLocations: coUnitLocations,
            responsibleLocations: responsibleLocations
        )
        return (parsed, collector.diagnostics)
    }
}

/// The task-level reading logic of `PlanFile`.
struct PlanReader {
    let collector: DiagnosticCollector
    let settings: SiteSettings
    let cache: InterpretationCache

    struct TaskDefaults {
        var assignees: [(String, Node)]
        var reminders: [Int]
        var roll: RollRule
        var tags: [String]
        var horizon: DateSpan?
        var origin: String?
        var urgency: TaskUrgency?
    }

    /// `origin:` (来源), one of the site's origins.
    func origin(_ m: MappingReader) -> String? {
        guard let text = m.string("origin") else { return nil }
        guard settings.origins.contains(text) else {
            collector.error(
                m.value("origin"),
                "bad-value",
                zh: "来源(origin)应为以下之一:\(settings.origins.joined(separator: "、")),而不是“\(text)”",
                en: "`origin` must be one of \(settings.origins.joined(separator: ", ")), not “\(text)”"
            )
            return nil
        }
        return text
    }

    /// `urgency:` (紧急程度): 一般, 急办, 特急 (or normal, urgent, extra_urgent).
    func urgency(_ m: MappingReader) -> TaskUrgency? {
        guard let text = m.string("urgency") else { return nil }
        guard let value = TaskUrgency(text: text) else {
            collector.error(
                m.value("urgency"),
                "bad-value",
                zh: "紧急程度(urgency)应为 一般、急办 或 特急,而不是“\(text)”",
                en: "`urgency` must be 一般, 急办 or 特急 (normal, urgent, extra_urgent), not “\(text)”"
            )
            return nil
        }
        return value
    }

    /// `feedback:` (进展反馈): weekly/每周, monthly/每月, or every N working days (每5个工作日).
    func feedback(_ m: MappingReader) -> FeedbackCadence? {
        guard let text = m.string("feedback") else { return nil }
        guard let value = FeedbackCadence(text: text) else {
            collector.error(
                m.value("feedback"),
                "bad-value",
                zh: "进展反馈周期(feedback)应为 每周、每月 或 每N个工作日(N为1到250),而不是“\(text)”",
                en: "`feedback` must be weekly, monthly or every N working days (每N个工作日, N 1…250), not “\(text)”"
            )
            return nil
        }
        return value
    }

    /// A task read from its node, with the nodes of what the loader checks across files.
    struct ReadTask {
        var task: PlanTask
        var assignees: [(String, Node)]
        var dependencies: [(String, Node)]
        var coUnits: [(String, Node)]
        var responsible: Node?
    }

    func task(_ node: Node, defaults: TaskDefaults) -> ReadTask? {
        let idText = node.mapping?["id"]?.scalar?.string
        let context = LocalizedText(
            zh: "任务" + (idText.map { " \($0) " } ?? ""),
            en: "task" + (idText.map { " \($0)" } ?? "")
        )
        guard let m = MappingReader(node, collector: collector, context: context) else { return nil }
        let before = collector.diagnostics.count
        let id = m.string("id", required: true)
        if let id, !Identifiers.isValid(id) {
            collector.error(
                m.value("id"),
                "bad-id",
                zh: Identifiers.rule.zh + ":\(id)",
                en: Identifiers.rule.en + ": \(id)"
            )
        }
        let title = m.string("title", required: true)
        let kind = m.oneOf("kind", TaskKind.allCases.map(\.rawValue), required: true).flatMap(TaskKind.init(rawValue:))
        // 牵头单位: `lead` names the one unit instead of `assignees`; `co_units` work with it.
        let lead = m.value("lead").flatMap { node -> (String, Node)? in
            guard let text = m.string("lead"), !text.isEmpty else { return nil }
            return (text, node)
        }
        let coUnitNodes = (m.stringList("co_units") ?? []).filter { !$0.0.isEmpty }
        let coUnits = coUnitNodes.map(\.0)
        if lead != nil, m.has("assignees") {
            collector.error(
                m.keyNode("lead"),
                "lead-and-assignees",
                zh: "\(context.zh)同时写了牵头单位(lead)和承办单位(assignees):牵头单位只有一个,协办单位写在 co_units",
                en: "\(context.en) has both `lead` and `assignees`: one lead unit, the others in `co_units`"
            )
        }
        if lead == nil, !coUnits.isEmpty {
            collector.error(
                m.keyNode("co_units"),
                "co-units-without-lead",
                zh: "\(context.zh)有协办单位(co_units)却没有牵头单位(lead)",
                en: "\(context.en) has `co_units` but no `lead`"
            )
        }
        if let lead, coUnits.contains(lead.0) {
            collector.error(
                m.value("co_units"),
                "lead-in-co-units",
                zh: "牵头单位 `\(lead.0)` 不能同时是协办单位",
                en: "the lead unit `\(lead.0)` cannot also be a co-unit"
            )
        }
        let responsible = m.string("responsible")
        let origin = origin(m) ?? defaults.origin
        let urgency = urgency(m) ?? defaults.urgency
        var assignees = lead.map { [$0] } ?? m.stringList("assignees") ?? defaults.assignees
        if assignees.isEmpty, kind != nil {
            collector.error(
                node,
                "no-assignees",
                zh: "\(context.zh)没有承办单位(assignees),计划也未设默认承办单位",
                en: "\(context.en) has no assignees and the plan sets no default"
            )
        }
        assignees = assignees.filter { !$0.0.isEmpty }
        let due = m.value("due").flatMap { dueSpec($0, key: "due") }
        let window = m.value("window").flatMap { span($0, key: "window") }
        let reminders = reminders(m, key: "reminders") ?? defaults.reminders
        let roll = m.oneOf("roll", RollRule.allCases.map(\.rawValue)).flatMap(RollRule.init(rawValue:)) ?? defaults.roll
        let dependencies = m.stringList("depends_on") ?? []
        let tags = defaults.tags + (m.stringList("tags") ?? []).map(\.0).filter { !defaults.tags.contains($0) }
        let source = m.mapping("source", context: .init(zh: "来源(source)", en: "`source`")).map { s -> SourceRef in
            let ref = SourceRef(
                document: s.string("document"),
                line: s.int("line", range: 1...10_000_000),
                quote: s.string("quote")
            )
            s.finish(known: PlanFile.sourceKeys)
            return ref
        }
        let note = m.string("note")
        var task = PlanTask(
            id: id ?? "",
            title: title ?? "",
            kind: kind ?? .deadline,
            assignees: assignees.map(\.0),
            due: due,
            window: window,
            reminders: reminders,
            roll: roll,
            dependsOn: dependencies.map(\.0),
            tags: tags,
            source: source,
            note: note
        )
        task.origin = origin
        task.urgency = urgency
        task.feedback = feedback(m)
        task.lead = lead?.0
        task.coUnits = coUnits
        task.responsible = responsible
        if let kind {
            readKindFields(kind, m, node: node, context: context, defaults: defaults, into: &task)
            let allowed = PlanFile.commonTaskKeys + (PlanFile.kindKeys[kind] ?? [])
            for key in m.keys where !allowed.contains(key) {
                if let owner = PlanFile.kindKeys.first(where: { $0.value.contains(key) })?.key {
                    _ = m.value(key)
                    collector.error(
                        m.keyNode(key),
                        "wrong-kind-key",
                        zh: "`\(key)` 只用于 kind: \(owner.rawValue) 的任务,本任务是 \(kind.rawValue)",
                        en: "`\(key)` applies to kind \(owner.rawValue) only; this task is \(kind.rawValue)"
                    )
                }
            }
            m.finish(known: allowed)
        } else {
            for key in m.keys { _ = m.value(key) }
        }
        if let window, window.start > window.end {
            collector.error(
                m.value("window"),
                "bad-window",
                zh: "时间窗口的开始(\(window.start))晚于结束(\(window.end))",
                en: "the window starts (\(window.start)) after it ends (\(window.end))"
            )
        }
        if collector.diagnostics[before...].contains(where: { $0.severity == .error }) { return nil }
        return ReadTask(
            task: task, assignees: assignees, dependencies: dependencies, coUnits: coUnitNodes,
            responsible: task.responsible == nil ? nil : m.value("responsible"))
    }

    func readKindFields(
        _ kind: TaskKind,
        _ m: MappingReader,
        node: Node,
        context: LocalizedText,
        defaults: TaskDefaults,
        into task: inout PlanTask
    ) {
        let interpretation = task.due?.interpretation
        switch kind {
        case .deadline, .target:
            if interpretation == nil, kind == .target, defaults.horizon != nil {
                // A target with no date of its own is due at the end of the plan's horizon.
            } else if interpretation == nil {
                // A `due` that is there but unreadable has had its own error; only an absent one is missing.
                if !m.has("due") { m.missing("due") }
            } else if interpretation?.due == nil {
                collector.error(
                    m.value("due"),
                    "no-due-date",
                    zh: "\(kind == .deadline ? "限时任务" : "目标指标")须有具体期限,`\(task.due?.text ?? "")` 不给出日期"
                        + (interpretation?.ongoing == true ? "(长期坚持的任务请用 kind: ongoing)" : ""),
                    en: "a \(kind.rawValue) needs a date; `\(task.due?.text ?? "")` gives none"
                        + (interpretation?.ongoing == true ? " (use kind: ongoing for 长期坚持)" : "")
                )
            }
            if kind == .target { task.target = target(m, required: true) }
        case .recurring:
            if let atNode = m.value("at") {
                task.recurrenceAt = monthDay(atNode)
            }
            guard let r = m.value("recurrence") else {
                if let recurrence = interpretation?.recurrence {
                    task.recurrence = recurrence
                } else {
                    m.missing("recurrence")
                }
                return
            }
            task.recurrence = recurrence(r, key: "recurrence")
            if task.recurrenceAt != nil, task.recurrence.map({ $0.every != .year || $0.times != 1 }) == true {
                collector.error(
                    m.value("at"),
                    "bad-at",
                    zh: "`at` 只用于每年一次的周期任务",
                    en: "`at` applies to once-a-year duties only"
                )
            }
        case .ongoing:
            if let r = m.value("review") { task.recurrence = recurrence(r, key: "review") }
            if m.has("target") { task.target = target(m, required: false) }
        case .quota:
            readQuota(m, into: &task)
        case .procedural:
            readProcedural(m, interpretation: interpretation, into: &task)
        }
    }

    /// A `target` mapping.
    func target(_ m: MappingReader, required: Bool) -> TargetSpec? {
        if let t = m.mapping("target", required: required, context: .init(zh: "目标(target)", en: "`target`")) {
            let metric = t.string("metric", required: true)
            let value = t.double("value")
            let qualifier = t.string("qualifier")
            if value == nil, qualifier == nil, !t.has("value") {
                t.missing("value")
            }
            let comparator =
                t.oneOf("comparator", TargetSpec.Comparator.allCases.map(\.rawValue))
                .flatMap(TargetSpec.Comparator.init(rawValue:)) ?? .atLeast
            let valueMax = t.double("value_max")
            if let value, let valueMax, valueMax < value {
                collector.error(
                    t.value("value_max"),
                    "bad-range",
                    zh: "value_max(\(valueMax))小于 value(\(value))",
                    en: "value_max (\(valueMax)) is below value (\(value))"
                )
            }
            let spec = TargetSpec(
                metric: metric ?? "",
                value: value,
                valueMax: valueMax,
                unit: t.string("unit"),
                comparator: comparator,
                qualifier: qualifier
            )
            t.finish(known: PlanFile.targetKeys)
            return spec
        }
        return nil
    }

    /// `at`: a day inside each yearly period, as `MM-DD` or 年初/年中/年底.
    func monthDay(_ node: Node) -> MonthDay? {
        let text = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
        let conventions = settings.conventions
        switch text {
        case "年初": return conventions.yearStart
        case "年中": return conventions.midYear
        case "年底", "年末": return MonthDay(month: 12, day: 31)
        default: break
        }
        let parts = text.split(separator: "-")
        if parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month),
            day >= 1, day <= CivilDate.daysInMonth(year: 2001, month: month)
        {
            return MonthDay(month: month, day: day)
        }
        collector.error(
            node,
            "bad-at",
            zh: "`at` 应为 MM-DD 或 年初/年中/年底:\(text)",
            en: "`at` must be MM-DD or 年初/年中/年底: \(text)"
        )
        return nil
    }

    func readQuota(_ m: MappingReader, into task: inout PlanTask) {
        guard let q = m.mapping("quota", required: true, context: .init(zh: "数量指标(quota)", en: "`quota`")) else {
            return
        }
        let count = q.double("count", required: true)
        if let count, count <= 0 {
            collector.error(q.value("count"), "out-of-range", zh: "数量须大于0", en: "`count` must be greater than 0")
        }
        let unit = q.string("unit", required: true)
        let per = q.oneOf("per", QuotaSpec.Per.allCases.map(\.rawValue)).flatMap(QuotaSpec.Per.init(rawValue:)) ?? .year
        var cycle: QuotaCycle?
        if let c = q.value("cycle") {
            if c.scalar != nil {
                if let text = c.scalar?.string, let interpreted = interpret(text, node: c) {
                    cycle = interpreted.cycle
                    if cycle == nil {
                        collector.error(
                            c,
                            "bad-cycle",
                            zh: "`\(text)` 不是周期(例如 四年完成一轮)",
                            en: "`\(text)` is not a cycle (e.g. 四年完成一轮)"
                        )
                    }
                }
            } else if let cm = MappingReader(c, collector: collector, context: .init(zh: "周期(cycle)", en: "`cycle`")) {
                let years = cm.int("years", required: true, range: 1...50)
                let rounds = cm.int("rounds", range: 1...50) ?? 1
                cm.finish(known: ["years", "rounds"])
                if let years { cycle = QuotaCycle(years: years, rounds: rounds) }
            }
        }
        task.quota = QuotaSpec(
            count: count ?? 0,
            unit: unit ?? "",
            subject: q.string("subject"),
            per: per,
            cycle: cycle,
            atLeast: q.bool("at_least") ?? false
        )
        q.finish(known: PlanFile.quotaKeys)
    }

    func readProcedural(_ m: MappingReader, interpretation: TimeInterpretation?, into task: inout PlanTask) {
        guard let l = m.value("limit") else {
            if let limit = interpretation?.limit {
                task.procedural = ProceduralSpec(limit: limit, trigger: m.string("trigger"))
            } else {
                m.missing("limit")
            }
            return
        }
        var limit: ProceduralLimit?
        if let text = l.scalar?.string {
            if let interpreted = interpret(text, node: l) {
                limit = interpreted.limit
                if limit == nil {
                    collector.error(
                        l,
                        "bad-limit",
                        zh: "`\(text)` 不是时限(例如 15个工作日)",
                        en: "`\(text)` is not a limit (e.g. 15个工作日)"
                    )
                }
            }
        } else if let lm = MappingReader(l, collector: collector, context: .init(zh: "时限(limit)", en: "`limit`")) {
            let count = lm.int("count", required: true, range: 0...3650)
            let unit = lm.oneOf("unit", ["working_days", "calendar_days", "months"], required: true)
                .flatMap(LimitUnit.init(rawValue:))
            lm.finish(known: ["count", "unit"])
            if let count, let unit { limit = ProceduralLimit(count: count, unit: unit) }
        }
        if var limit {
            if let e = m.value("extension") {
                if let n = MappingReader.int(e, key: "extension", collector: collector, range: 0...3650) {
                    limit.extensionCount = n
                } else if let text = e.scalar?.string, let interpreted = interpret(text, node: e) {
                    limit.extensionCount = interpreted.limit?.extensionCount ?? interpreted.limit?.count
                }
            }
            task.procedural = ProceduralSpec(limit: limit, trigger: m.string("trigger"))
        }
    }

    /// A recurrence: an expression such as 每年不少于2次, or `{every, interval, times, at_least}`.
    func recurrence(_ node: Node, key: String) -> Recurrence? {
        if let text = node.scalar?.string {
            guard let interpreted = interpret(text, node: node) else { return nil }
            guard let recurrence = interpreted.recurrence else {
                collector.error(
                    node,
                    "bad-recurrence",
                    zh: "`\(text)` 不是周期(例如 每年不少于2次)",
                    en: "`\(text)` is not a recurrence (e.g. 每年不少于2次)"
                )
                return nil
            }
            return recurrence
        }
        guard let r = MappingReader(node, collector: collector, context: .init(zh: "`\(key)`", en: "`\(key)`")) else {
            return nil
        }
        let every = r.oneOf("every", RecurrencePeriod.allCases.map(\.rawValue), required: true).flatMap(
            RecurrencePeriod.init(rawValue:)
        )
        let interval = r.int("interval", range: 1...100) ?? 1
        let times = r.int("times", range: 1...366) ?? 1
        let atLeast = r.bool("at_least") ?? false
        r.finish(known: PlanFile.recurrenceKeys)
        return every.map { Recurrence(every: $0, interval: interval, times: times, atLeast: atLeast) }
    }

    /// A due date: ISO `YYYY-MM-DD` or a Chinese expression; both text and meaning are kept.
    func dueSpec(_ node: Node, key: String) -> DueSpec? {
        guard let text = node.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            collector.error(
                node,
                "wrong-type",
                zh: "`\(key)` 应为日期或时间表述",
                en: "`\(key)` must be a date or a time expression"
            )
            return nil
        }
        guard let interpretation = interpret(text, node: node) else { return nil }
        return DueSpec(text: text, interpretation: interpretation)
    }

    /// Interprets `text`; an ISO date is taken as is. Records an error quoting the text otherwise.
    func interpret(_ text: String, node: Node) -> TimeInterpretation? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = CivilDate(iso: trimmed) {
            return TimeInterpretation(text: text, due: date)
        }
        if trimmed.count == 10, trimmed.filter({ $0 == "-" }).count == 2,
            trimmed.allSatisfy({ $0.isNumber || $0 == "-" })
        {
            collector.error(node, "bad-date", zh: "日期不存在:\(trimmed)", en: "no such date: \(trimmed)")
            return nil
        }
        do {
            return try cache.interpret(text)
        } catch {
            collector.error(node, "bad-expression", zh: error.message.zh, en: error.message.en)
            return nil
        }
    }

    /// A span: an expression such as 2022—2025年, or `{start: DATE, end: DATE}`.
    func span(_ node: Node, key: String) -> DateSpan? {
        if let text = node.scalar?.string {
            guard let interpreted = interpret(text, node: node) else { return nil }
            guard let end = interpreted.due else {
                collector.error(
                    node,
                    "bad-span",
                    zh: "`\(text)` 不是时间段(例如 2022—2025年)",
                    en: "`\(text)` is not a period (e.g. 2022—2025年)"
                )
                return nil
            }
            let start = interpreted.windowStart ?? CivilDate.startOfYear(end.year)
            return DateSpan(start: start, end: end)
        }
        guard let m = MappingReader(node, collector: collector, context: .init(zh: "`\(key)`", en: "`\(key)`")) else {
            return nil
        }
        let start = m.date("start", required: true)
        let end = m.date("end", required: true)
        m.finish(known: PlanFile.spanKeys)
        guard let start, let end else { return nil }
        if start > end {
            collector.error(
                node,
                "bad-window",
                zh: "开始日期 \(start) 晚于结束日期 \(end)",
                en: "start \(start) is after end \(end)"
            )
            return nil
        }
        return DateSpan(start: start, end: end)
    }

    /// Reminder lead times in working days (0–250), sorted largest first.
    func reminders(_ m: MappingReader, key: String) -> [Int]? {
        guard let nodes = m.sequence(key, allowScalar: true) else { return nil }
        var result: [Int] = []
        for node in nodes {
            if let n = MappingReader.int(node, key: key, collector: collector, range: 0...250) { result.append(n) }
        }
        return Array(Set(result)).sorted(by: >)
    }
}
