import DubanTesting
import Foundation
import Testing

/// The 督办 loop rehearsed end to end on the real `duband`: the bundled example plans plus a drill item for two
/// counties, the scaled clock (four hours a second), real Unix users in groups over the real socket, and the real
/// journal. One county goes through the whole loop; the other ignores its item, which climbs the ladder to a
/// numbered 督办单 and into the month's circular. What duband shows is compared with what
/// `scripts/testing/rehearsal_expect.py` computes from the plan file and the holiday file alone.
@Suite(
    .serialized,
    .enabled(
        if: try Requirement.met(
            getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd"),
            "not root: needs useradd and runuser to act as the county officer, the prefecture's leader and the supervisor"))
)
struct RehearsalTests {
    static let plan = """
        id: drill
        title: 督办演练
        assignees: [dongxiang, kangle]
        tasks:
          - id: safety-report
            title: 报送学校安全隐患排查报告
            kind: deadline
            window: {start: 2026-04-02, end: 2026-04-24}
            due: 2026-04-24
        """
    static let lead = "drill%2Fsafety-report%2Fdongxiang%2Fonce"
    static let ignored = "drill%2Fsafety-report%2Fkangle%2Fonce"
    static let ignoredID = "drill/safety-report/kangle/once"

    typealias Users = SupervisionSocketTests

