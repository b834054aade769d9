import DubanCalendar
import Foundation
import Testing

/// One hand-verified item of `../shared/timeline/*.yaml`, reduced to what the normalizer is checked against.
struct TimelineExpressionItem: CustomStringConvertible {
    var file: String
    var id: String
    var line: Int
    var kind: String
    var quote: String
    var dueText: String?
    var due: CivilDate?
    var windowStart: CivilDate?
    /// `every` and `interval` of the item's recurrence, when it states a period.
    var recurrence: (every: String, interval: Int)?
    var workingDays: Int?

    var description: String { "\(file.prefix(3)):L\(line) \(id) «\(dueText ?? "-")»" }

    /// True for the numbered 工作任务 of file 000, whose quote carries `完成时限:`.
    var isCompletionLimit: Bool { file.hasPrefix("000") && quote.contains("完成时限") }
}

/// Reads the timeline files: a list of flat mappings, one `key: value` per line (the files' fixed layout), so the
/// test needs no YAML library.
enum TimelineExpressionFixture {
    /// `../shared/timeline` next to the package root, found from this file's path; nil when absent.
    static let folder: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                let timeline = url.deletingLastPathComponent().appendingPathComponent("shared/timeline")
                return FileManager.default.fileExists(atPath: timeline.path) ? timeline : nil
            }
        }
        return nil
    }()

    static func load() throws -> [TimelineExpressionItem] {
        guard let folder else { return [] }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var items: [TimelineExpressionItem] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            var fields: [String: String] = [:]
            func flush() {
                guard let id = fields["id"] else { return }
                items.append(
                    TimelineExpressionItem(
                        file: file, id: id, line: Int(fields["line"] ?? "") ?? 0, kind: fields["kind"] ?? "",
                        quote: fields["quote"] ?? "", dueText: fields["due_text"], due: fields["due"].flatMap(date),
                        windowStart: fields["window_start"].flatMap(date),
                        recurrence: fields["recurrence"].flatMap(recurrence),
                        workingDays: fields["working_days"].flatMap { Int($0) }))
                fields = [:]
            }
            for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var line = Substring(rawLine)
                if line.hasPrefix("#") { continue }
                if line.hasPrefix("- ") {
                    flush()
                    line = line.dropFirst(2)
                } else if line.hasPrefix("  ") {
                    line = line.dropFirst(2)
                } else {
                    continue
                }
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = String(line[..<colon])
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                fields[key] = scalar(value)
            }
            flush()
        }
        return items
    }

    /// A YAML scalar: `null` → nil, '…' and "…" unquoted.
    static func scalar(_ value: String) -> String? {
        if value == "null" || value == "~" || value.isEmpty { return nil }
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
        }
        return value
    }

    static func date(_ value: String) -> CivilDate? { CivilDate(iso: value) }

    /// `{every: year, interval: 3, …}` → ("year", 3); nil when `every` is null (定期).
    static func recurrence(_ value: String) -> (every: String, interval: Int)? {
        var map: [String: String] = [:]
        for pair in value.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).split(separator: ",") {
            let parts = pair.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { map[parts[0]] = parts[1] }
        }
        guard let every = map["every"], every != "null" else { return nil }
        return (every, Int(map["interval"] ?? "1") ?? 1)
    }
}

@Suite("Timeline agreement (../shared/timeline)")
struct TimeExpressionTimelineTests {
    /// Items whose `due`/`window_start` come from context rather than from `due_text` (the notes say so).
    static let contextual: [String: String] = [
        "到2025年@000:230": "window 2021-01-01 from the quoted plan's title (2021—2025年), not from 到2025年",
        "4年累计@000:272": "window 2022–2025 from the plan horizon; 4年累计 alone is a 4-year cycle",
    ]

    /// Error codes that mean "no date here": the timeline keeps such items with a null or context-implied due.
    static let dateless: Set<String> = [
        TimeExpressionError.Code.vague, TimeExpressionError.Code.periodUnstated, TimeExpressionError.Code.relative,
        TimeExpressionError.Code.ambiguousDuration,
    ]

