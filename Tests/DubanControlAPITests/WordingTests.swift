import DubanControlAPI
import Foundation
import Testing

/// One Chinese word per thing (docs/glossary.md): an occurrence is 事项, never 节点; waived is 已免办, never 已免除.
/// Scans what users read: the Swift sources (their strings and help), the documents, the man pages and completions.
@Suite struct WordingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Files users read, by extension, under the package's user-facing directories.
    static func files() throws -> [URL] {
        var found: [URL] = []
        for directory in ["Sources", "docs", "deploy", "plugins"] {
            let base = root.appendingPathComponent(directory)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker
            where ["swift", "md", "yaml", "1", "5", "8", "fish", "bash", "mustache", "json"].contains(url.pathExtension)
                || url.lastPathComponent.hasPrefix("_")
            {
                found.append(url)
            }
        }
        found.append(root.appendingPathComponent("README.md"))
        // The glossary names the retired words on purpose.
        return found.filter { $0.lastPathComponent != "glossary.md" }
    }

    @Test("no retired synonym in anything users read")
    func oneWordPerThing() throws {
        let retired: [(word: String, allowedIn: [String], instead: String)] = [
            ("节点", ["时间节点"], "事项"),
            ("已免除", [], "已免办"),
        ]
        let files = try Self.files()
        #expect(files.count > 100, "the scan sees the tree (\(files.count) files)")
        var hits: [String] = []
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for rule in retired where line.contains(rule.word) {
                    var rest = String(line)
                    for allowed in rule.allowedIn { rest = rest.replacingOccurrences(of: allowed, with: "") }
                    if rest.contains(rule.word) {
                        let path = file.path.replacingOccurrences(of: Self.root.path + "/", with: "")
                        hits.append("\(path):\(number + 1): “\(rule.word)” → “\(rule.instead)”")
                    }
                }
            }
        }
        #expect(hits.isEmpty, "\(hits.joined(separator: "\n"))")
    }

    @Test("the state words are the glossary's")
    func stateWords() {
        #expect(StateWords.zh("open") == "未办结")
        #expect(StateWords.zh("open", overdue: true) == "已逾期")
        #expect(StateWords.zh("done") == "已办结")
        #expect(StateWords.zh("waived") == "已免办")
    }
}
