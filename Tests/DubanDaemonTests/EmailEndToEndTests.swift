import DubanTesting
import Foundation
import Testing

/// The real `duband` on a scaled clock (a simulated day per real second) with the real `duban-email` plugin
/// declared in plugins.d, handing messages to a real msmtp that delivers to a real SMTP server (aiosmtpd) on
/// loopback: with the server down the reminder fails and is retried; once the server is up it arrives and decodes
/// to the expected Chinese, and the due-day and overdue notices follow, each exactly once.
@Suite(.serialized, .enabled(if: try Requirement.met(SMTPSink.unavailableReason)))
struct EmailEndToEndTests {
    @Test func remindersArriveAndSurviveAnSMTPOutageExactlyOnce() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        // The server starts down: it is started once the first deliveries have failed.
        let sink = try SMTPSink(directory: dir.url.appendingPathComponent("smtp"))
        defer { sink.stop() }
        let plan = "mail-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.copyItem(
            atPath: Fixtures.examples.appendingPathComponent("org.yaml").path,
            toPath: dir.url.appendingPathComponent("org.yaml").path
        )
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
            """
        )
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
            """
        )
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
            """
        )
        let socket = dir.url.appendingPathComponent("control.sock").path
        let daemon = try DaemonProcess(
            executable: BinaryRunner.path(of: "duband"),
            arguments: [
                "--config", dir.url.appendingPathComponent("duban.yaml").path,
                "--clock-start", "2022-08-25T08:00:00+08:00", "--clock-speed", "86400",
            ],
            logPath: dir.url.appendingPathComponent("duband.log").path
        )
        defer { daemon.stop() }
        #expect(
            await connectOnce(toUnixSocket: socket, timeout: .seconds(60)),
            "no control socket; log:\n\(daemon.output)"
        )
        let occurrence = "\(plan)/network-upgrade/kangle/once"

        // 1. The SMTP server is down when the reminder (3 working days before 2022-08-31: 2022-08-26 08:30, about a
        //    second in) fires: msmtp cannot connect, the plugin reports a retryable failure, duband keeps the event
        //    in its outbox and tries again (every wake-up, as the rehearsal clock runs past the backoff).
        let deadline = ContinuousClock.now + .seconds(60)
        var tries = 0
        while ContinuousClock.now < deadline {
            tries = ((try? String(contentsOfFile: attempts, encoding: .utf8)) ?? "").split(separator: "\n").count
            if tries >= 3 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(tries >= 3, "expected failed attempts while the server is down; log:\n\(daemon.output)")
        // `dubanctl notifications --state failed` shows the reminder waiting on the email channel, with its error.
        func notifications(_ arguments: [String]) async throws -> [[String: Any]] {
            let run = try await offload {
                try ProcessRunner.run(
                    BinaryRunner.path(of: "dubanctl"),
                    ["notifications", "--socket", socket, "--json"] + arguments
                )
            }
            #expect(run.status == 0, "\(run.stderr)")
            let page = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return page?["notifications"] as? [[String: Any]] ?? []
        }
        let failed = try await notifications(["--state", "failed", "--channel", "plugin:email"])
        let waiting = failed.first {
            ($0["event_key"] as? String)?.hasPrefix("digest/email/org:kangle/2022-08-26/") == true
        }
        #expect(waiting?["state"] as? String == "failed" && (waiting?["attempts"] as? Int ?? 0) >= 1, "\(failed)")
        #expect((waiting?["last_error"] as? String)?.isEmpty == false, "\(failed)")

        // 2. Back up: the retry delivers the reminder, then the due-day (2022-08-31) and first overdue (2022-09-01)
        //    notices follow. The reminder decodes to the expected Chinese.
        try await sink.start()
        let all = await sink.waitForMessages(3, timeout: .seconds(60))
        #expect(all.count >= 3, "log:\n\(daemon.output)")
        let reminder = try #require(
            all.first { $0.events == ["\(occurrence)#reminder-3"] },
            "no reminder mail; log:\n\(daemon.output)"
        )
        #expect(reminder.subject == "【督办提醒】中小学升级改造网络环境 将于2022年8月31日(星期三)到期,剩余3个工作日")
        #expect(reminder.from == "督办系统 <duban@jyj.example.org>")
        #expect(reminder.rcpt_tos == ["kangle-xxb@example.org"], "\(reminder.rcpt_tos)")
        #expect(reminder.auto_submitted == "auto-generated")
        let zh = try #require(reminder.parts["zh-Hans"]).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(
            zh.hasPrefix("康乐县教育局:\n\n以下督办事项请及时办理:\n\n1. 中小学升级改造网络环境(康乐县教育局)将于2022年8月31日(星期三)到期,剩余3个工作日\n"),
            "\(zh)"
        )
        #expect(zh.contains("所属计划:邮件端到端测试计划;周期:once"), "\(zh)")
        #expect(reminder.parts["en"]?.contains("is due 2022-08-31 (Wednesday), 3 working day(s) left") == true)
        #expect(reminder.defects.isEmpty)

        // 3. After a pause for any repeat, every event has arrived exactly once, under one Message-ID.
        try await Task.sleep(for: .seconds(3))
        let received = sink.messages()
        let byEvent = Dictionary(grouping: received, by: { $0.events.joined(separator: " ") })
        #expect(
            byEvent.keys.sorted()
                == ["\(occurrence)#due", "\(occurrence)#overdue-1", "\(occurrence)#reminder-3"].sorted(),
            "\(byEvent.keys.sorted())"
        )
        let byMessageID = Dictionary(grouping: received, by: \.message_id)
        #expect(byMessageID.count == received.count, "a Message-ID arrived twice: \(received.map(\.message_id))")
        #expect(byEvent.values.allSatisfy { $0.count == 1 })
        let due = try #require(byEvent["\(occurrence)#due"]?.first)
        #expect(due.subject == "【督办提醒】中小学升级改造网络环境 今日到期(2022年8月31日(星期三))")
        #expect(due.parts["zh-Hans"]?.contains("今日到期") == true)
        let overdue = try #require(byEvent["\(occurrence)#overdue-1"]?.first)
        #expect(overdue.subject == "【督办催办】中小学升级改造网络环境 已逾期1个工作日(原定2022年8月31日(星期三)),第1次催办")
        // Now every email notification is delivered, and none is left failed.
        let delivered = try await notifications(["--state", "delivered", "--channel", "plugin:email"])
        #expect(Set(delivered.compactMap { $0["event_key"] as? String }) == Set(received.map(\.event)), "\(delivered)")
        #expect(try await notifications(["--state", "failed", "--channel", "plugin:email"]).isEmpty)

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(15)) == 0, "log:\n\(daemon.output)")
    }
}
