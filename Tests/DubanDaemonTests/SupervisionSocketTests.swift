import DubanTesting
import Foundation
import Testing

/// The supervision loop on the real `duband`, driven over its socket by real Unix users in real groups
/// (`useradd`, `runuser`): who may take which step, who may read what, and the compare-and-set.
@Suite(
    .serialized,
    .enabled(
        if: try Requirement.met(
            getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd"),
            "not root: needs useradd and runuser to act as the officers, leaders and supervisors of the matrix"))
)
struct SupervisionSocketTests {
    /// The principals of the matrix: a user, the group it is in, and what the configuration grants.
    static let officer = "duban-t-dxo"  // group duban-t-g-dx: officer of dongxiang (the lead unit)
    static let unitLeader = "duban-t-dxl"  // user grant: leader of dongxiang
    static let parentLeader = "duban-t-lxl"  // group duban-t-g-lx: leader of linxia, dongxiang's parent
    static let coOfficer = "duban-t-gho"  // user grant: officer of guanghe (a co-unit)
    static let otherOfficer = "duban-t-klo"  // user grant: officer of kangle (another county)
    static let supervisor = "duban-t-sup"  // group duban-t-g-sup: supervisor
    static let nobodyInParticular = "duban-t-none"  // no grant

    static let plan = """
        id: drill
        title: 督办演练
        assignees: [dongxiang]
        tasks:
          - id: report
            title: 报送学校安全隐患排查报告
            kind: deadline
            lead: dongxiang
            co_units: [guanghe]
            window: {start: 2024-05-06, end: 2024-06-28}
            due: 2024-06-28
        """

    static func ensureUsers() throws {
        for group in ["duban-t-g-dx", "duban-t-g-lx", "duban-t-g-sup"] {
            _ = try ProcessRunner.run("/usr/sbin/groupadd", ["-f", group])
        }
        let users: [(String, String?)] = [
            (officer, "duban-t-g-dx"), (unitLeader, nil), (parentLeader, "duban-t-g-lx"), (coOfficer, nil),
            (otherOfficer, nil), (supervisor, "duban-t-g-sup"), (nobodyInParticular, nil),
        ]
        for (user, group) in users {
            if (try? ProcessRunner.run("/usr/bin/id", ["-u", user]))?.status != 0 {
                _ = try ProcessRunner.run("/usr/sbin/useradd", ["-M", "-N", "-s", "/usr/sbin/nologin", user])
            }
            if let group { _ = try ProcessRunner.run("/usr/sbin/usermod", ["-a", "-G", group, user]) }
            let check = try ProcessRunner.run("/usr/bin/id", ["-nG", user])
            guard check.status == 0, group.map({ check.stdout.contains($0) }) ?? true else {
                throw CocoaError(.userCancelled, userInfo: [NSLocalizedDescriptionKey: "cannot set up user \(user)"])
            }
        }
    }

    final class Running: @unchecked Sendable {
        let dir: TemporaryDirectory
        let daemon: DaemonProcess
        var socket: String { dir.url.appendingPathComponent("run/control.sock").path }

