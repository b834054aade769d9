import DubanMail
import DubanPluginProtocol
import DubanTesting
import Foundation
import Testing

/// The built `duban-email` driven over stdin/stdout the way the host drives it: JSON-RPC lines in, replies out.
@Suite(.serialized) struct EmailPluginBinaryTests {
    static let subjectZh = "【督办提醒】建立县级资源库(临夏县教育局)将于2022年12月30日(星期五)到期,剩余3个工作日"

    static func event(key: String, recipients: [Recipient], daemonText: Bool = true) -> NotifyEvent {
        NotifyEvent(
            key: key,
            kind: "reminder",
            severity: "info",
            locale: "zh-Hans",
            occurrence: NotifyOccurrence(
                id: "edu-2/resources/linxia-county/once",
                plan: "edu-2",
                planTitle: "教育信息化2.0行动计划",
                task: "resources",
                taskTitle: "建立县级资源库",
                org: "linxia-county",
                orgName: "临夏县教育局",
                period: "once",
                due: "2022-12-30",
                dueAt: "2022-12-30T17:30:00+08:00",
                workingDaysLeft: 3
            ),
            recipients: recipients,
            subject: daemonText
                ? LocalizedString(
                    zhHans: subjectZh,
                    en: "[duban reminder] Build the county resource library, 3 working days left"
                )
                : LocalizedString(zhHans: "", en: ""),
            text: daemonText
                ? LocalizedString(zhHans: "请按期完成县级资源库建设。", en: "Please finish the county resource library in time.")
                : LocalizedString(zhHans: "", en: "")
        )
    }

    static let contacts = [
        Recipient(name: "赵红梅(示例)", email: "linxia-county-xxb@example.org", role: "信息化"),
        Recipient(name: "马文华(示例)", email: "linxia-bgs@example.org"),
        Recipient(name: "无邮箱联系人", phone: "0930-0000000"),
    ]

    /// A running plugin with its workspace.
    struct Plugin {
        let dir: TemporaryDirectory
        let process: LineProcess
        var nextID = 1

        init() throws {
            dir = try TemporaryDirectory()
            process = try LineProcess(
                executable: BinaryRunner.path(of: "duban-email"),
                logPath: dir.url.appendingPathComponent("stderr.log").path
            )
        }

        mutating func call<Params: Encodable & Sendable>(_ method: PluginMethod, _ params: Params?) async throws
            -> String
        {
            let line = String(
                decoding: try LineCodec().encodeRequest(id: nextID, method: method, params: params).dropLast(),
                as: UTF8.self
            )
            nextID += 1
            let process = self.process
            return try await offload { try process.call(line) }
        }

        mutating func initialize(_ settings: JSONValue) async throws -> Result<InitializeResult, RPCErrorObject> {
            let id = nextID
            let reply = try await call(
                .initialize,
                InitializeParams(host: HostInfo(name: "test", version: "0"), locale: "zh-Hans", settings: settings)
            )
            return try LineCodec().decodeReply(Array(reply.utf8), id: id, as: InitializeResult.self)
        }

        mutating func notify(_ events: [NotifyEvent]) async throws -> NotifyResult {
            let id = nextID
            let reply = try await call(.notify, NotifyParams(events: events))
            let result = try LineCodec().decodeReply(Array(reply.utf8), id: id, as: NotifyResult.self).get()
            try result.validate(against: NotifyParams(events: events))
            return result
        }
    }

