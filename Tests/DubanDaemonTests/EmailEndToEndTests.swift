import DubanTesting
import Foundation
import Testing

/// The real `duband` on a scaled clock (a simulated day per real second) with the real `duban-email` plugin
/// declared in plugins.d, handing messages to a real msmtp that delivers to a real SMTP server (aiosmtpd) on
/// loopback: the reminder arrives and decodes to the expected Chinese; with the server down the due-day and
/// overdue notices fail and are retried, and once it is back each arrives exactly once.
@Suite(.serialized, .enabled(if: SMTPSink.isAvailable, "\(SMTPSink.skipMessage)"))
struct EmailEndToEndTests {
    @Test func remindersArriveAndSurviveAnSMTPOutageExactlyOnce() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let sink = try SMTPSink(directory: dir.url.appendingPathComponent("smtp"))
        defer { sink.stop() }
        try await sink.start()
        let plan = "mail-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.copyItem(
            atPath: Fixtures.examples.appendingPathComponent("org.yaml").path, toPath: dir.url.appendingPathComponent("org.yaml").path)
        try dir.write(
            "plans/p.yaml",
            """
            id: \(plan)
            title: 邮件端到端测试计划
            tasks:
              - id: network-upgrade
                title: 中小学升级改造网络环境
                kind: deadline
                assignees: [kangle]
                due: 2022年8月底
                reminders: [3]
            """)
        // Every hand-off to msmtp is counted, so the test sees the attempts made while the server is down.
        let attempts = dir.url.appendingPathComponent("attempts.log").path
        let sendmail = "/bin/sh -c 'echo attempt >> \(attempts); exec \(sink.msmtpCommand)'"
        try dir.write(
            "plugins.d/email.yaml",
            """
            executable: \(BinaryRunner.path(of: "duban-email"))
            capabilities: [notifier]
            timeout: 10s
            settings:
              from: 督办系统 <duban@jyj.example.org>
              sendmail: "\(sendmail.replacingOccurrences(of: "\"", with: "\\\""))"
              languages: [zh-Hans, en]
            """)
        try dir.write(
            "duban.yaml",
            """
            plans: plans
            org: org.yaml
            calendar_dir: []
            state_dir: state
            socket: control.sock
            plugin_dir: plugins.d
            reminders: {lead_days: [3], overdue_every: 1, overdue_repeats: 1}
            """)
        let socket = dir.url.appendingPathComponent("control.sock").path
        let daemon = try DaemonProcess(
            executable: BinaryRunner.path(of: "duband"),
            arguments: [
                "--config", dir.url.appendingPathComponent("duban.yaml").path,
                "--clock-start", "2022-08-25T08:00:00+08:00", "--clock-speed", "86400",
            ],
            logPath: dir.url.appendingPathComponent("duband.log").path)
        defer { daemon.stop() }
        #expect(await connectOnce(toUnixSocket: socket, timeout: .seconds(60)), "no control socket; log:\n\(daemon.output)")
        let occurrence = "\(plan)/network-upgrade/kangle/once"

        // 1. The reminder 3 working days before 2022-08-31 (2022-08-26 08:30) arrives, about a second in.
        let first = await sink.waitForMessages(1, timeout: .seconds(30))
        let reminder = try #require(first.first, "no reminder mail; log:\n\(daemon.output)")
        sink.stop()
        #expect(reminder.event == "\(occurrence)#reminder-3")
        #expect(reminder.subject == "【督办提醒】中小学升级改造网络环境")
        #expect(reminder.from == "督办系统 <duban@jyj.example.org>")
        #expect(reminder.rcpt_tos == ["kangle-xxb@example.org"], "\(reminder.rcpt_tos)")
        #expect(reminder.auto_submitted == "auto-generated")
        let zh = try #require(reminder.parts["zh-Hans"]).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(zh.hasPrefix("【督办提醒】中小学升级改造网络环境(康乐县教育局)将于2022年8月31日(星期三)到期,剩余3个工作日\n"), "\(zh)")
        #expect(zh.contains("计划:邮件端到端测试计划") && zh.contains("截止日期:2022年8月31日(星期三)"), "\(zh)")
        #expect(reminder.parts["en"]?.contains("Due: 2022-08-31 (Wednesday)") == true)
        #expect(reminder.defects.isEmpty)

        // 2. The server is down when the due-day notice (2022-08-31) and the first overdue notice (2022-09-01) fire:
        //    msmtp fails, the events stay in the outbox and are retried.
        let deadline = ContinuousClock.now + .seconds(40)
        var tries = 0
        while ContinuousClock.now < deadline {
            tries = ((try? String(contentsOfFile: attempts, encoding: .utf8)) ?? "").split(separator: "\n").count
            if tries >= 5 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(tries >= 5, "expected failed attempts while the server is down; log:\n\(daemon.output)")
        #expect(sink.messages().count == 1)

        // 3. Back up: the retries deliver the due-day and overdue notices.
        try await sink.start()
        let all = await sink.waitForMessages(3, timeout: .seconds(30))
        #expect(all.count >= 3, "log:\n\(daemon.output)")
        try await Task.sleep(for: .seconds(3))
        let received = sink.messages()
        let byEvent = Dictionary(grouping: received, by: \.event)
        #expect(byEvent.keys.sorted() == ["\(occurrence)#due", "\(occurrence)#overdue-1", "\(occurrence)#reminder-3"].sorted(),
                "\(byEvent.keys.sorted())")
        let byMessageID = Dictionary(grouping: received, by: \.message_id)
        #expect(byMessageID.count == received.count, "a Message-ID arrived twice: \(received.map(\.message_id))")
        #expect(byEvent.values.allSatisfy { $0.count == 1 })
        let due = try #require(byEvent["\(occurrence)#due"]?.first)
        #expect(due.subject == "【督办提醒】中小学升级改造网络环境今日到期")
        #expect(due.parts["zh-Hans"]?.contains("今日到期") == true)
        let overdue = try #require(byEvent["\(occurrence)#overdue-1"]?.first)
        #expect(overdue.subject == "【督办催办】中小学升级改造网络环境已逾期")

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(15)) == 0, "log:\n\(daemon.output)")
    }
}
