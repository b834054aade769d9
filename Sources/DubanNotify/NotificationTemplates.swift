public import DubanCalendar
import DubanCore
import Foundation
internal import Mustache

/// The subject and body templates (Mustache, plain text), zh-Hans and en, with the built-in defaults and any
/// overrides an admin puts in `notifications.templates` as `NAME.LANG.mustache` (`subject.zh-Hans.mustache`,
/// `status.reminder.en.mustache`). Names and fields: docs/notifications.md.
public struct NotificationTemplates: Sendable {
    /// The template names: one status line per kind, the single-notice subject, the digest subject, the body.
    public static let names: [String] =
        NoticeKind.allCases.map { "status." + $0.rawValue } + [
            "subject", "digest-subject", "body",
        ]

    /// Fields of a notice (in `status.*`, `subject` and each of `body`'s `items`).
    public static let itemFields: Set<String> = [
        "key", "kind", "severity", "title", "org", "org_name", "plan", "plan_title", "task", "task_kind", "period",
        "occurrence", "due", "due_text", "days_left", "days_overdue", "repeat", "escalated", "detail", "status",
        "marker", "index",
    ]
    /// Fields of a message (in `digest-subject` and `body`).
    public static let messageFields: Set<String> = [
        "receiver", "date", "date_text", "count", "summary", "marker", "items", "single",
    ]

    private var templates: [String: MustacheTemplate]

    /// The built-in templates.
    public init() {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in Self.defaults {
            // The defaults are part of the product and covered by tests; a failure here is a programming error.
            templates[name] = try! MustacheTemplate(string: Self.textPragma + text)
        }
        self.templates = templates
    }

    static let textPragma = "{{% CONTENT_TYPE: TEXT}}"

    /// A problem in a template file.
    public struct Problem: Error, Hashable, Sendable {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: LocalizedText
    }