    @Test func answersEveryLineAndRefusesBadSettings() async throws {
        var plugin = try Plugin()
        defer { plugin.dir.cleanup() }
        let process = plugin.process
        let garbage = try await offload { try process.call("this is not json") }
        #expect(garbage.contains("\"code\":-32700") && garbage.contains("\"id\":null"), "\(garbage)")
        let early = try await plugin.call(.notify, NotifyParams(events: []))
        #expect(early.contains("\"code\":-32600"), "\(early)")
        let noFrom = try await plugin.initialize(.object(["sendmail": .string("/bin/true")]))
        guard case .failure(let error) = noFrom else { Issue.record("initialize without from succeeded"); return }
        #expect(error.code == RPCErrorObject.invalidParams && error.message.contains("from"), "\(error)")
        let badLanguage = try await plugin.initialize(
            .object(["from": .string("duban@example.org"), "languages": .array([.string("fr")])])
        )
        #expect((try? badLanguage.get()) == nil)
        let ok = try await plugin.initialize(.object(["from": .string("督办系统 <duban@example.org>")]))
        #expect(try ok.get().capabilities == [.notifier])
        #expect(try ok.get().protocolVersion.isCompatible(with: .current))
        let check = try await plugin.call(
            .check,
            CheckParams(
                task: CheckTask(plan: "p", id: "t", title: "t", kind: "deadline"),
                occurrences: [],
                settings: .emptyObject
            )
        )
        #expect(check.contains("\"code\":-32601"), "\(check)")
        let bye = try await plugin.call(.shutdown, NoParams?.none)
        #expect(bye.contains("\"result\":null"), "\(bye)")
        #expect(try await offload { process.waitForExit(timeout: .seconds(5)) } == 0)
    }

