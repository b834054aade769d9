import DubanCalendar
public import DubanCore
public import DubanNotify
import Foundation

/// Reads the template overrides of `notifications.templates`: every `NAME.LANG.mustache` file in the directory
/// (docs/notifications.md). A file with a problem is reported as `file:line:column` and its built-in template
/// stays in use; a file whose name is not a template is an error too, so a typo is not silently ignored.
public enum NotificationTemplatesFile {
    public static func load(_ directory: String?) -> (NotificationTemplates, [Diagnostic]) {
        var templates = NotificationTemplates()
        guard let directory else { return (templates, []) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (
                templates,
                [
                    Diagnostic(
                        .error,
                        at: .init(file: directory, line: 1, column: 1),
                        code: "missing-directory",
                        message: LocalizedText(zh: "模板目录不存在:\(directory)", en: "no template directory: \(directory)")
                    )
                ]
            )
        }
        var diagnostics: [Diagnostic] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
            $0.hasSuffix(".mustache")
        }.sorted()
        for name in files {
            let path = directory + "/" + name
            let stem = String(name.dropLast(".mustache".count))
            guard let dot = stem.lastIndex(of: "."),
                let language = Language(rawValue: String(stem[stem.index(after: dot)...]))
            else {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: .init(file: path, line: 1, column: 1),
                        code: "bad-template-name",
                        message: LocalizedText(
                            zh: "模板文件名应为 名称.语言.mustache(语言为 zh-Hans 或 en):\(name)",
                            en: "a template file is named NAME.LANG.mustache (LANG zh-Hans or en): \(name)"
                        )
                    )
                )
                continue
            }
            let text: String
            switch PlanSetLoader.readText(path) {
            case .failure(let d):
                diagnostics.append(d)
                continue
            case .success(let t): text = t
            }
            for problem in templates.override(name: String(stem[..<dot]), language: language, text: text, file: path) {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: .init(file: problem.file, line: problem.line, column: problem.column),
                        code: "bad-template",
                        message: problem.message
                    )
                )
            }
        }
        return (templates, diagnostics)
    }
}