    /// `due_text@file:line`, the key of `contextual`.
    static func key(_ item: TimelineExpressionItem) -> String {
        "\(item.dueText ?? "")@\(item.file.prefix(3)):\(item.line)"
    }

    @Test(
        .enabled(if: TimelineExpressionFixture.folder != nil, "../shared/timeline not found next to the package root"))
    func dueAndWindowAgreeWithHandVerifiedItems() throws {
        let items = try TimelineExpressionFixture.load()
        #expect(items.count > 200, "expected the 246 items of the two timeline files, read \(items.count)")
        var agreed: [TimelineExpressionItem] = []
        var disagreed: [(TimelineExpressionItem, TimeInterpretation)] = []
        var rejected: [(TimelineExpressionItem, TimeExpressionError)] = []
        var recurrenceChecked = 0
        var recurrenceAgreed = 0
        var limitChecked = 0
        var limitAgreed = 0
        for item in items {
            guard let dueText = item.dueText else { continue }
            let result: TimeInterpretation
            do {
                result = try TimeExpression.interpret(dueText)
            } catch {
                rejected.append((item, error))
                continue
            }
            if result.due == item.due && result.windowStart == item.windowStart {
                agreed.append(item)
            } else {
                disagreed.append((item, result))
            }
            if let expected = item.recurrence, let recurrence = result.recurrence {
                recurrenceChecked += 1
                if recurrence.every.rawValue == expected.every && recurrence.interval == expected.interval {
                    recurrenceAgreed += 1
                } else {
                    Issue.record("\(item): recurrence \(recurrence) vs \(expected)")
                }
            }
            if let workingDays = item.workingDays, let limit = result.limit {
                limitChecked += 1
                let total = limit.count == 0 ? (limit.extensionCount ?? 0) : limit.count
                if total == workingDays && limit.unit == .workingDays {
                    limitAgreed += 1
                } else {
                    Issue.record("\(item): limit \(limit) vs \(workingDays) working days")
                }
            }
        }

        let accepted = agreed.count + disagreed.count
        let completion = items.filter { $0.isCompletionLimit && $0.dueText != nil }
        let completionAgreed = completion.filter { item in agreed.contains { $0.id == item.id } }
        print("timeline: \(items.count) items, \(accepted + rejected.count) with due_text")
        print("timeline: due+window_start agree on \(agreed.count)/\(accepted) accepted expressions")
        print("timeline: 完成时限 items of 000 agree \(completionAgreed.count)/\(completion.count)")
        print(
            "timeline: recurrence period agrees \(recurrenceAgreed)/\(recurrenceChecked); "
                + "working-day limits agree \(limitAgreed)/\(limitChecked)")
        for (item, result) in disagreed {
            print(
                "timeline: differs \(item): due \(String(describing: result.due)) vs \(String(describing: item.due)), "
                    + "window \(String(describing: result.windowStart)) vs \(String(describing: item.windowStart))")
        }
        for (item, error) in rejected {
            print("timeline: rejected \(item): \(error.code)")
        }

        #expect(completionAgreed.count == completion.count)
        #expect(completion.count >= 20)
        for (item, result) in disagreed {
            #expect(Self.contextual[Self.key(item)] != nil, "\(item) differs: \(result)")
        }
        for (item, error) in rejected {
            #expect(Self.dateless.contains(error.code), "\(item) rejected: \(error.message.en)")
            // A rejected item never has a due the text alone determines: either null or implied by context.
            #expect(item.windowStart == nil, "\(item) has a window but was rejected")
        }
        // Every deadline and recurring item whose due_text is a readable expression agrees, unless its dates come
        // from context.
        for item in disagreed.map(\.0) + agreed
        where ["deadline", "recurring"].contains(item.kind) && Self.contextual[Self.key(item)] == nil {
            #expect(agreed.contains { $0.id == item.id }, "\(item)")
        }
    }
}