        /// - Parameters:
        ///   - examples: run the bundled example plans beside the drill.
        ///   - config: more configuration keys.
        init(
            plan: String = SupervisionSocketTests.plan, examples: Bool = false, config: String = "",
            clockStart: String = "2024-05-08T09:00:00+08:00", clockSpeed: String = "1"
        ) async throws {
            try SupervisionSocketTests.ensureUsers()
            dir = try TemporaryDirectory()
            try FileManager.default.copyItem(
                atPath: Fixtures.examples.appendingPathComponent("org.yaml").path,
                toPath: dir.url.appendingPathComponent("org.yaml").path)
            try dir.write("plans/drill.yaml", plan)
            if examples {
                let bundled = Fixtures.examples.appendingPathComponent("plans")
                for name in try FileManager.default.contentsOfDirectory(atPath: bundled.path) where name.hasSuffix(".yaml") {
                    try FileManager.default.copyItem(
                        atPath: bundled.appendingPathComponent(name).path,
                        toPath: dir.url.appendingPathComponent("plans/" + name).path)
                }
            }
            try dir.write(
                "duban.yaml",
                """
                plans: plans
                org: org.yaml
                calendar_dir: []
                state_dir: state
                socket: run/control.sock
                roles:
                  - {group: duban-t-g-dx, role: officer, unit: dongxiang}
                  - {user: \(SupervisionSocketTests.unitLeader), role: leader, unit: dongxiang}
                  - {group: duban-t-g-lx, role: leader, unit: linxia}
                  - {user: \(SupervisionSocketTests.coOfficer), role: officer, unit: guanghe}
                  - {user: \(SupervisionSocketTests.otherOfficer), role: officer, unit: kangle}
                  - {group: duban-t-g-sup, role: supervisor}
                \(config)
                """)
            try FileManager.default.createDirectory(
                atPath: dir.url.appendingPathComponent("run").path, withIntermediateDirectories: true)
            chmod(dir.url.path, 0o755)
            chmod(dir.url.appendingPathComponent("run").path, 0o755)
            daemon = try DaemonProcess(
                executable: BinaryRunner.path(of: "duband"),
                arguments: [
                    "--config", dir.url.appendingPathComponent("duban.yaml").path, "--clock-start", clockStart,
                    "--clock-speed", clockSpeed,
                ],
                logPath: dir.url.appendingPathComponent("duband.log").path)
            let path = socket
            let up = try await offload {
                for _ in 0..<600 {
                    if UnixSocketAddress.isListening(path, datagram: false) { return true }
                    usleep(100_000)
                }
                return false
            }
            guard up else { throw CocoaError(.fileReadNoSuchFile) }
            chmod(socket, 0o666)
        }

        func stop() {
            daemon.stop()
            dir.cleanup()
        }

        /// curl as `user` (root when nil): the HTTP status and the body.
        func request(_ user: String?, _ arguments: [String]) async throws -> (status: Int, body: String) {
            let base = ["-s", "--max-time", "10", "--unix-socket", socket, "-w", "\n%{http_code}"] + arguments
            let (executable, args) =
                user.map { ("/usr/sbin/runuser", ["-u", $0, "--", "/usr/bin/curl"] + base) } ?? ("/usr/bin/curl", base)
            let result = try await offload { try ProcessRunner.run(executable, args) }
            let out = result.stdout
            guard let newline = out.lastIndex(of: "\n") else { return (0, out) }
            return (Int(out[out.index(after: newline)...]) ?? 0, String(out[..<newline]))
        }

        func get(_ user: String?, _ path: String) async throws -> (status: Int, body: String) {
            try await request(user, ["http://duban" + path])
        }

        func post(_ user: String?, _ path: String, _ json: String) async throws -> (status: Int, body: String) {
            try await request(
                user, ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", json, "http://duban" + path])
        }
    }

    static let id = "drill%2Freport%2Fdongxiang%2Fonce"
    static let steps = [
        "acknowledge", "feedback", "extension-request", "approve", "reject", "submit", "pass", "return", "strike",
        "pause", "resume",
    ]

    static func code(_ body: String) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return (object?["error"] as? [String: Any])?["code"] as? String
    }

