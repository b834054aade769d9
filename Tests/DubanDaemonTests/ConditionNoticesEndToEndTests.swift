import DubanTesting
import Foundation
import Testing

/// The notices no deadline fires, through the real `duband` on a scaled clock and the example notifier plugin
/// (`plugins/examples/notify-file.py`, which writes each message it gets to a file): a quota behind pace from the
/// daily check, a completion, and `dubanctl preview` before and after the completion.
@Suite(.serialized)
struct ConditionNoticesEndToEndTests {
    struct Line: Decodable {
        var key: String
        var kind: String
        var to: [String]
        var subject: String
        var text: String
        var items: [String]
    }

    @Test func behindPaceAndCompletionReachTheirDigestsAndPreviewShowsWhatComes() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let plan = "cond-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.copyItem(
            atPath: Fixtures.examples.appendingPathComponent("org.yaml").path,
            toPath: dir.url.appendingPathComponent("org.yaml").path
        )
        try dir.write(
            "plans/p.yaml",
            """
            id: \(plan)
            title: 条件通知测试计划
            tasks:
              - id: principals
                title: 每年培训校长300名
                kind: quota
                assignees: [kangle]
                quota: {count: 300, unit: 名, per: year}
                reminders: []
              - id: network-upgrade
                title: 中小学升级改造网络环境
                kind: deadline
                assignees: [kangle]
                due: 2022年9月底
                reminders: [3]
              - id: reply
                title: 依申请公开答复
                kind: procedural
                trigger: 收到申请
                limit: 15个工作日
                assignees: [kangle]
            """
        )
        let sent = dir.url.appendingPathComponent("sent.jsonl").path
        let example = Fixtures.packageRoot.appendingPathComponent("plugins/examples/notify-file.py").path
        try dir.write(
            "plugins.d/file.yaml",
            "executable: \(example)\ncapabilities: [notifier]\nsettings: {path: \(sent)}\n"
        )
        try dir.write(
            "duban.yaml",
            "plans: plans\norg: org.yaml\ncalendar_dir: []\nstate_dir: state\nsocket: control.sock\nplugin_dir: plugins.d\n"
        )
        let socket = dir.url.appendingPathComponent("control.sock").path
        func launch(at start: String, speed: String, log: String) throws -> DaemonProcess {
            try DaemonProcess(
                executable: BinaryRunner.path(of: "duband"),
                arguments: [
                    "--config", dir.url.appendingPathComponent("duban.yaml").path, "--clock-start", start,
                    "--clock-speed", speed,
                ],
                environment: ["DUBAN_LOG": "stderr"],
                logPath: dir.url.appendingPathComponent(log).path
            )
        }
        // Thursday 2022-08-25 06:00; 20,000× (an hour in 0.18 s): the 07:00 check, then the 08:30 digest.
        let daemon = try launch(at: "2022-08-25T06:00:00+08:00", speed: "20000", log: "duband.log")
        defer { daemon.stop() }
        #expect(await connectOnce(toUnixSocket: socket, timeout: .seconds(60)), "no socket; log:\n\(daemon.output)")
        func lines() -> [Line] {
            ((try? String(contentsOfFile: sent, encoding: .utf8)) ?? "").split(separator: "\n").compactMap {
                try? JSONDecoder().decode(Line.self, from: Data($0.utf8))
            }
        }
        func waitFor(_ what: String, _ found: ([Line]) -> Bool) async throws {
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline, !found(lines()) { try await Task.sleep(for: .milliseconds(100)) }
            #expect(found(lines()), "\(what); sent: \(lines().map(\.key)); log:\n\(daemon.output)")
        }
        func ctl(_ arguments: [String]) async throws -> BinaryRunner.Result {
            try await offload {
                try ProcessRunner.run(BinaryRunner.path(of: "dubanctl"), arguments + ["--socket", socket])
            }
        }
        let occurrence = "\(plan)/network-upgrade/kangle/once"

        // The preview of the reminder's day (3 working days before Friday 30 September: Tuesday the 27th).
        let before = try await ctl(["preview", "--date", "2022-09-27", "--json"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("\(occurrence)#reminder-3"), "\(before.stdout)")
        #expect(before.stdout.contains("kangle-xxb@example.org"), "\(before.stdout)")
        let text = try await ctl(["preview", "--date", "2022-09-27"])
        #expect(text.stdout.contains("【督办提醒】中小学升级改造网络环境 将于2022年9月30日(星期五)到期,剩余3个工作日"), "\(text.stdout)")

        // 1. The 07:00 check finds the yearly quota behind (nothing achieved, two thirds of the year gone): the
        //    notice reaches the unit in the 08:30 digest.
        let behind = "\(plan)/principals/kangle/2022#behind-2022-08"
        try await waitFor("a behind-pace notice") { $0.contains { $0.items.contains(behind) } }
        let digest = try #require(lines().first { $0.items.contains(behind) })
        #expect(digest.kind == "digest" && digest.to == ["kangle-xxb@example.org"], "\(digest)")
        #expect(digest.subject.hasPrefix("【督办提醒】每年培训校长300名 进度滞后:已完成0/300,按进度应完成"), "\(digest.subject)")

        // 2. Marked done: the completion is in the next working day's digest, and the preview drops its reminder.
        let done = try await ctl(["done", occurrence, "--note", "已完成升级"])
        #expect(done.status == 0, "\(done.stderr)")
        try await waitFor("a completion notice") {
            $0.contains { $0.items.contains { $0.hasPrefix(occurrence + "#completed-") } }
        }
        let completion = try #require(lines().first { $0.items.contains { $0.hasPrefix(occurrence + "#completed-") } })
        // At 20,000× a loaded machine can let the clock reach September before `done` lands: then the month's
        // next behind-pace notice shares the digest, and the subject counts both.
        let others = completion.items.filter { !$0.hasPrefix(occurrence + "#completed-") }
        if others.isEmpty {
            #expect(completion.subject == "【督办提醒】中小学升级改造网络环境 已办结", "\(completion.subject)")
        } else {
            #expect(others.allSatisfy { $0.contains("#behind-") }, "\(completion.items)")
            #expect(completion.subject.contains("1项已办结"), "\(completion.subject)")
        }
        let after = try await ctl(["preview", "--date", "2022-09-27", "--json"])
        #expect(!after.stdout.contains("\(occurrence)#reminder-3"), "\(after.stdout)")

        // 3. An occurrence started from an event (a request received on 1 September, 15 working days to reply) is in
        //    the preview of its due day, although no plan expansion holds it.
        let start = try await ctl(["start", "\(plan)/reply", "--on", "2022-09-01", "--reference", "R1", "--json"])
        #expect(start.status == 0, "\(start.stderr)")
        let change = try JSONSerialization.jsonObject(with: Data(start.stdout.utf8)) as? [String: Any]
        let started = try #require(change?["occurrence"] as? [String: Any], "\(start.stdout)")
        let startedID = try #require(started["id"] as? String)
        let startedDue = try #require(started["due"] as? String)
        let procedure = try await ctl(["preview", "--date", startedDue, "--json"])
        #expect(procedure.stdout.contains("\(startedID)#due"), "\(startedDue): \(procedure.stdout)")

        // 4. `dubanctl notifications` lists the digests as delivered on the plugin's channel.
        let listed = try await ctl(["notifications", "--channel", "plugin:file", "--state", "delivered", "--json"])
        #expect(
            listed.stdout.contains("\"kind\" : \"digest\"") || listed.stdout.contains("\"kind\":\"digest\""),
            "\(listed.stdout)"
        )
        // The behind-pace notice came once, whatever the days that passed since.
        #expect(lines().filter { $0.items.contains(behind) }.count == 1)
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(20)) == 0)

        // 5. At real speed on a Monday morning after the digest, a completion waits for the next working day's
        //    digest, and `dubanctl notifications --state waiting` lists it with its receiver until then.
        let later = try launch(at: "2022-09-05T09:00:00+08:00", speed: "1", log: "duband-2.log")
        defer { later.stop() }
        #expect(await connectOnce(toUnixSocket: socket, timeout: .seconds(60)), "no socket; log:\n\(later.output)")
        let closed = try await ctl(["done", startedID])
        #expect(closed.status == 0, "\(closed.stderr)")
        let waiting = try await ctl(["notifications", "--state", "waiting", "--json"])
        #expect(
            waiting.stdout.contains("\(startedID)#completed-") && waiting.stdout.contains("org:kangle")
                && (waiting.stdout.contains("\"state\" : \"waiting\"")
                    || waiting.stdout.contains("\"state\":\"waiting\"")),
            "\(waiting.stdout)"
        )
        #expect(waiting.stdout.contains("2022-09-06T00:30:00Z"), "the digest of Tuesday 08:30: \(waiting.stdout)")
        later.signal(SIGTERM)
        #expect(await later.waitForExit(timeout: .seconds(20)) == 0)
    }
}
