public import DubanCore
import DubanCalendar
public import DubanPluginProtocol
import Foundation
import Yams

/// Reads plugin manifests (`/etc/duban/plugins.d/*.yaml`) strictly: unknown keys, wrong types and impossible
/// values are errors with `file:line:column`. See docs/plugin-protocol.md, "Manifest reference".
public enum PluginManifestFile {
    static let keys = [
        "name", "executable", "args", "env", "capabilities", "timeout", "max_output", "settings", "schedule", "tasks",
        "batch_size", "restart_delay", "restart_delay_max", "enabled", "receives", "min_severity", "note",
    ]

    /// The manifests of a directory: the good ones, and for each bad file its diagnostics.
    public struct DirectoryContents: Sendable {
        public var manifests: [PluginManifest]
        /// Files refused, with every problem found, in file-name order.
        public var rejected: [(file: String, name: String, diagnostics: [Diagnostic])]
        /// Manifests with `enabled: false`.
        public var disabled: [String]
    }

    /// Reads every `*.yaml` / `*.yml` in `directory` (sorted by name). A missing directory means no plugins. A bad
    /// file, or a second file with a name already taken, is rejected on its own; the others still load.
    public static func loadDirectory(_ directory: String) -> DirectoryContents {
        var contents = DirectoryContents(manifests: [], rejected: [], disabled: [])
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return contents }
        var taken: [String: String] = [:]
        for fileName in names.sorted() where fileName.hasSuffix(".yaml") || fileName.hasSuffix(".yml") {
            let path = (directory as NSString).appendingPathComponent(fileName)
            let stem = (fileName as NSString).deletingPathExtension
            let text: String
            switch PlanSetLoader.readText(path) {
            case .failure(let diagnostic):
                contents.rejected.append((path, stem, [diagnostic]))
                continue
            case .success(let value): text = value
            }
            let (manifest, enabled, diagnostics) = parseWithState(text, file: path)
            guard let manifest else {
                contents.rejected.append((path, stem, diagnostics))
                continue
            }
            if let other = taken[manifest.name] {
                contents.rejected.append(
                    (path, manifest.name, [
                        Diagnostic(
                            at: .init(file: path, line: 1, column: 1), code: "duplicate-plugin",
                            message: .init(
                                zh: "插件名“\(manifest.name)”已由 \(other) 使用", en: "plugin name \(manifest.name) is already used by \(other)")),
                    ]))
                continue
            }
            taken[manifest.name] = path
            if enabled { contents.manifests.append(manifest) } else { contents.disabled.append(manifest.name) }
        }
        return contents
    }

    /// Reads and parses one manifest; throws every problem found.
    public static func load(_ path: String) throws(DiagnosticsError) -> PluginManifest {
        switch PlanSetLoader.readText(path) {
        case .failure(let diagnostic): throw DiagnosticsError([diagnostic])
        case .success(let text):
            let (manifest, diagnostics) = parse(text, file: path)
            guard let manifest else { throw DiagnosticsError(diagnostics) }
            return manifest
        }
    }

    /// Parses `text`, the content of `file`; relative paths resolve against the file's directory. The manifest's
    /// name defaults to the file name without its extension.
    public static func parse(_ text: String, file: String) -> (PluginManifest?, [Diagnostic]) {
        let (manifest, _, diagnostics) = parseWithState(text, file: file)
        return (manifest, diagnostics)
    }

    static func parseWithState(_ text: String, file: String) -> (PluginManifest?, Bool, [Diagnostic]) {
        let collector = DiagnosticCollector(file: file)
        guard let root = collector.compose(text),
            let top = MappingReader(root, collector: collector, context: .init(zh: "插件清单", en: "the plugin manifest"))
        else { return (nil, false, collector.diagnostics) }
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent

        let name = top.string("name") ?? stem
        if !PluginManifest.isValidName(name) {
            collector.error(
                top.value("name") ?? root, "bad-name",
                zh: "插件名“\(name)”只能由小写字母、数字、- 和 _ 组成(至多 64 个字符)",
                en: "plugin name \(name) may hold only lowercase letters, digits, - and _ (at most 64 characters)")
        }
        var executable = top.string("executable", required: true) ?? ""
        if !executable.isEmpty, !executable.hasPrefix("/") {
            executable = base.appendingPathComponent(executable).standardizedFileURL.path
        }
        let arguments = (top.stringList("args") ?? []).map(\.0)
        var environment: [String: String] = [:]
        if let env = top.mapping("env", context: .init(zh: "`env`", en: "`env`")) {
            for key in env.keys {
                guard let value = env.string(key) else { continue }
                if key.isEmpty || key.contains("=") || !key.unicodeScalars.allSatisfy({ $0.isASCII }) {
                    collector.error(env.keyNode(key), "bad-value", zh: "环境变量名无效:\(key)", en: "not an environment variable name: \(key)")
                }
                environment[key] = value
            }
            env.finish(known: env.keys)
        }
        var capabilities: [PluginCapability] = []
        let capabilityNodes = top.stringList("capabilities", required: true) ?? []
        for (text, node) in capabilityNodes {
            let capability = PluginCapability(rawValue: text)
            guard capability.isKnown else {
                let list = PluginCapability.known.map(\.rawValue).joined(separator: ", ")
                collector.error(node, "bad-value", zh: "未知的插件能力 `\(text)`,应为:\(list)", en: "unknown capability `\(text)`; expected one of: \(list)")
                continue
            }
            if !capabilities.contains(capability) { capabilities.append(capability) }
        }
        if top.has("capabilities"), capabilityNodes.isEmpty {
            collector.error(top.value("capabilities"), "bad-value", zh: "`capabilities` 不能为空", en: "`capabilities` must not be empty")
        }
        let timeout = duration(top, "timeout", range: 0.05...3600) ?? 30
        let maximumOutput = byteSize(top, "max_output", range: 1024...(64 << 20)) ?? LineCodec.defaultMaximumLineBytes
        let settings = top.value("settings").map { jsonValue($0, collector: collector) } ?? .emptyObject
        if let node = top.value("settings"), node.mapping == nil {
            collector.error(node, "wrong-type", zh: "`settings` 应为映射(键: 值)", en: "`settings` must be a mapping (key: value)")
        }
        var schedule: [PluginScheduleSlot] = []
        for (text, node) in top.stringList("schedule") ?? [] {
            if let slot = scheduleSlot(text) {
                schedule.append(slot)
            } else {
                collector.error(
                    node, "bad-schedule", zh: "无法理解的检查时间“\(text)”(例如 每个工作日 07:00、每天 07:00)",
                    en: "cannot read the schedule \(text) (e.g. workdays 07:00, daily 07:00)")
            }
        }
        let tasks = (top.stringList("tasks") ?? []).map(\.0)
        for (pattern, node) in top.stringList("tasks") ?? [] where !pattern.contains("/") {
            collector.error(node, "bad-value", zh: "任务模式应写作 计划/任务(可用 *):\(pattern)", en: "a task pattern is plan/task (with *): \(pattern)")
        }
        let isChecker = capabilities.contains(.checker)
        if isChecker, schedule.isEmpty {
            collector.error(root, "missing-key", zh: "检查类插件(checker)须有 `schedule`", en: "a checker needs a `schedule`")
        }
        if isChecker, tasks.isEmpty {
            collector.error(root, "missing-key", zh: "检查类插件(checker)须有 `tasks`", en: "a checker needs `tasks`")
        }
        if !isChecker, let node = top.value("schedule") ?? top.value("tasks") {
            collector.error(
                node, "bad-value", zh: "`schedule` 和 `tasks` 只用于检查类插件(checker)",
                en: "`schedule` and `tasks` apply only to checkers")
        }
        let batchSize = top.int("batch_size", range: 1...1000) ?? 50
        let restartDelay = duration(top, "restart_delay", range: 0.01...3600) ?? 1
        let restartDelayMaximum = duration(top, "restart_delay_max", range: 0.01...86_400) ?? 300
        let enabled = top.bool("enabled") ?? true
        let receives = top.oneOf("receives", PluginManifest.Address.allCases.map(\.rawValue))
            .flatMap(PluginManifest.Address.init(rawValue:))
        let minimumSeverity = top.oneOf("min_severity", ["info", "warning", "critical"])
        if !capabilities.contains(.notifier), let node = top.value("receives") ?? top.value("min_severity") {
            collector.error(
                node, "bad-value", zh: "`receives` 和 `min_severity` 只用于通知类插件(notifier)",
                en: "`receives` and `min_severity` apply only to notifiers")
        }
        _ = top.value("note")
        top.finish(known: keys)
        guard !collector.hasErrors else { return (nil, enabled, collector.diagnostics) }
        let manifest = PluginManifest(
            name: name, executable: executable, arguments: arguments, environment: environment, capabilities: capabilities,
            timeout: timeout, maximumOutputBytes: maximumOutput, settings: settings, schedule: schedule, tasks: tasks,
            batchSize: batchSize, restartDelay: restartDelay, restartDelayMaximum: max(restartDelay, restartDelayMaximum),
            receives: receives, minimumSeverity: minimumSeverity, file: file)
        return (manifest, enabled, collector.diagnostics)
    }

    /// `每个工作日 07:00`, `工作日 7:00`, `workdays 07:00`, `每天 07:00`, `daily 07:00` …
    public static func scheduleSlot(_ text: String) -> PluginScheduleSlot? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.lastIndex(where: { $0 == " " || $0 == "\u{3000}" }) else {
            // `每个工作日07:00` without a space.
            guard let digit = trimmed.firstIndex(where: \.isASCII), digit != trimmed.startIndex else { return nil }
            return slot(days: String(trimmed[..<digit]), time: String(trimmed[digit...]))
        }
        return slot(
            days: String(trimmed[..<space]).trimmingCharacters(in: .whitespaces),
            time: String(trimmed[trimmed.index(after: space)...]))
    }

    private static func slot(days: String, time: String) -> PluginScheduleSlot? {
        let working = ["每个工作日", "每工作日", "工作日", "workdays", "workday", "working days", "every working day", "weekdays"]
        let daily = ["每天", "每日", "daily", "every day"]
        let kind: PluginScheduleSlot.Days
        if working.contains(days.lowercased()) {
            kind = .workingDays
        } else if daily.contains(days.lowercased()) {
            kind = .everyDay
        } else {
            return nil
        }
        guard let time = TimeOfDay(time), time.description.count == 5 else { return nil }
        return PluginScheduleSlot(days: kind, hour: time.hour, minute: time.minute)
    }

    /// Seconds: `30`, `1.5`, `30s`, `500ms`, `2m`, `1h`.
    static func duration(_ reader: MappingReader, _ key: String, range: ClosedRange<Double>) -> Double? {
        guard let node = reader.value(key) else { return nil }
        let text = (node.scalar?.string ?? "").trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var value: Double?
        if let plain = Double(text) {
            value = plain
        } else if let (suffix, factor) = units.first(where: { text.hasSuffix($0.0) && Double(text.dropLast($0.0.count)) != nil }) {
            value = Double(text.dropLast(suffix.count)).map { $0 * factor }
        }
        guard let value, value.isFinite, range.contains(value) else {
            reader.collector.error(
                node, "bad-value",
                zh: "`\(key)` 应为 \(range.lowerBound) 到 \(range.upperBound) 秒之间的时长(如 30s、500ms、2m)",
                en: "`\(key)` must be a duration between \(range.lowerBound) and \(range.upperBound) seconds (e.g. 30s, 500ms, 2m)")
            return nil
        }
        return value
    }

    /// Bytes: `65536`, `64KiB`, `1MiB`, `1M`, `512K`.
    static func byteSize(_ reader: MappingReader, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node = reader.value(key) else { return nil }
        let text = (node.scalar?.string ?? "").trimmingCharacters(in: .whitespaces)
        let units: [(String, Int)] = [("KiB", 1024), ("MiB", 1 << 20), ("K", 1024), ("M", 1 << 20), ("B", 1)]
        var value: Int?
        if let plain = Int(text) {
            value = plain
        } else if let (suffix, factor) = units.first(where: { text.hasSuffix($0.0) && Int(text.dropLast($0.0.count).trimmingCharacters(in: .whitespaces)) != nil }) {
            // Checked: 99999999999999MiB is out of range, not an overflow.
            value = Int(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)).flatMap {
                let (bytes, overflow) = $0.multipliedReportingOverflow(by: factor)
                return overflow ? nil : bytes
            }
        }
        guard let value, range.contains(value) else {
            reader.collector.error(
                node, "bad-value", zh: "`\(key)` 应为 1KiB 到 64MiB 之间的字节数(如 1MiB)",
                en: "`\(key)` must be a size between 1KiB and 64MiB (e.g. 1MiB)")
            return nil
        }
        return value
    }

    /// A YAML node as JSON: mappings become objects, sequences arrays, scalars booleans, numbers, null or text.
    static func jsonValue(_ node: Node, collector: DiagnosticCollector) -> JSONValue {
        if let mapping = node.mapping {
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string else {
                    collector.error(key, "wrong-type", zh: "`settings` 的键应为文本", en: "keys in `settings` must be text")
                    continue
                }
                object[name] = jsonValue(value, collector: collector)
            }
            return .object(object)
        }
        if let sequence = node.sequence { return .array(sequence.map { jsonValue($0, collector: collector) }) }
        guard let scalar = node.scalar else { return .null }
        // Files are composed without implicit tags (YAMLReading): free-form settings resolve theirs here, as YAML's
        // core schema would, so `retries: 3` reaches the plugin as a number and `strict: true` as a boolean.
        let tag =
            node.tag.description.hasSuffix(":str") && scalar.style == .plain
            ? Resolver.default.resolveTag(of: Node.scalar(.init(scalar.string, Tag(.implicit), .plain))).rawValue
            : node.tag.description
        if scalar.style == .plain {
            if tag.hasSuffix(":null") { return .null }
            if tag.hasSuffix(":bool") {
                switch scalar.string.lowercased() {
                case "true", "yes", "on": return .bool(true)
                case "false", "no", "off": return .bool(false)
                default: break
                }
            }
            if tag.hasSuffix(":int"), let value = Int.construct(from: scalar) { return .number(Double(value)) }
            if tag.hasSuffix(":float"), let value = Double.construct(from: scalar), value.isFinite { return .number(value) }
        }
        return .string(scalar.string)
    }
}
