import DubanTesting
import Foundation
import Logging
import Testing

@testable import DubanSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// `JournalLogHandler` against a real systemd-journald (started standalone by `JournaldHarness`, or the machine's
/// own), read back with `journalctl -o json`. Skips when not root or journald is missing.
@Suite struct JournaldTests {
    @Test(.enabled(if: try Requirement.met(JournaldHarness.unavailableReason)))
    func structuredEntriesArriveWithEveryField() async throws {
        let journal = try JournaldHarness.acquire()
        defer { journal.release() }
        #expect(LoggingSetup.destination() == .journal, "the harness made journald's socket exist")

        let run = UUID().uuidString.lowercased()
        var logger = Logger(label: "duban.test.journal") { label in
            JournalLogHandler(
                label: label,
                metadataProvider: Logger.MetadataProvider { ["duban.version": "0.0-test"] }
            )
        }
        logger.logLevel = .debug
        logger[metadataKey: "duban_test_run"] = .string(run)
        logger[metadataKey: LogMetadataKey.plan] = "linxia-it-2022"

        let noticeLine = #line + 1
        logger.notice(
            "逾期：中小学升级改造网络环境（临夏县教育局）\n第二行",
            metadata: JournalMessageID.overdue.metadata.merging([
                LogMetadataKey.task: "network-upgrade",
                LogMetadataKey.orgName: "临夏县教育局",
                LogMetadataKey.days: "3",
                LogMetadataKey.errors: "plans/a.yaml:3:5: 未知字段\nplans/b.yaml:7:1: 缺少 id",
                "unit": "信息中心",
                "_hidden": "x",
                "order": "1",
            ]) { $1 }
        )
        let failure = JournalMessageID.pluginFailure.metadata.merging(["order": "2"]) { $1 }
        logger.error("插件 mail 运行失败", metadata: failure)
        logger.debug("调试信息", metadata: ["order": "3"])

        let entries = try await journal.entries(matching: ["DUBAN_TEST_RUN": run], atLeast: 3)
        try #require(entries.count == 3, "entries for DUBAN_TEST_RUN=\(run): \(entries)")
        let byOrder = Dictionary(entries.map { ($0["ORDER"] ?? "?", $0) }, uniquingKeysWith: { a, _ in a })
        let notice = try #require(byOrder["1"])
        #expect(notice["MESSAGE"] == "逾期：中小学升级改造网络环境（临夏县教育局）\n第二行")
        #expect(notice["PRIORITY"] == "5")
        #expect(notice["SYSLOG_IDENTIFIER"] == "duband")
        #expect(notice["CODE_FILE"] == #fileID)
        #expect(notice["CODE_LINE"] == String(noticeLine))
        #expect(notice["CODE_FUNC"] == #function)
        #expect(notice["LOGGER_LABEL"] == "duban.test.journal")
        #expect(notice["MESSAGE_ID"] == JournalMessageID.overdue.id)
        #expect(notice["DUBAN_EVENT"] == "overdue")
        #expect(notice["DUBAN_PLAN"] == "linxia-it-2022")
        #expect(notice["DUBAN_TASK"] == "network-upgrade")
        #expect(notice["DUBAN_ORG_NAME"] == "临夏县教育局")
        #expect(notice["DUBAN_DAYS"] == "3")
        #expect(notice["DUBAN_ERRORS"] == "plans/a.yaml:3:5: 未知字段\nplans/b.yaml:7:1: 缺少 id")
        #expect(notice["DUBAN_VERSION"] == "0.0-test")
        #expect(notice["META_UNIT"] == "信息中心")
        #expect(notice["UNIT"] == nil)
        #expect(notice["HIDDEN"] == "x")
        #expect(notice["_TRANSPORT"] == "journal")
        #expect(notice["_PID"] == String(getpid()))

        let error = try #require(byOrder["2"])
        #expect(error["PRIORITY"] == "3")
        #expect(error["MESSAGE"] == "插件 mail 运行失败")
        #expect(error["MESSAGE_ID"] == JournalMessageID.pluginFailure.id)
        let debug = try #require(byOrder["3"])
        #expect(debug["PRIORITY"] == "7")
        #expect(debug["MESSAGE_ID"] == nil)
    }

    @Test(.enabled(if: try Requirement.met(JournaldHarness.unavailableReason)))
    func harnessIsSharedAndIdempotent() throws {
        let first = try JournaldHarness.acquire()
        let second = try JournaldHarness.acquire()
        #expect(first.startedByThisProcess == second.startedByThisProcess)
        #expect(UnixSocketAddress.isListening(JournaldHarness.socketPath, datagram: true))
        second.release()
        second.release()
        #expect(UnixSocketAddress.isListening(JournaldHarness.socketPath, datagram: true), "first still holds it")
        first.release()
    }
}
