import Foundation
public import DubanCalendar
public import DubanCore
public import Yams

/// Collects diagnostics for one file while its YAML tree is read.
///
/// Every reader call that finds a problem records it here and returns nil, so a file's reader reports every
/// problem in one pass instead of stopping at the first.
public final class DiagnosticCollector {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) {
        self.file = file
    }

    /// True when at least one error (not warning) was recorded.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The location of `node` in this file.
    public func location(_ node: Node?) -> Diagnostic.Location {
        guard let mark = node?.mark else { return .init(file: file) }
        return .init(file: file, line: mark.line, column: mark.column)
    }

    /// The location of a 1-based `line` and `column` in this file.
    public func location(line: Int, column: Int) -> Diagnostic.Location {
        .init(file: file, line: line, column: column)
    }

    /// Records an error at `node`.
    public func error(_ node: Node?, _ code: String, zh: String, en: String) {
        diagnostics.append(Diagnostic(.error, at: location(node), code: code, message: .init(zh: zh, en: en)))
    }

    /// Records a warning at `node`.
    public func warning(_ node: Node?, _ code: String, zh: String, en: String) {
        diagnostics.append(Diagnostic(.warning, at: location(node), code: code, message: .init(zh: zh, en: en)))
    }

    /// Records an already-built diagnostic.
    public func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Parses `text` into a YAML tree, recording a syntax error (with its line and column) on failure.
    public func compose(_ text: String) -> Node? {
        do {
            // No implicit tag resolution: every reader here takes a scalar's text and parses it itself (ints,
            // dates, booleans), so resolving each scalar against Yams' regular-expression rules would be wasted
            // work (a third of the YAML time on a large plan library). Nulls are recognised by `isNull`.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                diagnostics.append(
                    Diagnostic(
                        at: .init(file: file, line: 1, column: 1), code: "empty-file",
                        message: .init(zh: "文件为空", en: "the file is empty")))
                return nil
            }
            return node
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, file: file))
            return nil
        } catch {
            diagnostics.append(
                Diagnostic(
                    at: .init(file: file), code: "yaml-syntax",
                    message: .init(zh: "YAML 无法解析:\(error)", en: "YAML cannot be parsed: \(error)")))
            return nil
        }
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return Diagnostic(
                at: .init(file: file, line: mark.line, column: mark.column), code: "yaml-syntax",
                message: .init(zh: "YAML 语法错误:\(problem)", en: "YAML syntax error: \(problem)"))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.joined(separator: ", ")
            return Diagnostic(
                at: .init(file: file, line: context.mark.line, column: context.mark.column), code: "duplicate-key",
                message: .init(zh: "同一映射中键重复:\(keys)", en: "duplicate key in mapping: \(keys)"))
        case .reader(let problem, _, _, _):
            return Diagnostic(
                at: .init(file: file), code: "yaml-encoding",
                message: .init(zh: "文件编码无法读取(须为 UTF-8):\(problem)", en: "cannot read the file (must be UTF-8): \(problem)"))
        default:
            return Diagnostic(
                at: .init(file: file), code: "yaml-syntax",
                message: .init(zh: "YAML 无法解析:\(error)", en: "YAML cannot be parsed: \(error)"))
        }
    }
}

/// Reads one YAML mapping strictly: typed accessors record wrong types, and `finish()` records every key that
/// no accessor asked for as an unknown key.
public final class MappingReader {
    public let node: Node
    public let collector: DiagnosticCollector
    /// What this mapping is, for messages (e.g. "任务 build-repo" / "task build-repo").
    public let context: LocalizedText
    private var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private var consumed: Set<String> = []

    /// Returns nil (recording an error) when `node` is not a mapping.
    public init?(_ node: Node, collector: DiagnosticCollector, context: LocalizedText) {
        self.node = node
        self.collector = collector
        self.context = context
        guard let mapping = node.mapping else {
            collector.error(
                node, "wrong-type", zh: "\(context.zh)应为映射(键: 值)", en: "\(context.en) must be a mapping (key: value)")
            return nil
        }
        for (key, value) in mapping {
            pairs.append((key.scalar?.string ?? "", key, value))
        }
    }

    /// The keys present, in file order.
    public var keys: [String] { pairs.map(\.key) }

    /// The value node for `key`, marking it as read.
    public func value(_ key: String) -> Node? {
        consumed.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    /// The key node for `key` (for locating messages about the key itself).
    public func keyNode(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.keyNode
    }

    /// True when `key` is present.
    public func has(_ key: String) -> Bool {
        pairs.contains { $0.key == key }
    }

    /// Records a missing required key at the mapping itself.
    public func missing(_ key: String) {
        collector.error(node, "missing-key", zh: "\(context.zh)缺少必填键 `\(key)`", en: "\(context.en) lacks required key `\(key)`")
    }

    /// A scalar string (any scalar is accepted as its text); records an error for mappings and sequences.
    public func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        return scalarString(node, key: key)
    }