    static func object(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test("every role × every step: allowed or 403 naming the role needed; reads follow the org tree")
    func authorizationMatrix() async throws {
        let d = try await Running()
        defer { d.stop() }
        // The table of docs/supervision.md, "Who may do what", written out: the steps each principal may take.
        let unitSteps: Set<String> = ["acknowledge", "feedback", "extension-request", "submit"]
        let reviewSteps: Set<String> = ["approve", "reject", "pass", "return"]
        let allowed: [(String?, Set<String>)] = [
            (Self.officer, unitSteps),
            (Self.unitLeader, unitSteps),
            (Self.parentLeader, reviewSteps),
            (Self.coOfficer, ["feedback"]),
            (Self.otherOfficer, []),
            (Self.supervisor, reviewSteps.union(["strike", "pause", "resume"])),
            (Self.nobodyInParticular, []),
            (nil, Set(Self.steps)),  // root: admin
        ]
        let body = #"{"expected_state":"struck_off","note":"矩阵","evidence":"文号","working_days":1}"#
        for (user, steps) in allowed {
            for step in Self.steps {
                let answer = try await d.post(user, "/v1/occurrences/\(Self.id)/\(step)", body)
                let who = user ?? "root"
                if steps.contains(step) {
                    // Allowed: past the policy, the compare-and-set refuses (nothing is struck off yet).
                    #expect(answer.status == 409, "\(who) \(step): \(answer)")
                    #expect(Self.code(answer.body) == "stage-changed", "\(who) \(step): \(answer)")
                } else {
                    #expect(answer.status == 403, "\(who) \(step): \(answer)")
                    #expect(Self.code(answer.body) == "forbidden", "\(who) \(step): \(answer)")
                    #expect(answer.body.contains("需要") && answer.body.contains("needs"), "\(who) \(step): \(answer)")
                }
            }
            // The admin's direct changes stay root's and the admin group's.
            let done = try await d.post(user, "/v1/occurrences/\(Self.id)/done", "{}")
            if user != nil { #expect(done.status == 403, "\(user!) done: \(done)") }
        }
        // Of all those requests only root's done changed the item.
        let detail = try Self.object(try await d.get(nil, "/v1/occurrences/\(Self.id)").body)
        #expect((detail["occurrence"] as? [String: Any])?["stage"] as? String == "closed")

        // Reads: the unit, the units above it, co-units, supervisors and admins; not another county, not a
        // user without a role.
        let readers: [(String?, Bool)] = [
            (Self.officer, true), (Self.unitLeader, true), (Self.parentLeader, true), (Self.coOfficer, true),
            (Self.otherOfficer, false), (Self.supervisor, true), (Self.nobodyInParticular, false), (nil, true),
        ]
        for (user, may) in readers {
            let answer = try await d.get(user, "/v1/occurrences/\(Self.id)")
            #expect(answer.status == (may ? 200 : 403), "\(user ?? "root") reads: \(answer.status)")
            let list = try Self.object(try await d.get(user, "/v1/milestones?state=all&limit=100").body)
            let orgs = Set(((list["items"] as? [[String: Any]]) ?? []).compactMap { $0["org"] as? String })
            let sees = orgs.contains("dongxiang")
            if user == Self.coOfficer {
                // A co-unit reads the item itself, but lists hold its own unit's occurrences.
                #expect(!sees)
            } else {
                #expect(sees == may, "\(user ?? "root") lists: \(orgs)")
            }
        }
    }

    @Test("one officer's acknowledgement wins, a second with the same expectation gets 409; the loop runs by role")
    func loopOverTheSocket() async throws {
        let journal = try JournaldHarness.acquire()
        defer { journal.release() }
        let d = try await Running()
        defer { d.stop() }
        let path = "/v1/occurrences/\(Self.id)"
        let before = try Self.object(try await d.get(Self.officer, path).body)
        let occurrence = try #require(before["occurrence"] as? [String: Any])
        #expect(occurrence["stage"] as? String == "assigned")
        #expect(occurrence["acknowledge_by"] as? String == "2024-05-07")
        #expect(occurrence["light"] as? String == "red", "not acknowledged by 2024-05-07: \(occurrence)")
        #expect(occurrence["light_reason"] as? String == "not_acknowledged")
        #expect(before["next"] as? [String] == ["acknowledge", "waive"])

        let first = try await d.post(Self.officer, path + "/acknowledge", #"{"expected_state":"assigned"}"#)
        #expect(first.status == 200, "\(first)")
        let second = try await d.post(Self.unitLeader, path + "/acknowledge", #"{"expected_state":"assigned"}"#)
        #expect(second.status == 409 && Self.code(second.body) == "stage-changed", "\(second)")

        let feedback = try await d.post(
            Self.coOfficer, path + "/feedback", #"{"expected_state":"in_progress","note":"协办单位已完成排查"}"#)
        #expect(feedback.status == 200, "\(feedback)")
        let noReason = try await d.post(Self.officer, path + "/extension-request", #"{"expected_state":"in_progress","working_days":5}"#)
        #expect(noReason.status == 422, "\(noReason)")
        let ask = try await d.post(
            Self.officer, path + "/extension-request", #"{"expected_state":"in_progress","working_days":5,"note":"等待检测报告"}"#)
        #expect(ask.status == 200, "\(ask)")
        let approved = try await d.post(Self.parentLeader, path + "/approve", #"{"expected_state":"extension_requested"}"#)
        #expect(approved.status == 200, "\(approved)")
        let moved = try #require(try Self.object(approved.body)["occurrence"] as? [String: Any])
        // 2024-06-28 (Friday) + 5 working days (no holiday in between) = 2024-07-05.
        #expect(moved["due"] as? String == "2024-07-05", "\(moved)")
        let submitted = try await d.post(
            Self.officer, path + "/submit", #"{"expected_state":"in_progress","evidence":"东教安〔2024〕9号"}"#)
        #expect(submitted.status == 200, "\(submitted)")
        let sentBack = try await d.post(
            Self.parentLeader, path + "/return", #"{"expected_state":"submitted","note":"缺少整改台账"}"#)
        #expect(sentBack.status == 200, "\(sentBack)")
        _ = try await d.post(Self.officer, path + "/submit", #"{"expected_state":"in_progress","evidence":"东教安〔2024〕10号"}"#)
        let passed = try await d.post(Self.supervisor, path + "/pass", #"{"expected_state":"submitted"}"#)
        #expect(passed.status == 200, "\(passed)")
        let struck = try await d.post(Self.supervisor, path + "/strike", #"{"expected_state":"closed"}"#)
        #expect(struck.status == 200, "\(struck)")

        let after = try Self.object(try await d.get(nil, path).body)
        let steps = try #require(after["steps"] as? [[String: Any]])
        #expect(steps.map { $0["action"] as? String } == [
            "acknowledge", "feedback", "extension-request", "approve", "submit", "return", "submit", "pass", "strike",
        ])
        #expect(steps.map { $0["user"] as? String } == [
            Self.officer, Self.coOfficer, Self.officer, Self.parentLeader, Self.officer, Self.parentLeader, Self.officer,
            Self.supervisor, Self.supervisor,
        ])
        let final = try #require(after["occurrence"] as? [String: Any])
        #expect(final["stage"] as? String == "struck_off" && final["state"] as? String == "done")
        #expect(final["was_red"] as? Bool == true, "it was red before its acknowledgement: 曾超期 stays")
        // Every step is a journal line with its own MESSAGE_ID, who took it and the stage after it.
        let journalled = "drill/report/dongxiang/once"
        let acknowledged = try await journal.entries(
            matching: ["_PID": "\(d.daemon.pid)", "DUBAN_OCCURRENCE": journalled, "MESSAGE_ID": "385983c5fea64675aa61393aeb1ff0dd"],
            timeout: .seconds(20))
        #expect(acknowledged.count == 1, "\(acknowledged)")
        #expect(acknowledged.first?["DUBAN_BY"] == Self.officer)
        #expect(acknowledged.first?["DUBAN_STAGE"] == "in_progress")
        let reviewed = try await journal.entries(
            matching: ["_PID": "\(d.daemon.pid)", "DUBAN_OCCURRENCE": journalled, "MESSAGE_ID": "8c6d42c8e1aa4491a67f35cb2191875b"],
            atLeast: 2, timeout: .seconds(20))
        #expect(Set(reviewed.compactMap { $0["DUBAN_STEP"] }) == ["return", "pass"], "\(reviewed)")
        let reports = try await journal.entries(
            matching: ["_PID": "\(d.daemon.pid)", "DUBAN_OCCURRENCE": journalled, "MESSAGE_ID": "090239c0dfdd49ec930bf4a3c5957ae3"],
            atLeast: 2, timeout: .seconds(20))
        #expect(reports.compactMap { $0["DUBAN_EVIDENCE"] }.contains("东教安〔2024〕10号"))

        // Every step wrote its audit line, with who did it.
        let audit = try Self.object(try await d.get(nil, "/v1/audit?limit=50").body)
        let actions = ((audit["entries"] as? [[String: Any]]) ?? []).compactMap { $0["action"] as? String }
        #expect(actions.filter { Self.steps.contains($0) }.count == 9)
    }

    static let reportingPlan = """
        id: drill
        title: 督办演练
        assignees: [dongxiang]
        tasks:
          - id: training
            title: 培训中小学校长
            kind: quota
            lead: dongxiang
            co_units: [guanghe]
            quota: {count: 300, unit: 人, subject: 校长培训}
            window: {start: 2024-01-01, end: 2024-12-31}
            due: 2024-12-31
          - id: coverage
            title: 学前三年毛入园率达到98%
            kind: target
            due: 2025-12-31
            target: {metric: 学前三年毛入园率, value: 98, unit: "%"}
        """

    @Test("quota progress and target readings are 进展反馈: the unit's officers and co-units record them, others get 403")
    func officersReportProgressAndReadings() async throws {
        let d = try await Running(plan: Self.reportingPlan)
        defer { d.stop() }
        let listed = try Self.object(try await d.get(nil, "/v1/milestones?plan=drill&task=training").body)
        let quotaID = try #require((listed["items"] as? [[String: Any]])?.first?["id"] as? String)
        let occurrence = "/v1/occurrences/" + (quotaID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? quotaID)
        let progress = occurrence + "/progress"
        let body = #"{"amount":40,"note":"第一期培训"}"#
        // Nothing recorded by 8 May: behind the pro-rata pace (序时进度), so yellow in every list.
        func light() async throws -> (String?, String?) {
            let page = try Self.object(try await d.get(nil, "/v1/milestones?plan=drill&task=training").body)
            let item = try #require((page["items"] as? [[String: Any]])?.first)
            return (item["light"] as? String, item["light_reason"] as? String)
        }
        let ack = try await d.post(
            Self.officer, occurrence + "/acknowledge", #"{"expected_state":"assigned"}"#)
        #expect(ack.status == 200, "\(ack)")
        let before = try await light()
        #expect(before.0 == "yellow" && before.1 == "behind_pace", "\(before)")
        // Allowed: the lead unit's officer and leader, a co-unit's officer, root.
        for user in [Self.officer, Self.unitLeader, Self.coOfficer, nil] as [String?] {
            let answer = try await d.post(user, progress, body)
            #expect(answer.status == 200, "\(user ?? "root"): \(answer)")
        }
        // Refused, naming what is needed: another county, a supervisor (who reviews, not reports), no role.
        for user in [Self.otherOfficer, Self.supervisor, Self.nobodyInParticular, Self.parentLeader] {
            let answer = try await d.post(user, progress, body)
            #expect(answer.status == 403, "\(user): \(answer)")
            #expect(answer.body.contains("不能登记进度") && answer.body.contains("forbidden"), "\(answer.body)")
        }
        let report = try Self.object(try await d.get(nil, progress).body)
        #expect(report["achieved"] as? Double == 160, "four reports of 40: \(report)")
        // 160 of 300 by 8 May is ahead of the pace (about 105 by then): green again.
        let after = try await light()
        #expect(after.0 == "green" && after.1 == "on_track", "\(after)")
        // Readings of the unit's target, likewise.
        let reading = #"{"plan":"drill","task":"coverage","org":"dongxiang","value":91.5,"date":"2024-05-08"}"#
        #expect(try await d.post(Self.officer, "/v1/readings", reading).status == 200)
        let refused = try await d.post(Self.otherOfficer, "/v1/readings", reading)
        #expect(refused.status == 403 && refused.body.contains("不能登记读数"), "\(refused)")
        let kangle = #"{"plan":"drill","task":"coverage","org":"kangle","value":90,"date":"2024-05-08"}"#
        #expect(try await d.post(Self.officer, "/v1/readings", kangle).status == 403, "not the officer's unit")
        // Who recorded each is in the audit log.
        let audit = try Self.object(try await d.get(nil, "/v1/audit?limit=50").body)
        let actors = ((audit["entries"] as? [[String: Any]]) ?? []).filter { ($0["action"] as? String) == "progress" }
            .compactMap { $0["user"] as? String }
        #expect(Set(actors) == [Self.officer, Self.unitLeader, Self.coOfficer, "root"], "\(actors)")
    }
}
