import DubanTesting
import Logging
import Testing

@testable import DubanSystemd

/// Metadata keys → journald field names, priorities, and the fields an entry carries (no journal needed).
@Suite struct FieldMappingTests {
    @Test(arguments: [
        ("duban.task", "DUBAN_TASK"),
        ("duban_task", "DUBAN_TASK"),
        ("DUBAN_TASK", "DUBAN_TASK"),
        ("message_id", "MESSAGE_ID"),
        ("message.id", "MESSAGE_ID"),
        ("duban.org-name", "DUBAN_ORG_NAME"),
        ("_private", "PRIVATE"),
        ("__cursor", "CURSOR"),
        ("9lives", "F_9LIVES"),
        ("任务", "METADATA"),
        ("duban.单位", "DUBAN___"),
        ("", "METADATA"),
        ("message", "META_MESSAGE"),
        ("priority", "META_PRIORITY"),
        ("syslog_identifier", "META_SYSLOG_IDENTIFIER"),
        ("unit", "META_UNIT"),
        ("errno", "META_ERRNO"),
        ("object_pid", "META_OBJECT_PID"),
        ("documentation", "DOCUMENTATION"),
    ])
    func metadataKeyBecomesAValidFieldName(key: String, expected: String) {
        let name = JournalFieldName.make(fromMetadataKey: key)
        #expect(name == expected)
        #expect(JournalFieldName.isValid(name))
    }

    @Test func longKeysAreCutTo64Characters() {
        let name = JournalFieldName.make(fromMetadataKey: String(repeating: "a.", count: 50))
        #expect(name.count == 64)
        #expect(JournalFieldName.isValid(name))
    }

    @Test func anyKeyMapsToAValidName() {
        var rng = SeededGenerator(seed: 0x5eed)
        let alphabet = Array("abcXYZ019_.-_ 任务é\u{0}\n=@")
        for _ in 0..<2000 {
            let length = Int(rng.next() % 80)
            let key = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let name = JournalFieldName.make(fromMetadataKey: key)
            #expect(JournalFieldName.isValid(name), "key \(key.debugDescription) → \(name)")
        }
    }

    @Test func validityRule() {
        #expect(JournalFieldName.isValid("DUBAN_TASK"))
        #expect(!JournalFieldName.isValid("_PID"))
        #expect(!JournalFieldName.isValid("1ABC"))
        #expect(!JournalFieldName.isValid("duban_task"))
        #expect(!JournalFieldName.isValid(""))
        #expect(!JournalFieldName.isValid(String(repeating: "A", count: 65)))
    }

    @Test func everyDubanKeyMapsToADubanField() {
        for key in LogMetadataKey.all where key != LogMetadataKey.messageID {
            #expect(JournalFieldName.make(fromMetadataKey: key).hasPrefix("DUBAN_"), "\(key)")
        }
        #expect(JournalFieldName.make(fromMetadataKey: LogMetadataKey.messageID) == "MESSAGE_ID")
    }

    @Test func levelsMapToSyslogPriorities() {
        let expected: [(Logger.Level, Int)] = [
            (.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
        ]
        for (level, priority) in expected {
            #expect(JournalLogHandler.priority(for: level) == priority, "\(level)")
        }
    }

    @Test func entryFieldsMergeMetadataAndMapNames() {
        struct Failure: Error, CustomStringConvertible {
            var description: String { "磁盘已满" }
        }
        var handler = JournalLogHandler(
            label: "duban.scheduler",
            syslogIdentifier: "duband",
            metadataProvider: Logger.MetadataProvider { ["duban.plan": "from-provider", "duban.org": "d01"] }
        )
        handler[metadataKey: "duban.plan"] = "from-handler"
        handler[metadataKey: "duban.event"] = "reminder"
        let event = LogEvent(
            level: .warning,
            message: "提醒：第一行\n第二行",
            error: Failure(),
            metadata: ["duban.org": "d02", "unit": "教育局"],
            source: "DubanSystemdTests",
            file: "DubanSystemdTests/FieldMappingTests.swift",
            function: "f()",
            line: 42
        )
        let fields = handler.fields(for: event, metadata: handler.mergedMetadata(event.metadata))
        let dictionary = Dictionary(
            fields.map { ($0.name, $0.value) },
            uniquingKeysWith: { (a: String, _: String) in a }
        )
        #expect(fields.count == dictionary.count, "no field is sent twice")
        #expect(dictionary["MESSAGE"] == "提醒：第一行\n第二行")
        #expect(dictionary["PRIORITY"] == "4")
        #expect(dictionary["SYSLOG_IDENTIFIER"] == "duband")
        #expect(dictionary["CODE_FILE"] == "DubanSystemdTests/FieldMappingTests.swift")
        #expect(dictionary["CODE_LINE"] == "42")
        #expect(dictionary["CODE_FUNC"] == "f()")
        #expect(dictionary["LOGGER_LABEL"] == "duban.scheduler")
        #expect(dictionary["ERROR"] == "磁盘已满")
        #expect(dictionary["DUBAN_PLAN"] == "from-provider", "the provider wins over the handler")
        #expect(dictionary["DUBAN_EVENT"] == "reminder")
        #expect(dictionary["DUBAN_ORG"] == "d02")
        #expect(dictionary["META_UNIT"] == "教育局")
        #expect(fields.allSatisfy { JournalFieldName.isValid($0.name) })
    }

    @Test func messageIDsAreFixedAndDistinct() {
        let ids = JournalMessageID.all.map(\.id)
        #expect(ids.count == 29)
        #expect(Set(ids).count == ids.count)
        #expect(Set(JournalMessageID.all.map(\.name)).count == ids.count)
        for id in ids {
            #expect(id.count == 32 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase }, "\(id)")
        }
        #expect(JournalMessageID.overdue.id == "e19374faf8f84e19996557c038bfbe09")
        #expect(JournalMessageID.overdue.metadata["message_id"] == "e19374faf8f84e19996557c038bfbe09")
        #expect(JournalMessageID.overdue.metadata["duban.event"] == "overdue")
    }
}