    /// Whether `node` is YAML's null: an explicit `!!null` tag, or a plain (unquoted) empty, `~` or `null` scalar.
    static func isNull(_ node: Node) -> Bool {
        if node.tag.description.hasSuffix(":null") { return true }
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The text of a scalar node, or nil (with an error) for any other node.
    public func scalarString(_ node: Node, key: String) -> String? {
        if node.scalar == nil || MappingReader.isNull(node) {
            if node.scalar != nil {
                collector.error(node, "wrong-type", zh: "`\(key)` 不能为空", en: "`\(key)` must not be empty")
                return nil
            }
            if node.scalar == nil {
                collector.error(node, "wrong-type", zh: "`\(key)` 应为文本", en: "`\(key)` must be a text value")
                return nil
            }
        }
        return node.scalar?.string
    }

    /// An integer; records an error for anything else.
    public func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        return MappingReader.int(node, key: key, collector: collector, range: range)
    }

    /// An integer node's value; records an error for anything else.
    public static func int(_ node: Node, key: String, collector: DiagnosticCollector, range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = node.scalar?.string, let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            collector.error(node, "wrong-type", zh: "`\(key)` 应为整数", en: "`\(key)` must be an integer")
            return nil
        }
        if let range, !range.contains(value) {
            collector.error(
                node, "out-of-range", zh: "`\(key)` 应在 \(range.lowerBound) 到 \(range.upperBound) 之间,实为 \(value)",
                en: "`\(key)` must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            return nil
        }
        return value
    }

    /// A number (integer or decimal); records an error for anything else.
    public func double(_ key: String, required: Bool = false) -> Double? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard let text = node.scalar?.string, let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            collector.error(node, "wrong-type", zh: "`\(key)` 应为数字", en: "`\(key)` must be a number")
            return nil
        }
        return value
    }

    /// `true`/`false`; records an error for anything else.
    public func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            collector.error(node, "wrong-type", zh: "`\(key)` 应为 true 或 false", en: "`\(key)` must be true or false")
            return nil
        }
    }

    /// A `YYYY-MM-DD` date; records an error for a malformed or impossible date.
    public func date(_ key: String, required: Bool = false) -> CivilDate? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        return MappingReader.date(node, key: key, collector: collector)
    }

    /// A date node's value; records an error for a malformed or impossible date.
    public static func date(_ node: Node, key: String, collector: DiagnosticCollector) -> CivilDate? {
        guard let text = node.scalar?.string else {
            collector.error(node, "wrong-type", zh: "`\(key)` 应为日期(YYYY-MM-DD)", en: "`\(key)` must be a date (YYYY-MM-DD)")
            return nil
        }
        guard let date = CivilDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            collector.error(
                node, "bad-date", zh: "`\(key)` 不是有效日期:\(text)(应为 YYYY-MM-DD 且确有其日)",
                en: "`\(key)` is not a valid date: \(text) (expected YYYY-MM-DD, a day that exists)")
            return nil
        }
        return date
    }

    /// A nested mapping reader.
    public func mapping(_ key: String, required: Bool = false, context: LocalizedText) -> MappingReader? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        return MappingReader(node, collector: collector, context: context)
    }

    /// The items of a sequence; a single scalar is accepted as a one-item sequence when `allowScalar`.
    public func sequence(_ key: String, required: Bool = false, allowScalar: Bool = false) -> [Node]? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        if let sequence = node.sequence { return Array(sequence) }
        if allowScalar, node.scalar != nil { return [node] }
        collector.error(node, "wrong-type", zh: "`\(key)` 应为列表", en: "`\(key)` must be a list")
        return nil
    }

    /// A list of strings (a single string is accepted as a one-item list).
    public func stringList(_ key: String, required: Bool = false) -> [(String, Node)]? {
        guard let nodes = sequence(key, required: required, allowScalar: true) else { return nil }
        var result: [(String, Node)] = []
        for item in nodes {
            guard let text = item.scalar?.string else {
                collector.error(item, "wrong-type", zh: "`\(key)` 的每一项应为文本", en: "each item of `\(key)` must be a text value")
                continue
            }
            result.append((text, item))
        }
        return result
    }

    /// One of a fixed set of words; records an error naming the allowed ones otherwise.
    public func oneOf(_ key: String, _ allowed: [String], required: Bool = false) -> String? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard let text = node.scalar?.string, allowed.contains(text) else {
            let list = allowed.joined(separator: ", ")
            collector.error(
                node, "bad-value", zh: "`\(key)` 的值应为以下之一:\(list)", en: "`\(key)` must be one of: \(list)")
            return nil
        }
        return text
    }

    /// Records every key no accessor read as `unknown-key`, suggesting the closest known key.
    public func finish(known: [String]) {
        for pair in pairs where !consumed.contains(pair.key) {
            let hint = MappingReader.closest(to: pair.key, in: known).map { ($0, $0) }
            collector.error(
                pair.keyNode, "unknown-key",
                zh: "\(context.zh)中有未知的键 `\(pair.key)`" + (hint.map { ",是否应为 `\($0.0)`?" } ?? ""),
                en: "unknown key `\(pair.key)` in \(context.en)" + (hint.map { "; did you mean `\($0.1)`?" } ?? ""))
        }
    }

    /// The known key within edit distance 2 of `key`, if any.
    static func closest(to key: String, in known: [String]) -> String? {
        var best: (String, Int)?
        for candidate in known {
            let distance = editDistance(Array(key), Array(candidate))
            if distance <= 2, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