    /// Replaces the template `name.language` with `text` (read from `file`); returns the problems found
    /// (a syntax error or an unknown field, each with its line and column). A template with problems is not used.
    @discardableResult
    public mutating func override(name: String, language: Language, text: String, file: String) -> [Problem] {
        guard Self.names.contains(name) else {
            return [
                Problem(
                    file: file,
                    line: 1,
                    column: 1,
                    message: LocalizedText(
                        zh: "未知的模板名 \(name)(可用:\(Self.names.joined(separator: "、")))",
                        en: "unknown template name \(name) (known: \(Self.names.joined(separator: ", ")))"
                    )
                )
            ]
        }
        var problems: [Problem] = []
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: Self.textPragma + text)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber
            let column =
                line == 1 ? max(1, error.context.columnNumber - Self.textPragma.count) : error.context.columnNumber
            return [
                Problem(
                    file: file,
                    line: line,
                    column: column,
                    message: Self.syntaxMessage(error.error)
                )
            ]
        } catch {
            return [
                Problem(
                    file: file,
                    line: 1,
                    column: 1,
                    message: LocalizedText(zh: "模板无法解析:\(error)", en: "cannot parse the template: \(error)")
                )
            ]
        }
        let allowed = Self.itemFields.union(
            ["subject", "digest-subject", "body"].contains(name) ? Self.messageFields : []
        )
        for (field, line, column) in Self.fieldNames(in: text) where !allowed.contains(field) && field != "." {
            problems.append(
                Problem(
                    file: file,
                    line: line,
                    column: column,
                    message: LocalizedText(
                        zh: "模板中有未知字段 \(field)(字段见 docs/notifications.md)",
                        en: "unknown field \(field) in the template (see docs/notifications.md)"
                    )
                )
            )
        }
        if problems.isEmpty { templates[Self.key(name, language)] = template }
        return problems
    }

    /// A Mustache parser error in words.
    static func syntaxMessage(_ error: any Error) -> LocalizedText {
        switch error as? MustacheTemplate.Error {
        case .unfinishedName?:
            return LocalizedText(
                zh: "模板语法错误:标签未闭合,或名称含 Mustache 不允许的字符(字段名用英文,见 docs/notifications.md)",
                en: "template syntax error: a tag is not closed, or its name has characters Mustache does not allow"
            )
        case .sectionCloseNameIncorrect?:
            return LocalizedText(
                zh: "模板语法错误:区段的结束标签与开始标签不符",
                en: "template syntax error: a section's closing tag does not match its opening tag"
            )
        case .expectedSectionEnd?:
            return LocalizedText(zh: "模板语法错误:区段缺少结束标签", en: "template syntax error: a section is not closed")
        default:
            return LocalizedText(zh: "模板语法错误:\(error)", en: "template syntax error: \(error)")
        }
    }

    /// The names used by `{{name}}`, `{{#name}}`, `{{^name}}`, `{{/name}}`, `{{{name}}}` and `{{&name}}` tags, with
    /// their 1-based line and column. Comments, partials and pragmas are skipped.
    static func fieldNames(in text: String) -> [(String, Int, Int)] {
        var result: [(String, Int, Int)] = []
        let chars = Array(text)
        var i = 0
        var line = 1
        var column = 1
        while i < chars.count {
            if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                let (tagLine, tagColumn) = (line, column)
                var j = i + 2
                var inner = ""
                while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") {
                    inner.append(chars[j])
                    j += 1
                }
                var name = inner.trimmingCharacters(in: .whitespaces)
                if let first = name.first, "#^/&{".contains(first) {
                    name = String(name.dropFirst()).trimmingCharacters(in: .whitespaces)
                } else if let first = name.first, "!>%=<$".contains(first) {
                    name = ""
                }
                if name.hasSuffix("}") { name = String(name.dropLast()).trimmingCharacters(in: .whitespaces) }
                if !name.isEmpty { result.append((name, tagLine, tagColumn)) }
                // Advance past the tag, counting lines inside it.
                let end = min(j + 2, chars.count)
                while i < end {
                    if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                    i += 1
                }
                continue
            }
            if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return result
    }

    static func key(_ name: String, _ language: Language) -> String { name + "." + language.rawValue }

    /// Renders `name` in `language` over `context`.
    public func render(_ name: String, _ language: Language, _ context: [String: Any]) -> String {
        templates[Self.key(name, language)]?.render(context) ?? ""
    }

    /// The built-in texts, `NAME.LANG`.
    static let defaults: [String: String] = [
        "status.reminder.zh-Hans": "将于{{due_text}}到期,剩余{{days_left}}个工作日",
        "status.reminder.en": "is due {{due_text}}, {{days_left}} working day(s) left",
        "status.procedure.zh-Hans": "办理时限将于{{due_text}}届满,剩余{{days_left}}个工作日",
        "status.procedure.en": "must be answered by {{due_text}}, {{days_left}} working day(s) left",
        "status.due.zh-Hans": "今日到期({{due_text}})",
        "status.due.en": "is due today ({{due_text}})",
        "status.overdue.zh-Hans":
            "已逾期{{days_overdue}}个工作日(原定{{due_text}}){{#repeat}},第{{repeat}}次催办{{/repeat}}{{#escalated}},已抄报上级单位{{/escalated}}",
        "status.overdue.en":
            "is {{days_overdue}} working day(s) overdue (due {{due_text}}){{#repeat}}, notice {{repeat}}{{/repeat}}{{#escalated}}, escalated to the parent unit{{/escalated}}",
        "status.completed.zh-Hans": "已办结",
        "status.completed.en": "has been completed",
        "status.behind_pace.zh-Hans": "进度滞后:{{detail}}",
        "status.behind_pace.en": "is behind pace: {{detail}}",
        "status.target_at_risk.zh-Hans": "目标存在风险:{{detail}}",
        "status.target_at_risk.en": "is at risk of missing its target: {{detail}}",
        "status.plugin_failure.zh-Hans": "运行失败:{{detail}}",
        "status.plugin_failure.en": "failed: {{detail}}",
        "status.calendar_missing.zh-Hans": "{{detail}}",
        "status.calendar_missing.en": "{{detail}}",
        "status.acknowledge.zh-Hans": "待签收,签收时限为今日:{{detail}}",
        "status.acknowledge.en": "is waiting to be acknowledged, by today: {{detail}}",
        "status.feedback.zh-Hans": "今日应报送进展情况:{{detail}}",
        "status.feedback.en": "has a progress report due today: {{detail}}",
        "status.chase.zh-Hans": "催办:{{detail}}",
        "status.chase.en": "is being chased: {{detail}}",
        "status.supervision_notice.zh-Hans": "督办单{{detail}}",
        "status.supervision_notice.en": "supervision notice {{detail}}",
        "status.circular.zh-Hans": "拟列入通报:{{detail}}",
        "status.circular.en": "will be named in the circular: {{detail}}",
        "status.step.zh-Hans": "{{detail}}",
        "status.step.en": "{{detail}}",
        "subject.zh-Hans": "{{marker}}{{title}} {{status}}",
        "subject.en": "{{marker}}{{title}} {{status}}",
        "digest-subject.zh-Hans": "{{marker}}{{summary}}",
        "digest-subject.en": "{{marker}}{{summary}}",
        "body.zh-Hans": """
        {{receiver}}:

        {{#single}}以下督办事项请及时办理:{{/single}}{{^single}}{{date_text}}督办事项共{{count}}项({{summary}}),按紧急程度排列:{{/single}}

        {{#items}}
        {{index}}. {{title}}{{#org_name}}({{org_name}}){{/org_name}}{{status}}
        {{#plan_title}}
           所属计划:{{plan_title}}{{#period}};周期:{{period}}{{/period}}
        {{/plan_title}}
        {{/items}}

        办结后请通过 dubanctl done 或督办系统登记,登记后不再催办。
        本邮件由督办系统自动发送,请勿直接回复。

        """,
        "body.en": """
        {{receiver}}:

        {{#single}}Please attend to the following:{{/single}}{{^single}}{{count}} item(s) for {{date_text}} ({{summary}}), most urgent first:{{/single}}

        {{#items}}
        {{index}}. {{title}}{{#org_name}} ({{org_name}}){{/org_name}} {{status}}
        {{#plan_title}}
           Plan: {{plan_title}}{{#period}}; period: {{period}}{{/period}}
        {{/plan_title}}
        {{/items}}

        Once done, record it with dubanctl done or in duban, and the reminders stop.
        This message was sent by duban; please do not reply to it.

        """,
    ]
}