    /// A sendmail stand-in that keeps the message in a file: the bytes the plugin hands over, without SMTP.
    @Test func handsTheMessageToTheCommandAndReportsItsFailure() async throws {
        var plugin = try Plugin()
        defer { plugin.dir.cleanup() }
        let out = plugin.dir.url.appendingPathComponent("message.eml").path
        _ = try await plugin.initialize(
            .object([
                "from": .string("督办系统 <duban@example.org>"),
                "sendmail": .array([
                    .string("/bin/sh"), .string("-c"), .string("cat > \"$0\"; test -s \"$0\""), .string(out),
                ]),
            ])
        ).get()
        let result = try await plugin.notify([
            Self.event(key: "k-ok", recipients: Self.contacts, daemonText: false),
            Self.event(key: "k-nobody", recipients: [Recipient(name: "无邮箱", email: nil)]),
        ])
        #expect(result.delivered == ["k-ok"])
        #expect(result.failed.map(\.key) == ["k-nobody"])
        #expect(result.failed.first?.retryable == false)
        #expect(result.failed.first?.error.contains("没有带邮箱的收件人") == true)
        let raw = try String(contentsOfFile: out, encoding: .utf8)
        #expect(raw.contains("\r\nSubject: =?UTF-8?B?"))
        #expect(raw.contains("\r\nAuto-Submitted: auto-generated\r\n"))
        #expect(raw.contains("Message-ID: \(MessageID.derive(fromKey: "k-ok", domain: "example.org"))"))
        #expect(!raw.contains("无邮箱联系人"), "a contact without an email address is not a recipient")

        // A command that fails or does not exist: failed, retryable, with its stderr.
        _ = try await plugin.initialize(
            .object([
                "from": .string("duban@example.org"),
                "sendmail": .string("/bin/sh -c 'echo relay refused >&2; exit 75'"),
            ])
        ).get()
        let refused = try await plugin.notify([Self.event(key: "k-2", recipients: Self.contacts)])
        #expect(refused.delivered.isEmpty)
        #expect(refused.failed.first?.retryable == true)
        #expect(
            refused.failed.first?.error.contains("75") == true
                && refused.failed.first?.error.contains("relay refused") == true
        )
        _ = try await plugin.initialize(
            .object(["from": .string("duban@example.org"), "sendmail": .string("/nonexistent/sendmail -t")])
        ).get()
        let missing = try await plugin.notify([Self.event(key: "k-3", recipients: Self.contacts)])
        #expect(
            missing.failed.first?.retryable == true
                && missing.failed.first?.error.contains("/nonexistent/sendmail") == true
        )
    }

    /// msmtp delivering to a real aiosmtpd on loopback: the Chinese subject and both bodies decode as expected
    /// (by Python's `email` package); with the server down the event fails retryably; once it is back the retry
    /// delivers, and exactly one message carries the event's Message-ID.
    @Test(.enabled(if: try Requirement.met(SMTPSink.unavailableReason)))
    func deliversThroughMsmtpAndRetriesWhileTheServerIsDown() async throws {
        var plugin = try Plugin()
        defer { plugin.dir.cleanup() }
        let sink = try SMTPSink(directory: plugin.dir.url.appendingPathComponent("smtp"))
        defer { sink.stop() }
        try await sink.start()
        _ = try await plugin.initialize(
            .object([
                "from": .string("督办系统 <duban@example.org>"),
                "reply_to": .string("办公室 <office@example.org>"),
                "sendmail": .string(sink.msmtpCommand),
                "languages": .array([.string("zh-Hans"), .string("en")]),
            ])
        ).get()

        let first = try await plugin.notify([Self.event(key: "e2e-1#reminder-3", recipients: Self.contacts)])
        #expect(first.delivered == ["e2e-1#reminder-3"], "\(first); stderr: \(plugin.process.stderr)")
        let received = await sink.waitForMessages(1, timeout: .seconds(30))
        let mail = try #require(received.first)
        #expect(mail.subject == Self.subjectZh)
        #expect(mail.from == "督办系统 <duban@example.org>")
        // Python re-quotes a name holding parentheses when it prints the header: "赵红梅(示例)" <…>.
        #expect(mail.to.contains("赵红梅(示例)") && mail.to.contains("<linxia-county-xxb@example.org>"), "\(mail.to)")
        #expect(Set(mail.rcpt_tos) == ["linxia-county-xxb@example.org", "linxia-bgs@example.org"])
        #expect(mail.mail_from == "duban@example.org")
        #expect(mail.auto_submitted == "auto-generated")
        #expect(mail.content_type == "multipart/alternative")
        #expect(mail.message_id == MessageID.derive(fromKey: "e2e-1#reminder-3", domain: "example.org"))
        #expect(mail.defects.isEmpty, "\(mail.defects)")
        let zh = try #require(mail.parts["zh-Hans"]).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(zh.hasPrefix("请按期完成县级资源库建设。\n"), "\(zh)")
        #expect(zh.contains("截止日期:2022年12月30日(星期五)"))
        #expect(zh.contains("责任单位:临夏县教育局"))
        let en = try #require(mail.parts["en"])
        #expect(en.contains("Due: 2022-12-30 (Friday)"))

        // The relay goes down: msmtp cannot connect, the event fails and may be retried.
        sink.stop()
        let key = "e2e-2#reminder-3"
        let down = try await plugin.notify([Self.event(key: key, recipients: Self.contacts, daemonText: false)])
        #expect(down.delivered.isEmpty)
        let failure = try #require(down.failed.first)
        #expect(failure.retryable && failure.error.contains("msmtp"), "\(failure)")

        // Back up: the retry delivers; repeating the batch sends nothing more.
        try await sink.start()
        let retry = try await plugin.notify([Self.event(key: key, recipients: Self.contacts, daemonText: false)])
        #expect(retry.delivered == [key])
        let again = try await plugin.notify([Self.event(key: key, recipients: Self.contacts, daemonText: false)])
        #expect(again.delivered == [key])
        let all = await sink.waitForMessages(2, timeout: .seconds(30))
        try await Task.sleep(for: .milliseconds(300))
        let id = MessageID.derive(fromKey: key, domain: "example.org")
        let copies = sink.messages().filter { $0.message_id == id }
        #expect(all.count >= 2 && copies.count == 1, "\(copies.count) copies of \(id)")
        // Without the daemon's words, the plugin writes its own subject.
        #expect(copies.first?.subject == Self.subjectZh)
        #expect(copies.first?.parts["zh-Hans"]?.hasPrefix(Self.subjectZh) == true)
    }
}
