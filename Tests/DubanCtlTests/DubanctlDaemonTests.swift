import DubanTesting
import Foundation
import Testing

/// The built `dubanctl` against the real `duband` on the bundled examples: every online command, Chinese and
/// English output, `--json` shapes, exit codes, idempotent retries, the audit log, and the authorization split.
/// The daemon runs a rehearsal clock from 2022-08-25 08:00 (Thursday) at real speed, so "today" is fixed.
@Suite(.serialized) struct DubanctlDaemonTests {
    typealias R = BinaryRunner.Result

    func id(of milestones: R) throws -> [String] {
        let items = try #require(
            try JSONOutput.object(milestones.stdout)["items"] as? [[String: Any]],
            "\(milestones.stdout)"
        )
        return items.compactMap { $0["id"] as? String }
    }

    @Test func readCommandsInChineseEnglishAndJSON() async throws {
        let daemon = try await LiveDaemon()
        defer { daemon.stop() }

        let status = try await daemon.ctl(["status"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(
            status.stdout.contains("计划") && status.stdout.contains("未办结") && status.stdout.contains("2022-08-25 (周四)"),
            "\(status.stdout)"
        )
        let statusEN = try await daemon.ctl(["status", "--lang", "en"])
        #expect(statusEN.stdout.contains("Plans") && statusEN.stdout.contains("(Thu)"), "\(statusEN.stdout)")
        let statusJSON = try JSONOutput.object(try await daemon.ctl(["status", "--json"]).stdout)
        #expect(statusJSON["plans"] as? Int == 3 && statusJSON["scaled_clock"] as? Bool == true, "\(statusJSON)")

        // Without --socket, --config's `socket` key says where the daemon listens.
        let viaConfig = try await offload { [config = daemon.config] in
            try BinaryRunner.run("dubanctl", ["status", "--json", "--config", config])
        }
        #expect(viaConfig.status == 0, "\(viaConfig.stderr)")

        let plans = try await daemon.ctl(["plans"])
        #expect(
            plans.status == 0 && plans.stdout.contains("linxia-it-2022") && plans.stdout.contains("共 3 个计划"),
            "\(plans.stdout)\(plans.stderr)"
        )
        let plansJSON = try JSONOutput.object(try await daemon.ctl(["plans", "--json"]).stdout)
        #expect((plansJSON["items"] as? [[String: Any]])?.count == 3 && plansJSON["total"] as? Int == 3)

        let tasks = try await daemon.ctl(["tasks", "--plan", "baoshan-2023", "--kind", "quota", "--json"])
        #expect(tasks.status == 0, "\(tasks.stderr)")
        let taskItems = try #require(try JSONOutput.object(tasks.stdout)["items"] as? [[String: Any]])
        #expect(
            !taskItems.isEmpty
                && taskItems.allSatisfy { $0["kind"] as? String == "quota" && $0["plan"] as? String == "baoshan-2023" }
        )
        let rolledUp = try JSONOutput.object(try await daemon.ctl(["tasks", "--org", "linxia", "--json"]).stdout)["total"] as? Int
        let own = try JSONOutput.object(try await daemon.ctl(["tasks", "--org", "linxia", "--no-rollup", "--json"]).stdout)["total"] as? Int
        #expect((rolledUp ?? 0) > 0 && (rolledUp ?? 0) >= (own ?? .max), "\(String(describing: rolledUp)) vs \(String(describing: own))")
        let tasksTable = try await daemon.ctl(["tasks", "--plan", "linxia-it-2022"])
        #expect(
            tasksTable.status == 0 && tasksTable.stdout.contains("限时任务"),
            "\(tasksTable.stdout)\(tasksTable.stderr)"
        )

        // milestones: the next 30 days (from the daemon's today), with weekdays and working days left.
        let upcoming = try await daemon.ctl(["milestones", "--within", "30d"])
        #expect(upcoming.status == 0, "\(upcoming.stderr)")
        #expect(upcoming.stdout.contains("到期日") && upcoming.stdout.contains("(周"), "\(upcoming.stdout)")
        #expect(upcoming.stdout.contains("剩") && upcoming.stdout.contains("个工作日"), "\(upcoming.stdout)")
        let upcomingEN = try await daemon.ctl(["milestones", "--within", "30d", "--lang", "en"])
        #expect(
            upcomingEN.stdout.contains("working days left") || upcomingEN.stdout.contains("working day left"),
            "\(upcomingEN.stdout)"
        )
        let json = try JSONOutput.object(try await daemon.ctl(["milestones", "--within", "30d", "--json"]).stdout)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(!items.isEmpty && json["total"] as? Int ?? 0 >= items.count)
        for item in items {
            let due = try #require(item["due"] as? String)
            #expect(due >= "2022-08-25" && due <= "2022-09-24", "\(due)")
            #expect(
                item["working_days_left"] is Int && item["weekday_name"] is String && item["state"] as? String == "open"
            )
        }
        let workdays = try id(of: try await daemon.ctl(["milestones", "--workdays", "3", "--json"]))
        #expect(workdays.count <= items.count)
        let rollUp = try id(
            of: try await daemon.ctl([
                "milestones", "--org", "linxia", "--from", "2022-01-01", "--through", "2022-12-31", "--json", "--limit",
                "1000",
            ])
        )
        let exact = try id(
            of: try await daemon.ctl([
                "milestones", "--org", "linxia", "--no-rollup", "--from", "2022-01-01", "--through", "2022-12-31",
                "--json", "--limit", "1000",
            ])
        )
        #expect(rollUp.count > exact.count, "roll-up includes the counties: \(rollUp.count) vs \(exact.count)")
        #expect(rollUp.contains { $0.contains("/kangle/") })
        let overdue = try await daemon.ctl(["milestones", "--overdue", "--json"])
        #expect(overdue.status == 0, "\(overdue.stderr)")
        for item in try #require(try JSONOutput.object(overdue.stdout)["items"] as? [[String: Any]]) {
            #expect(item["overdue"] as? Bool == true && (item["working_days_left"] as? Int ?? 0) < 0)
        }

        // show: one occurrence in both languages and as JSON.
        let first = try #require(items.first?["id"] as? String)
        let show = try await daemon.ctl(["show", first])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(
            show.stdout.contains("到期日") && show.stdout.contains(first) && show.stdout.contains("(周"),
            "\(show.stdout)"
        )
        let showEN = try await daemon.ctl(["show", first, "--lang", "en"])
        #expect(showEN.stdout.contains("Due") && showEN.stdout.contains("Unit"), "\(showEN.stdout)")
        let detail = try JSONOutput.object(try await daemon.ctl(["show", first, "--json"]).stdout)
        #expect((detail["occurrence"] as? [String: Any])?["id"] as? String == first)
        #expect(detail["reminders"] is [Any] && detail["history"] is [Any])

        // export: iCalendar and CSV, to standard output and to a file.
        let ics = try await daemon.ctl(["export", "ics", "--plan", "linxia-it-2022", "--org", "kangle", "--no-rollup"])
        #expect(
            ics.status == 0 && ics.stdout.contains("BEGIN:VCALENDAR") && ics.stdout.contains("BEGIN:VEVENT"),
            "\(ics.stdout.prefix(300))\(ics.stderr)"
        )
        let csvPath = daemon.dir.url.appendingPathComponent("out.csv").path
        let csv = try await daemon.ctl(["export", "csv", "--org", "kangle", "-o", csvPath])
        #expect(csv.status == 0, "\(csv.stderr)")
        let csvText = try String(contentsOfFile: csvPath, encoding: .utf8)
        #expect(
            csvText.contains("kangle") && csvText.split(whereSeparator: \.isNewline).count > 1,
            "\(csvText.prefix(300))"
        )
        let exportJSON = try JSONOutput.object(
            try await daemon.ctl(["export", "csv", "--plan", "baoshan-2023", "--json"]).stdout
        )
        #expect(
            exportJSON["format"] as? String == "csv" && (exportJSON["bytes"] as? Int ?? 0) > 0
                && exportJSON["content"] is String
        )

        // log reads (empty or not) as JSON with an entries array.
        let log = try await daemon.ctl(["log", "--json"])
        #expect(log.status == 0, "\(log.stderr)")
        #expect(try JSONOutput.object(log.stdout)["entries"] is [Any], "\(log.stdout)")

        // Colour: on a terminal (through `script`, a real pty) overdue days are red; never with NO_COLOR.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/script") {
            let command =
                "\(BinaryRunner.path(of: "dubanctl")) milestones --overdue --limit 3 --socket \(daemon.socket)"
            let tty = try await offload {
                try ProcessRunner.run(
                    "/usr/bin/script",
                    ["-qec", command, "/dev/null"],
                    environment: ["LANG": "zh_CN.UTF-8", "TERM": "xterm", "PATH": "/usr/bin:/bin"]
                )
            }
            #expect(tty.status == 0 && tty.stdout.contains("\u{1B}[31m逾期"), "\(tty.stdout)")
            let noColor = try await offload {
                try ProcessRunner.run(
                    "/usr/bin/script",
                    ["-qec", command, "/dev/null"],
                    environment: ["LANG": "zh_CN.UTF-8", "TERM": "xterm", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
                )
            }
            #expect(
                noColor.status == 0 && noColor.stdout.contains("逾期") && !noColor.stdout.contains("\u{1B}["),
                "\(noColor.stdout)"
            )
        }
        #expect(!upcoming.stdout.contains("\u{1B}["), "no colour into a pipe")

        // Exit codes: unknown id 1 with the daemon's message, usage 2 (client- and server-side), 78 bad config.
        let missing = try await daemon.ctl(["show", "no-such-plan/x/y/once"])
        #expect(missing.status == 1 && missing.stderr.contains("not-found"), "\(missing.status) \(missing.stderr)")
        let missingJSON = try await daemon.ctl(["show", "no-such-plan/x/y/once", "--json"])
        let failure = try #require(
            try JSONOutput.object(missingJSON.stderr)["error"] as? [String: Any], "\(missingJSON.stderr)")
        #expect(missingJSON.status == 1 && missingJSON.stdout.isEmpty)
        #expect(failure["code"] as? String == "not-found" && failure["status"] as? Int == 404)
        #expect(failure["exit"] as? Int == 1)
        let missingEN = try await daemon.ctl(["done", "no-such-plan/x/y/once", "--lang", "en"])
        #expect(missingEN.status == 1 && missingEN.stderr.contains("refused"), "\(missingEN.stderr)")
        #expect(try await daemon.ctl(["milestones", "--within", "soon"]).status == 2)
        #expect(try await daemon.ctl(["progress", first, "+0"]).status == 2)
        #expect(try await daemon.ctl(["tasks", "--kind", "weekly"]).status == 2)
        let badLimit = try await daemon.ctl(["milestones", "--within", "30d", "--through", "2022-02-30"])
        #expect(badLimit.status == 2, "\(badLimit.stderr)")
        // An empty --org passes the command line but the daemon refuses it (400 bad-request): also exit 2.
        let serverSide = try await daemon.ctl(["milestones", "--org", ""])
        #expect(
            serverSide.status == 2 && serverSide.stderr.contains("bad-request"),
            "\(serverSide.status) \(serverSide.stderr)"
        )
        let config = try daemon.dir.write("broken.yaml", "plans: [unclosed\n")
        let broken = try await offload { try BinaryRunner.run("dubanctl", ["status", "--config", config]) }
        #expect(broken.status == 78, "\(broken.status) \(broken.stderr)")
        // The default language follows LANG.
        let english = try await daemon.ctl(["status"], lang: "en_US.UTF-8")
        #expect(english.stdout.contains("Plans") && !english.stdout.contains("计划"), "\(english.stdout)")
    }

    @Test func changesAreIdempotentAndAudited() async throws {
        let daemon = try await LiveDaemon()
        defer { daemon.stop() }
        let deadlines = try id(
            of: try await daemon.ctl([
                "milestones", "--plan", "linxia-it-2022", "--kind", "deadline", "--from", "2022-08-25", "--through",
                "2023-12-31", "--json", "--limit", "3",
            ])
        )
        #expect(deadlines.count == 3, "\(deadlines)")
        guard deadlines.count == 3 else { return }

        // done → reopen → waive, each printed and reflected in show.
        let done = try await daemon.ctl(["done", deadlines[0], "--note", "已完成验收", "--evidence", "康教发〔2022〕31号"])
        #expect(
            done.status == 0 && done.stdout.contains("已办结") && done.stdout.contains("请求编号"),
            "\(done.stdout)\(done.stderr)"
        )
        let afterDone = try JSONOutput.object(try await daemon.ctl(["show", deadlines[0], "--json"]).stdout)
        let occurrence = try #require(afterDone["occurrence"] as? [String: Any])
        #expect(occurrence["state"] as? String == "done" && occurrence["evidence"] as? String == "康教发〔2022〕31号")
        let reopen = try await daemon.ctl(["reopen", deadlines[0], "--note", "材料不全", "--lang", "en"])
        #expect(reopen.status == 0 && reopen.stdout.contains("reopened"), "\(reopen.stdout)\(reopen.stderr)")
        let waive = try await daemon.ctl(["waive", deadlines[1], "--reason", "该校已撤并", "--json"])
        #expect(waive.status == 0, "\(waive.stderr)")
        let waived = try JSONOutput.object(waive.stdout)["occurrence"] as? [String: Any]
        #expect(waived?["state"] as? String == "waived")
        #expect(try await daemon.ctl(["waive", deadlines[1]]).status == 2, "--reason is required")
        let closed = try id(
            of: try await daemon.ctl([
                "milestones", "--plan", "linxia-it-2022", "--state", "closed", "--from", "2022-01-01", "--through",
                "2023-12-31", "--json",
            ])
        )
        #expect(closed == [deadlines[1]], "\(closed)")

        // progress +30 with the same request id twice counts once; the same id for another request is refused.
        let quotas = try id(
            of: try await daemon.ctl([
                "milestones", "--kind", "quota", "--state", "all", "--from", "2022-01-01", "--through", "2025-12-31",
                "--json", "--limit", "1",
            ])
        )
        let quota = try #require(quotas.first)
        let first = try await daemon.ctl([
            "progress", quota, "+30", "--request-id", "ctl-test-r1", "--note", "第一批", "--json",
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try await daemon.ctl([
            "progress", quota, "+30", "--request-id", "ctl-test-r1", "--note", "第一批", "--json",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        let firstEntry = try #require(try JSONOutput.object(first.stdout)["entry"] as? [String: Any])
        let secondEntry = try #require(try JSONOutput.object(second.stdout)["entry"] as? [String: Any])
        #expect(firstEntry["id"] as? Int == secondEntry["id"] as? Int)
        let progress = try #require(
            (try JSONOutput.object(try await daemon.ctl(["show", quota, "--json"]).stdout))["progress"]
                as? [String: Any]
        )
        #expect(progress["achieved"] as? Double == 30 || progress["achieved"] as? Int == 30, "\(progress)")
        let reused = try await daemon.ctl(["progress", quota, "+31", "--request-id", "ctl-test-r1"])
        #expect(reused.status == 1 && reused.stderr.contains("conflict"), "\(reused.status) \(reused.stderr)")
        let human = try await daemon.ctl(["progress", quota, "+5", "--on", "2022-08-24"])
        #expect(
            human.status == 0 && human.stdout.contains("已记录 +5") && human.stdout.contains("累计 35"),
            "\(human.stdout)\(human.stderr)"
        )

        // reading on a target.
        let targets = try id(
            of: try await daemon.ctl([
                "milestones", "--kind", "target", "--state", "all", "--from", "2022-01-01", "--through", "2026-12-31",
                "--json", "--limit", "1",
            ])
        )
        let target = try #require(targets.first)
        let reading = try await daemon.ctl(["reading", target, "87.5", "--on", "2022-08-20"])
        #expect(reading.status == 0 && reading.stdout.contains("87.5"), "\(reading.stdout)\(reading.stderr)")
        let readingJSON = try JSONOutput.object(try await daemon.ctl(["reading", target, "88", "--json"]).stdout)
        #expect(
            (readingJSON["readings"] as? [String: Any])?["latest"] as? Double == 88
                || (readingJSON["readings"] as? [String: Any])?["latest"] as? Int == 88
        )

        // start a procedural occurrence, extend it by 5, then by what is left (10), then no more.
        let start = try await daemon.ctl([
            "start", "linxia-disclosure/request-reply", "--on", "2022-08-25", "--reference", "YSQ-2022-017", "--json",
        ])
        #expect(start.status == 0, "\(start.stderr)")
        let started = try #require(try JSONOutput.object(start.stdout)["occurrence"] as? [String: Any])
        let procedural = try #require(started["id"] as? String)
        // 15 working days after Thu 2022-08-25, skipping the Mid-Autumn holiday (Mon 2022-09-12): Fri 2022-09-16.
        #expect(started["due"] as? String == "2022-09-16", "\(started)")
        let extend = try await daemon.ctl(["extend", procedural, "--workdays", "5", "--reason", "情况复杂"])
        #expect(
            extend.status == 0 && extend.stdout.contains("已延期") && extend.stdout.contains("2022-09-23 (周五)"),
            "\(extend.stdout)\(extend.stderr)"
        )
        let rest = try JSONOutput.object(
            try await daemon.ctl(["extend", procedural, "--reason", "再延", "--json"]).stdout
        )
        #expect((rest["occurrence"] as? [String: Any])?["extended_working_days"] as? Int == 15, "\(rest)")
        #expect(try await daemon.ctl(["extend", procedural, "--reason", "三延"]).status == 1)

        // reload: refused with file:line:column while a plan is broken (the old plans stay), then accepted.
        let broken = try daemon.dir.write(
            "plans/broken.yaml",
            "id: broken\ntitle: 坏计划\ntasks:\n  - {id: x, title: y, kind: deadline, assignees: [kangle], due: 2022-02-30}\n"
        )
        let refused = try await daemon.ctl(["reload"])
        #expect(
            refused.status == 1 && refused.stderr.contains("仍用原计划") && refused.stderr.contains("\(broken):4:"),
            "\(refused.status) \(refused.stderr)"
        )
        let refusedJSON = try await daemon.ctl(["reload", "--json"])
        #expect(refusedJSON.status == 1)
        #expect(try JSONOutput.object(refusedJSON.stdout)["ok"] as? Bool == false, "\(refusedJSON.stdout)")
        try FileManager.default.removeItem(atPath: broken)
        let reload = try await daemon.ctl(["reload"])
        #expect(reload.status == 0 && reload.stdout.contains("已重新加载"), "\(reload.stdout)\(reload.stderr)")
        let backupPath = daemon.dir.url.appendingPathComponent("backup.sqlite").path
        let backup = try await daemon.ctl(["backup", backupPath])
        #expect(backup.status == 0 && FileManager.default.fileExists(atPath: backupPath), "\(backup.stderr)")

        // The audit log: every change once, newest first, with uid and user.
        let log = try JSONOutput.object(try await daemon.ctl(["log", "--json", "--limit", "100"]).stdout)
        let entries = try #require(log["entries"] as? [[String: Any]])
        let actions = entries.compactMap { $0["action"] as? String }
        for action in ["done", "reopen", "waive", "progress", "reading", "start", "extend"] {
            #expect(actions.contains(action), "no \(action) in \(actions)")
        }
        let retried = entries.filter { $0["request_id"] as? String == "ctl-test-r1" }
        #expect(retried.count == 1, "a retried request is audited once: \(retried)")
        #expect(retried.first?["uid"] as? Int == Int(getuid()) && retried.first?["target"] as? String == quota)
        if getuid() == 0 { #expect(retried.first?["user"] as? String == "root", "\(retried)") }
        let ids = entries.compactMap { $0["id"] as? Int }
        #expect(ids == ids.sorted(by: >), "newest first")
        // Paging back: --before gives only older lines.
        let newest = try #require(ids.first)
        let older = try JSONOutput.object(
            try await daemon.ctl(["log", "--json", "--before", "\(newest)", "--limit", "2"]).stdout
        )
        let olderIDs = (older["entries"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        #expect(olderIDs.count == 2 && olderIDs.allSatisfy { $0 < newest }, "\(olderIDs)")
        let table = try await daemon.ctl(["log", "--limit", "3"])
        #expect(
            table.status == 0 && table.stdout.contains("操作") && table.stdout.contains("(\(getuid()))"),
            "\(table.stdout)"
        )
        #expect(table.stdout.contains("dubanctl log --before"), "more lines than shown: \(table.stdout)")
    }

    @Test func aChangeRetriedAfterADroppedConnectionCountsOnce() async throws {
        let daemon = try await LiveDaemon()
        defer { daemon.stop() }
        let quota = try #require(
            try id(
                of: try await daemon.ctl([
                    "milestones", "--kind", "quota", "--state", "all", "--from", "2022-01-01", "--through",
                    "2025-12-31", "--json", "--limit", "1",
                ])
            ).first
        )
        // The proxy applies the first attempt at the daemon and hangs up on dubanctl, which retries once.
        let proxy = try DroppingProxy(
            path: daemon.dir.url.appendingPathComponent("proxy.sock").path,
            target: daemon.socket,
            drops: 1
        )
        defer { proxy.stop() }
        let proxied = try await offload { [path = proxy.path] in
            try BinaryRunner.run("dubanctl", ["progress", quota, "+30", "--socket", path, "--json"])
        }
        #expect(proxied.status == 0, "\(proxied.stderr)")
        let keys = proxy.idempotencyKeys
        #expect(
            keys.count == 2 && keys[0] == keys[1] && !keys[0].isEmpty,
            "the retry reuses the generated key: \(keys)"
        )
        let progress = try #require(
            try JSONOutput.object(try await daemon.ctl(["show", quota, "--json"]).stdout)["progress"] as? [String: Any]
        )
        #expect((progress["achieved"] as? NSNumber)?.doubleValue == 30, "counted once: \(progress)")
        #expect((progress["entries"] as? [Any])?.count == 1)
        // Two drops in a row: dubanctl gives up with exit 69, and the change (applied once) is still counted once.
        let twice = try DroppingProxy(
            path: daemon.dir.url.appendingPathComponent("proxy2.sock").path,
            target: daemon.socket,
            drops: 2
        )
        defer { twice.stop() }
        let failed = try await offload { [path = twice.path] in
            try BinaryRunner.run(
                "dubanctl",
                ["progress", quota, "+5", "--socket", path],
                environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": ""]
            )
        }
        #expect(failed.status == 69 && failed.stderr.contains("连接中断"), "\(failed.status) \(failed.stderr)")
        let after = try #require(
            try JSONOutput.object(try await daemon.ctl(["show", quota, "--json"]).stdout)["progress"] as? [String: Any]
        )
        #expect((after["achieved"] as? NSNumber)?.doubleValue == 35, "\(after)")
    }

    @Test(.enabled(if: try Requirement.met(LiveDaemon.canRunAsNobody, "needs root and runuser to act as user nobody")))
    func aUserWithoutTheAdminRightReadsButCannotChange() async throws {
        let daemon = try await LiveDaemon()
        defer { daemon.stop() }
        let status = try await daemon.ctlAsNobody(["status", "--json"])
        #expect(status.status == 0, "nobody may read: \(status.stderr)")
        let milestones = try await daemon.ctlAsNobody(["milestones", "--within", "60d", "--json", "--limit", "1"])
        #expect(milestones.status == 0, "\(milestones.stderr)")
        let target = try #require(try id(of: milestones).first)
        let done = try await daemon.ctlAsNobody(["done", target])
        #expect(done.status == 77, "\(done.status) \(done.stderr)")
        #expect(done.stderr.contains("forbidden") && done.stderr.contains("管理员"), "\(done.stderr)")
        #expect(try await daemon.ctlAsNobody(["reload"]).status == 77)
        // Nothing changed, and nothing was audited.
        let after = try JSONOutput.object(try await daemon.ctl(["show", target, "--json"]).stdout)
        #expect((after["occurrence"] as? [String: Any])?["state"] as? String == "open")
        let log = try JSONOutput.object(try await daemon.ctl(["log", "--json"]).stdout)
        #expect((log["entries"] as? [[String: Any]])?.contains { $0["uid"] as? Int == 65534 } == false)
    }

    @Test func watchPrintsEachNoticeAsItIsDelivered() async throws {
        // A reminder 3 working days before Wed 2022-08-31 falls on Fri 2022-08-26 08:30; the clock starts 30
        // rehearsal seconds before it, at 3× speed.
        let plan = """
            id: ctl-watch
            title: 观察测试计划
            tasks:
              - id: report
                title: 报送统计材料
                kind: deadline
                assignees: [kangle]
                due: 2022-08-31
                reminders: [3]
            """
        let daemon = try await LiveDaemon(
            clockStart: "2022-08-26T08:29:30+08:00",
            speed: 3,
            extraPlans: ["ctl-watch.yaml": plan]
        )
        defer { daemon.stop() }
        let ctl = BinaryRunner.path(of: "dubanctl")
        let jsonLog = daemon.dir.url.appendingPathComponent("watch.json").path
        let textLog = daemon.dir.url.appendingPathComponent("watch.txt").path
        // The daily check's notices of the bundled examples (swept at once: the clock starts after 07:00) come
        // first; the watchers print each as it is delivered, until the drill's reminder at 08:30.
        let json = try DaemonProcess(
            executable: ctl,
            arguments: ["watch", "--json", "--socket", daemon.socket],
            logPath: jsonLog
        )
        let text = try DaemonProcess(
            executable: ctl,
            arguments: ["watch", "--socket", daemon.socket],
            environment: ["LANG": "zh_CN.UTF-8", "NO_COLOR": "1"],
            logPath: textLog
        )
        defer {
            json.stop()
            text.stop()
        }
        var line: String?
        for _ in 0..<450 where line == nil {
            line = json.output.split(separator: "\n").map(String.init).first { $0.contains("ctl-watch/report/kangle/once") }
            if line == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let found = try #require(line, "watch --json printed no reminder of the drill: \(json.output)\n\(daemon.process.output)")
        for _ in 0..<100 where !text.output.contains("报送统计材料") { try await Task.sleep(for: .milliseconds(100)) }
        let event = try JSONOutput.object(found)
        #expect(event["kind"] as? String == "reminder" && event["due"] as? String == "2022-08-31", "\(found)")
        #expect(event["occurrence"] as? String == "ctl-watch/report/kangle/once", "\(found)")
        #expect(
            text.output.contains("[提醒]") && text.output.contains("2022-08-31 (周三)") && text.output.contains("报送统计材料"),
            "\(text.output)"
        )
    }

    @Test func everyOnlineCommandExits69WithoutADaemon() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let socket = dir.url.appendingPathComponent("absent.sock").path
        let commands: [[String]] = [
            ["status"], ["plans"], ["tasks"], ["milestones"], ["show", "a/b/c/d"], ["done", "a/b/c/d"],
            ["reopen", "a/b/c/d"],
            ["waive", "a/b/c/d", "--reason", "x"], ["progress", "a/b/c/d", "+1"], ["reading", "a/b/c", "1"],
            ["extend", "a/b/c/d", "--reason", "x", "--workdays", "1"],
            ["start", "a/b", "--on", "2022-08-25", "--org", "x"],
            ["reload"], ["watch"], ["export", "ics"], ["log"], ["backup", "/tmp/x.sqlite"],
        ]
        // milestones falls back to the configured plans (offline) when the configured socket is dead.
        for item in ["org.yaml", "plans", "school-calendars"] {
            try FileManager.default.copyItem(
                atPath: Fixtures.examples.appendingPathComponent(item).path,
                toPath: dir.url.appendingPathComponent(item).path
            )
        }
        let config = try dir.write(
            "duban.yaml",
            "plans: plans\norg: org.yaml\nschool_calendars: school-calendars\nsocket: absent.sock\n"
        )
        let fallback = try await offload {
            try BinaryRunner.run(
                "dubanctl",
                ["milestones", "--config", config, "--from", "2022-08-25", "--within", "10d"],
                environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": ""]
            )
        }
        #expect(
            fallback.status == 0 && fallback.stderr.contains("离线") && fallback.stdout.contains("2022-08-31 (周三)"),
            "\(fallback.stdout)\(fallback.stderr)"
        )
        for command in commands {
            let result = try await offload {
                try BinaryRunner.run(
                    "dubanctl",
                    command + ["--socket", socket],
                    environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": ""]
                )
            }
            #expect(result.status == 69, "\(command): \(result.status) \(result.stderr)")
            #expect(
                result.stderr.contains("无法连接守护进程") && result.stderr.contains(socket),
                "\(command): \(result.stderr)"
            )
        }
        // With --json the failure is one JSON object on standard error.
        let json = try await offload { try BinaryRunner.run("dubanctl", ["status", "--json", "--socket", socket]) }
        let error = try #require(try JSONOutput.object(json.stderr)["error"] as? [String: Any], "\(json.stderr)")
        #expect(json.status == 69 && error["kind"] as? String == "unreachable" && error["exit"] as? Int == 69)
    }
}
