import Foundation
import Logging
import Synchronization
import Testing

@testable import DubanSystemd

/// The plain-text handler and the choice between it and journald.
@Suite struct StderrLogHandlerTests {
    @Test func lineHasTimestampLevelMessageAndSortedMetadata() {
        let line = StderrLogHandler.formatLine(
            level: .notice,
            message: "提醒：填报学籍数据",
            metadata: ["duban.task": "xueji", "duban.org": "d01", "note": "两 个", "empty": "", "quote": "a\"b\nc"],
            timestamp: "2026-11-30T08:30:00.000+0800"
        )
        #expect(
            line
                == "2026-11-30T08:30:00.000+0800 NOTICE 提醒：填报学籍数据 duban.org=d01 duban.task=xueji empty=\"\" "
                + "note=\"两 个\" quote=\"a\\\"b\\nc\"\n"
        )
    }

    @Test func handlerWritesOneLinePerEntry() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "duban.test") { label in
            StderrLogHandler(label: label, output: { line in lines.withLock { $0.append(line) } })
        }
        logger.logLevel = .debug
        logger[metadataKey: "duban.plan"] = "linxia-it-2022"
        logger.debug("调试")
        logger.error("失败", metadata: ["duban.plugin": "mail"])
        let captured = lines.withLock { $0 }
        try #require(captured.count == 2)
        let timestamp = #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4} /#
        #expect(captured.allSatisfy { $0.contains(timestamp) && $0.hasSuffix("\n") })
        #expect(captured[0].hasSuffix(" DEBUG 调试 duban.plan=linxia-it-2022\n"))
        #expect(captured[1].hasSuffix(" ERROR 失败 duban.plan=linxia-it-2022 duban.plugin=mail\n"))
    }

    @Test func destinationIsStderrWithoutJournal() {
        #expect(LoggingSetup.destination(journalStream: nil, socketPath: "/nonexistent/socket") == .standardError)
        #expect(LoggingSetup.destination(journalStream: "", socketPath: "/nonexistent/socket") == .standardError)
    }

    @Test func destinationIsJournalWithSocketOrJournalStream() throws {
        #expect(LoggingSetup.destination(journalStream: "8:12345", socketPath: "/nonexistent/socket") == .journal)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("duban-sock-\(UUID().uuidString)")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(LoggingSetup.destination(journalStream: nil, socketPath: file.path) == .journal)
    }

    @Test func makeHandlerFollowsTheDestination() {
        let handler = LoggingSetup.makeHandler(label: "duban.test")
        switch LoggingSetup.destination() {
        case .journal: #expect(handler is JournalLogHandler)
        case .standardError: #expect(handler is StderrLogHandler)
        }
    }
}