    static func object(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    /// The oracle's figures for the rehearsal as of `today`.
    static func expected(planFile: String, closedOn: String, extension days: Int, today: String) throws -> [String: Any] {
        let holidays = Fixtures.packageRoot.appendingPathComponent("Sources/DubanPlanFiles/Calendars/holidays-2026.yaml")
        let script = Fixtures.packageRoot.appendingPathComponent("scripts/testing/rehearsal_expect.py")
        let result = try ProcessRunner.run(
            "/usr/bin/env", ["python3", script.path, planFile, holidays.path, closedOn, String(days), today])
        #expect(result.status == 0, "\(result.stderr)")
        return try object(result.stdout)
    }

    @Test("a county walks the loop; another ignores its item and climbs to a 督办单 and the month's circular")
    func rehearsal() async throws {
        let journal = try JournaldHarness.acquire()
        defer { journal.release() }
        let d = try await SupervisionSocketTests.Running(
            plan: Self.plan, examples: true,
            config: """
                supervision:
                  ladder:
                    notice_prefix: 临教督
                """,
            clockStart: "2026-04-02T00:10:00+08:00", clockSpeed: "14400")
        defer { d.stop() }
        let lead = "/v1/occurrences/" + Self.lead

        // The county officer: 签收, two 进展反馈, an extension the prefecture's leader approves, 办结报告, sent back,
        // again, passed, and struck off by the supervisor.
        var dates: [String] = []
        func step(_ user: String, _ action: String, _ body: String) async throws {
            let answer = try await d.post(user, lead + "/" + action, body)
            #expect(answer.status == 200, "\(action): \(answer)")
            let step = try #require(try Self.object(answer.body)["step"] as? [String: Any])
            dates.append(try #require(step["date"] as? String))
        }
        try await step(Users.officer, "acknowledge", #"{"expected_state":"assigned"}"#)
        try await step(Users.officer, "feedback", #"{"expected_state":"in_progress","note":"已完成全县排查部署"}"#)
        try await step(Users.officer, "feedback", #"{"expected_state":"in_progress","note":"已排查学校42所"}"#)
        try await step(
            Users.officer, "extension-request",
            #"{"expected_state":"in_progress","working_days":5,"note":"等待第三方检测报告"}"#)
        try await step(Users.parentLeader, "approve", #"{"expected_state":"extension_requested"}"#)
        try await step(Users.officer, "submit", #"{"expected_state":"in_progress","evidence":"东教安〔2026〕3号"}"#)
        try await step(Users.supervisor, "return", #"{"expected_state":"submitted","note":"缺少整改台账"}"#)
        try await step(Users.officer, "submit", #"{"expected_state":"in_progress","evidence":"东教安〔2026〕4号"}"#)
        try await step(Users.supervisor, "pass", #"{"expected_state":"submitted"}"#)
        try await step(Users.supervisor, "strike", #"{"expected_state":"closed"}"#)
        #expect(dates.count == 10)

        // The other county does nothing: wait for the ladder's 通报 on its item, from the real journal.
        func entries(_ messageID: String, atLeast count: Int = 1) async throws -> [[String: String]] {
            try await journal.entries(
                matching: ["_PID": "\(d.daemon.pid)", "DUBAN_OCCURRENCE": Self.ignoredID, "MESSAGE_ID": messageID],
                atLeast: count, timeout: .seconds(180))
        }
        let circular = try await entries("d7608e8146b440a5acce990901ccadcd")
        let acknowledgeDue = try await entries("5ab42b44497044aab7ac635c875a9dba")
        let chased = try await entries("90047e2ebf574fb69c106f1c9112e498")
        let issued = try await entries("5c43ab6dcaa94f588b5bac90f1a532b5")
        if !(circular.count == 1 && acknowledgeDue.count == 1 && chased.count == 1) {
            // What the daemon said and fired, for the failure's message.
            let log = (try? String(contentsOf: d.dir.url.appendingPathComponent("duband.log"), encoding: .utf8)) ?? ""
            let problems = log.split(separator: "\n").filter { $0.contains("失败") || $0.contains("error") }.prefix(20)
            let db = d.dir.url.appendingPathComponent("state/duban.sqlite").path
            let events = try? ProcessRunner.run(
                "/usr/bin/sqlite3",
                [db, "SELECT key, datetime(fired_at/1000,'unixepoch','+8 hours') FROM event WHERE key LIKE '%kangle%' OR rowid < 5 ORDER BY fired_at LIMIT 40"])
            Issue.record("acknowledge \(acknowledgeDue.count), chase \(chased.count), circular \(circular.count); log: \(problems.joined(separator: "\n")); events: \(events?.stdout ?? "")")
        }
        let number = try #require(issued.first?["DUBAN_NOTICE_NUMBER"])
        #expect(number.hasPrefix("临教督〔2026〕") && number.hasSuffix("号"), "\(number)")

        // Today as duband sees it; the oracle's figures for it.
        let status = try Self.object(try await d.get(nil, "/v1/status").body)
        let nowText = try #require(status["now"] as? String)
        let now = try #require(ISO8601DateFormatter().date(from: nowText), "\(nowText)")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        let today = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        let planFile = d.dir.url.appendingPathComponent("plans/drill.yaml").path
        let expected = try Self.expected(planFile: planFile, closedOn: dates[8], extension: 5, today: today)
        let leadExpected = try #require(expected["lead"] as? [String: Any])
        let ignoredExpected = try #require(expected["ignored"] as? [String: Any])

        // The ladder's days: 催办, the 督办单 (each before today: today's may still be ahead of the 07:00 sweep), 通报.
        #expect(chased.first?["DUBAN_DAYS"] != nil)
        let notices = try Self.object(try await d.get(nil, "/v1/notices?occurrence=" + Self.ignored).body)
        let issuedList = try #require(notices["notices"] as? [[String: Any]])
        let expectedNotices = (ignoredExpected["notices"] as? [String] ?? []).filter { $0 < today }
        #expect(issuedList.compactMap { $0["issued_on"] as? String }.filter { $0 < today }.sorted() == expectedNotices)
        let first = try #require(issuedList.last)
        #expect(first["number"] as? String == number)
        #expect(first["reply_by"] as? String == ignoredExpected["reply_by"] as? String)
        #expect(first["working_days_overdue"] as? Int == ignoredExpected["overdue_on_first_notice"] as? Int)
        #expect(first["limit"] as? String == "acknowledgement")
        #expect(first["org"] as? String == "kangle")
        let copyTo = try #require(first["copy_to"] as? String, "copied to the parent unit")
        // The document as an official files it, readable by the county and not by another one.
        let encoded = number.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? number
        let html = try await d.get(Users.otherOfficer, "/v1/notices/\(encoded)?format=html")
        #expect(html.status == 200 && html.body.contains(number) && html.body.contains(copyTo), "\(html.status)")
        #expect(try await d.get(Users.officer, "/v1/notices/\(encoded)").status == 403)
        // The circular event's day is the oracle's.
        let circularDay = try #require(ignoredExpected["circular"] as? String)
        #expect(circularDay < today || circularDay == today)

        // The ledger: every step's day, the extended due date, the lights.
        let ledger = try Self.object(try await d.get(nil, "/v1/ledger?plan=drill").body)
        let rows = try #require(ledger["items"] as? [[String: Any]])
        func row(_ org: String) throws -> [String: Any] {
            try #require(rows.first { ($0["occurrence"] as? [String: Any])?["org"] as? String == org })
        }
        let a = try row("dongxiang")
        #expect(a["assigned"] as? String == expected["assigned"] as? String)
        #expect(a["acknowledged"] as? String == dates[0])
        #expect(a["feedback"] as? [String] == [dates[1], dates[2]])
        #expect(a["extension_requests"] as? [String] == ["\(dates[3]) +5"])
        // Steps are dated in the site's zone: the clock starts at 00:10 Beijing time, still the day before in UTC.
        let assigned = try #require(expected["assigned"] as? String)
        #expect(dates.allSatisfy { $0 >= assigned }, "\(dates)")
        #expect(a["submitted"] as? [String] == [dates[5], dates[7]])
        #expect(a["returned"] as? [String] == [dates[6]])
        #expect(a["closed"] as? String == dates[8])
        #expect(a["struck_off"] as? String == dates[9])
        #expect(a["original_due"] as? String == leadExpected["original_due"] as? String)
        #expect(a["on_time"] as? Bool == leadExpected["closed_on_time"] as? Bool)
        let aOccurrence = try #require(a["occurrence"] as? [String: Any])
        #expect(aOccurrence["due"] as? String == leadExpected["due"] as? String, "the extension on the calendar")
        #expect(aOccurrence["light"] as? String == leadExpected["light"] as? String)
        let b = try row("kangle")
        #expect(b["acknowledged"] is NSNull || b["acknowledged"] == nil)
        let bOccurrence = try #require(b["occurrence"] as? [String: Any])
        #expect(bOccurrence["light"] as? String == ignoredExpected["light"] as? String)
        #expect(bOccurrence["light_reason"] as? String == "not_acknowledged")
        #expect(bOccurrence["acknowledge_by"] as? String == expected["acknowledge_by"] as? String)

        // The month's circular: the ignored county named by the ladder, its figures item by item.
        let period = try #require(ignoredExpected["period"] as? String)
        let report = try Self.object(try await d.get(nil, "/v1/report?period=\(period)&plan=drill").body)
        let units = try #require(report["units"] as? [[String: Any]])
        let kangle = try #require(units.first { $0["org"] as? String == "kangle" })
        #expect(kangle["due"] as? [String] == [Self.ignoredID])
        #expect(kangle["escalated"] as? [String] == [Self.ignoredID])
        #expect((kangle["unacknowledged"] as? [String] ?? []).isEmpty == !(ignoredExpected["unacknowledged"] as? Bool ?? false))
        #expect((kangle["overdue"] as? [String] ?? []).isEmpty == !(ignoredExpected["overdue"] as? Bool ?? true))
        #expect(kangle["on_time_rate"] as? String == "0.0%")
        #expect((report["bottom"] as? [String] ?? []).contains("kangle"))
        #expect((report["text_zh"] as? String ?? "").contains("升级通报"))
        // The lead county's item counts in the month its extended due date falls in, closed on time.
        let leadPeriod = try #require(leadExpected["period"] as? String)
        let later = try Self.object(try await d.get(nil, "/v1/report?period=\(leadPeriod)&plan=drill").body)
        let dongxiang = try #require(
            (later["units"] as? [[String: Any]])?.first { $0["org"] as? String == "dongxiang" })
        #expect(dongxiang["closed_on_time"] as? [String] == ["drill/safety-report/dongxiang/once"])
        #expect(dongxiang["on_time_rate"] as? String == "100.0%")
    }
}
