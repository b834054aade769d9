import DubanSystemd
import DubanTesting
import Foundation
import Testing

/// `deploy/catalog/duban.catalog` against `JournalMessageID` and against journalctl's own parser.
@Suite struct CatalogTests {
    /// One `-- ID [LANG]` section of a catalog file.
    struct Entry {
        var id: String
        var language: String?
        var headers: [String: String]
        var body: String
    }

    static let catalogURL = Fixtures.packageRoot.appendingPathComponent("deploy/catalog/duban.catalog")

    static func entries() throws -> [Entry] {
        let text = try String(contentsOf: catalogURL, encoding: .utf8)
        var entries: [Entry] = []
        var inHeaders = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("-- ") {
                let parts = line.dropFirst(3).split(separator: " ").map(String.init)
                entries.append(Entry(id: parts[0], language: parts.count > 1 ? parts[1] : nil, headers: [:], body: ""))
                inHeaders = true
            } else if entries.isEmpty {
                continue  // comments before the first entry
            } else if inHeaders, let colon = line.firstIndex(of: ":"), !line.isEmpty {
                entries[entries.count - 1].headers[String(line[..<colon])] =
                    line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            } else {
                inHeaders = false
                entries[entries.count - 1].body += line + "\n"
            }
        }
        return entries
    }

    @Test func everyMessageIDHasAnEnglishAndAChineseEntry() throws {
        let entries = try Self.entries()
        for messageID in JournalMessageID.all {
            let english = entries.filter { $0.id == messageID.id && $0.language == nil }
            let chinese = entries.filter { $0.id == messageID.id && $0.language == "zh_CN" }
            #expect(english.count == 1, "\(messageID.name): English entries")
            #expect(chinese.count == 1, "\(messageID.name): zh_CN entries")
            if let zh = chinese.first?.headers["Subject"] {
                #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(messageID.name): \(zh)")
            }
        }
        let known = Set(JournalMessageID.all.map(\.id))
        #expect(entries.allSatisfy { known.contains($0.id) }, "no entry for an id the code does not have")
        #expect(entries.count == 2 * known.count)
    }

    @Test func entriesHaveHeadersAndOnlyKnownSubstitutions() throws {
        let fields = Set(LogMetadataKey.all.map(JournalFieldName.make(fromMetadataKey:)))
        for entry in try Self.entries() {
            let where_ = "\(entry.id) \(entry.language ?? "en")"
            #expect(entry.headers["Subject"]?.isEmpty == false, "\(where_): Subject")
            #expect(entry.headers["Defined-By"] == "duban", "\(where_): Defined-By")
            #expect(entry.headers["Documentation"]?.isEmpty == false, "\(where_): Documentation")
            #expect(!entry.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(where_): body")
            let text = (entry.headers["Subject"] ?? "") + entry.body
            for match in text.matches(of: #/@([A-Za-z0-9_]+)@/#) {
                let name = String(match.1)
                #expect(fields.contains(name), "\(where_): @\(name)@ is not a field duban logs")
            }
        }
    }

    @Test(.enabled(if: try Requirement.met(SystemCommand.journalctl != nil, "journalctl is not installed")))
    func journalctlAcceptsTheCatalog() throws {
        let root = try TemporaryDirectory()
        defer { root.cleanup() }
        let catalogDirectory = root.url.appendingPathComponent("usr/lib/systemd/catalog")
        try FileManager.default.createDirectory(at: catalogDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.catalogURL,
            to: catalogDirectory.appendingPathComponent("duban.catalog")
        )

        let update = try SystemCommand.run(SystemCommand.journalctl!, ["--root=\(root.url.path)", "--update-catalog"])
        #expect(update.status == 0 && update.stderr.isEmpty, "journalctl --update-catalog: \(update.output)")

        let list = try SystemCommand.run(
            SystemCommand.journalctl!,
            ["--root=\(root.url.path)", "--list-catalog"],
            environment: ["LANG": "C.UTF-8"]
        )
        #expect(list.status == 0, "\(list.output)")
        let entries = try Self.entries()
        for messageID in JournalMessageID.all {
            let subject = entries.first { $0.id == messageID.id && $0.language == nil }?.headers["Subject"] ?? "?"
            #expect(list.stdout.contains("\(messageID.id) duban: \(subject)"), "\(messageID.name) listed")
        }
        // No zh_CN locale is needed to check the Chinese entries made it into the binary database.
        let database = try Data(contentsOf: root.url.appendingPathComponent("var/lib/systemd/catalog/database"))
        for entry in entries where entry.language == "zh_CN" {
            let subject = Data("Subject: \(entry.headers["Subject"] ?? "")".utf8)
            #expect(database.range(of: subject) != nil, "\(entry.id) zh_CN in the database")
        }
    }
}
