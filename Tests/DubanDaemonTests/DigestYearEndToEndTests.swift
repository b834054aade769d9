import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanTesting
import Foundation
import Testing

/// A whole year (2023) of the bundled examples through the real `duband` on a scaled clock (two simulated days per
/// real second), the real `duban-email` plugin, a real msmtp and a real SMTP server on loopback, with a SIGTERM and
/// a restart in the middle. The digest set that arrives is compared with one computed here, independently of the
/// scheduler and the notification modules, from the plans, the org directory and the calendar:
///
/// - events: a reminder at each lead time (working days before the due day), the due day, overdue notices every
///   5 working days after it (3 of them), none before the occurrence's window opens; each at office start (08:30);
/// - receivers: the assigned unit's contacts; an overdue notice after the 2nd (`escalate_after: 2`) also goes to the
///   parent unit, and is critical, so it travels alone and at once;
/// - digests: one message per receiver per working day at 08:30 with every other notice of that day.
@Suite(.serialized, .enabled(if: try Requirement.met(SMTPSink.unavailableReason)))
struct DigestYearEndToEndTests {
    static let start = "2023-01-01T00:00:00+08:00"
    static let speed = 172_800.0

    struct Expected: Hashable, Comparable, CustomStringConvertible {
        var receiver: String
        var day: CivilDate
        var keys: [String]
        var description: String { "\(receiver) \(day) \(keys.joined(separator: ","))" }
        static func < (a: Expected, b: Expected) -> Bool { a.description < b.description }
    }

    /// The digests the year should produce, computed from the examples without DubanScheduler or DubanNotify.
    static func expectedDigests(through end: Date) throws -> (digests: [Expected], emails: [String: [String]]) {
        let examples = Fixtures.examples
        let sources = try PlanSources.resolve(
            paths: [examples.appendingPathComponent("plans").path],
            org: examples.appendingPathComponent("org.yaml").path,
            schoolDirectory: examples.appendingPathComponent("school-calendars").path
        )
        let settings = SiteSettings()
        let set = try PlanSetLoader.load(sources, settings: settings)
        let calendar = WorkingDayCalendar(years: CalendarLoader.bundledYears())
        let schedule = Schedule(
            plans: set.plans,
            directory: set.directory,
            calendar: calendar,
            settings: settings,
            schoolCalendars: set.schoolCalendars
        )
        let floor = ISO8601DateFormatter().date(from: start)!.addingTimeInterval(-86_400)
        var emails: [String: [String]] = [:]
        for unit in set.directory.units {
            let addresses = unit.contacts.compactMap(\.email)
            if !addresses.isEmpty { emails["org:" + unit.id] = addresses.map { $0.lowercased() }.sorted() }
        }
        var digests: [String: Set<String>] = [:]  // "receiver|day" → keys
        var singles: [Expected] = []
        func nextWorkingDay(atOrAfter day: CivilDate) -> CivilDate {
            var d = day
            while !calendar.isWorkingDay(d) { d = d.adding(days: 1) }
            return d
        }
        for occurrence in schedule.expand(from: .startOfYear(2000), through: .endOfYear(2026)) {
            let id = schedule.id(of: occurrence)
            let task = schedule.task(of: occurrence)
            let unit = schedule.unit(of: occurrence)
            let due = occurrence.due
            var events: [(CivilDate, String)] = []
            for lead in Set(task.reminders.filter { $0 > 0 }) {
                events.append((calendar.adding(workingDays: -lead, to: due), "reminder-\(lead)"))
            }
            events.append((due, "due"))
            for k in 1...3 { events.append((calendar.adding(workingDays: 5 * k, to: due), "overdue-\(k)")) }
            for (day, suffix) in events where day >= occurrence.start {
                let instant = settings.instant(day, at: settings.officeStart)
                guard instant >= floor, instant <= end else { continue }
                let key = id + "#" + suffix
                if suffix == "overdue-3" {
                    // Escalated: critical, alone and at once, to the unit and to its parent.
                    for receiver in ["org:" + unit.id] + (unit.parent.map { ["org:" + $0] } ?? [])
                    where emails[receiver] != nil {
                        singles.append(Expected(receiver: receiver, day: day, keys: [key]))
                    }
                } else if emails["org:" + unit.id] != nil {
                    digests["org:\(unit.id)|\(nextWorkingDay(atOrAfter: day))", default: []].insert(key)
                }
            }
        }
        // The daily check at 07:00: a quota occurrence with nothing achieved is behind pace once more than a tenth of
        // its window's working days have passed (the default tolerance); one notice a month per occurrence, in that
        // day's digest (or the next working day's).
        let sweepTime = TimeOfDay(hour: 7, minute: 0)
        let firstSweep = CivilDate(year: 2023, month: 1, day: 1)!
        for (index, scheduled) in schedule.tasks.enumerated() {
            guard scheduled.task.kind == .quota, let quota = scheduled.task.quota?.count, quota > 0 else { continue }
            for occurrence in schedule.occurrences(ofTask: index, from: firstSweep, through: .endOfYear(2026)) {
                let unit = schedule.unit(of: occurrence)
                guard emails["org:" + unit.id] != nil else { continue }
                let id = schedule.id(of: occurrence)
                let total = calendar.workingDays(from: occurrence.start, through: occurrence.due)
                var months = Set<String>()
                var day = max(occurrence.start, firstSweep)
                while day <= occurrence.due, settings.instant(day, at: sweepTime) <= end {
                    let elapsed = min(total, calendar.workingDays(from: occurrence.start, through: day))
                    let month = String(day.description.prefix(7))
                    if total > 0, elapsed > 0, quota * Double(elapsed) / Double(total) > 0.1 * quota,
                        months.insert(month).inserted
                    {
                        digests["org:\(unit.id)|\(nextWorkingDay(atOrAfter: day))", default: []].insert(
                            id + "#behind-" + month
                        )
                    }
                    day = day.adding(days: 1)
                }
            }
        }
        var all = singles
        for (group, keys) in digests {
            let parts = group.split(separator: "|")
            all.append(Expected(receiver: String(parts[0]), day: CivilDate(iso: parts[1])!, keys: keys.sorted()))
        }
        // What falls into a digest after the run's end (2 January) is not expected.
        let lastDay = settings.civilDate(of: end)
        return (all.filter { $0.day <= lastDay }.sorted(), emails)
    }

    /// The scaled clock's now, from `dubanctl status`.
    static func daemonNow(socket: String) async throws -> Date? {
        let run = try await offload {
            try ProcessRunner.run(BinaryRunner.path(of: "dubanctl"), ["status", "--socket", socket, "--json"])
        }
        guard run.status == 0,
            let body = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
            let now = body["now"] as? String
        else { return nil }
        return ISO8601DateFormatter().date(from: now)
    }

    static func waitUntil(socket: String, passes instant: Date, timeout: Duration) async throws -> Date? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let now = try await daemonNow(socket: socket), now >= instant { return now }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    @Test(.timeLimit(.minutes(12))) func aYearOfDigestsArrivesExactlyOnceAcrossARestart() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let sink = try SMTPSink(directory: dir.url.appendingPathComponent("smtp"))
        defer { sink.stop() }
        try await sink.start()
        let fm = FileManager.default
        for item in ["org.yaml", "plans", "school-calendars"] {
            try fm.copyItem(
                atPath: Fixtures.examples.appendingPathComponent(item).path,
                toPath: dir.url.appendingPathComponent(item).path
            )
        }
        try dir.write(
            "plugins.d/email.yaml",
            """
            executable: \(BinaryRunner.path(of: "duban-email"))
            capabilities: [notifier]
            timeout: 30s
            batch_size: 50
            settings:
              from: 督办系统 <duban@jyj.example.org>
              sendmail: "\(sink.msmtpCommand.replacingOccurrences(of: "\"", with: "\\\""))"
              languages: [zh-Hans, en]
            """
        )
        try dir.write(
            "duban.yaml",
            """
            plans: plans
            org: org.yaml
            school_calendars: school-calendars
            calendar_dir: []
            state_dir: state
            socket: control.sock
            plugin_dir: plugins.d
            reminders: {lead_days: [10, 3], overdue_every: 5, overdue_repeats: 3}
            notifications:
              digest_time: "08:30"
              escalate_after: 2
            """
        )
        let socket = dir.url.appendingPathComponent("control.sock").path
        func launch(at start: String, log: String, speed: Double = Self.speed) throws -> DaemonProcess {
            try DaemonProcess(
                executable: BinaryRunner.path(of: "duband"),
                arguments: [
                    "--config", dir.url.appendingPathComponent("duban.yaml").path,
                    "--clock-start", start, "--clock-speed", "\(Int(speed))",
                ],
                // Logs to the file rather than the shared test journald, which a year of notices would flood.
                environment: ["DUBAN_LOG": "stderr"],
                logPath: dir.url.appendingPathComponent(log).path
            )
        }
        let iso = ISO8601DateFormatter()
        iso.timeZone = TimeZone(identifier: "Asia/Shanghai")
        iso.formatOptions = [.withInternetDateTime]

        // First half: to 1 July, then SIGTERM.
        var daemon = try launch(at: Self.start, log: "duband-1.log")
        #expect(await connectOnce(toUnixSocket: socket, timeout: .seconds(60)), "no socket; log:\n\(daemon.output)")
        let middle = iso.date(from: "2023-07-01T00:00:00+08:00")!
        let stoppedAt = try await Self.waitUntil(socket: socket, passes: middle, timeout: .seconds(240))
        let stopped = try #require(stoppedAt, "the clock never reached July; log:\n\(daemon.output)")
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(20)) == 0, "log:\n\(daemon.output)")
        let firstHalf = sink.messages().count
        #expect(firstHalf > 50, "only \(firstHalf) messages by July")

        // Second half: from where it stopped, to the year-end holiday (nothing falls between 29 December 08:30 and
        // 2 January 08:30).
        daemon = try launch(at: iso.string(from: stopped), log: "duband-2.log")
        defer { daemon.stop() }
        #expect(await connectOnce(toUnixSocket: socket, timeout: .seconds(60)), "no socket; log:\n\(daemon.output)")
        let end = iso.date(from: "2023-12-30T12:00:00+08:00")!
        let reached = try await Self.waitUntil(socket: socket, passes: end, timeout: .seconds(300))
        #expect(reached != nil, "the clock never reached the year's end; log:\n\(daemon.output)")
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(20)) == 0, "log:\n\(daemon.output)")
        // A third start at real speed from the 30th sends what the outbox still holds; nothing new falls due.
        daemon = try launch(at: iso.string(from: end), log: "duband-3.log", speed: 1)
        #expect(await connectOnce(toUnixSocket: socket, timeout: .seconds(60)), "no socket; log:\n\(daemon.output)")
        let (expected, emails) = try Self.expectedDigests(through: end)
        _ = await sink.waitForMessages(expected.count, timeout: .seconds(120))
        try await Task.sleep(for: .seconds(2))
        let received = sink.messages()

        // Exactly the expected set: the same (receiver, day, notices) tuples, each once, under distinct Message-IDs.
        var got: [Expected] = []
        var problems: [String] = []
        for message in received {
            // X-Duban-Event: digest/email/org:UNIT/YYYY-MM-DD/N
            let parts = message.event.split(separator: "/")
            guard parts.count == 5, parts[0] == "digest", let day = CivilDate(iso: parts[3]) else {
                problems.append("unexpected event header \(message.event)")
                continue
            }
            let receiver = String(parts[2])
            got.append(Expected(receiver: receiver, day: day, keys: message.events.sorted()))
            if message.rcpt_tos.map({ $0.lowercased() }).sorted() != emails[receiver] ?? [] {
                problems.append("\(message.event) went to \(message.rcpt_tos), not \(emails[receiver] ?? [])")
            }
            if message.events.count > 1, !message.subject.hasPrefix("【督办提醒】") {
                problems.append("digest subject \(message.subject)")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let repeated = Dictionary(grouping: received, by: \.message_id).filter { $0.value.count > 1 }.map {
            $0.value[0].event
        }
        #expect(repeated.isEmpty, "\(repeated.count) Message-IDs arrived twice: \(repeated.sorted().prefix(20))")
        got.sort()
        let missing = Set(expected).subtracting(got).sorted()
        let extra = Set(got).subtracting(expected).sorted()
        got = Array(Set(got)).sorted()
        #expect(got.count == expected.count, "got \(got.count) messages, expected \(expected.count)")
        #expect(missing.isEmpty, "missing \(missing.count): \(missing.prefix(5))")
        #expect(extra.isEmpty, "unexpected \(extra.count): \(extra.prefix(5))")
        #expect(got == expected)

        // None on a weekend or holiday; escalations only at the third overdue notice, to the parent as well.
        let calendar = WorkingDayCalendar(years: CalendarLoader.bundledYears())
        #expect(
            got.allSatisfy { calendar.isWorkingDay($0.day) },
            "\(got.filter { !calendar.isWorkingDay($0.day) }.prefix(3))"
        )
        let escalations = got.filter { $0.keys.count == 1 && $0.keys[0].hasSuffix("#overdue-3") }
        #expect(!escalations.isEmpty)
        let toParents = escalations.filter { !$0.keys[0].contains("/\($0.receiver.dropFirst(4))/") }
        #expect(!toParents.isEmpty, "no escalation reached a parent unit")
        #expect(
            got.allSatisfy { digest in
                digest.keys.allSatisfy {
                    $0.contains("/\(digest.receiver.dropFirst(4))/") || $0.hasSuffix("#overdue-3")
                }
            },
            "a notice other than an escalation reached another unit"
        )
        #expect(got.contains { $0.keys.contains { $0.contains("#behind-") } }, "no quota was reported behind pace")
        // The restart lost and repeated nothing: messages arrived on both sides of it, and the set is exact.
        #expect(received.count > firstHalf)

        // A digest reads as one: its subject is the summary line and its body lists the items in order.
        if let digest = received.first(where: { $0.events.count >= 3 }) {
            let zh = (digest.parts["zh-Hans"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            #expect(zh.contains("督办事项共\(digest.events.count)项"), "\(zh)")
            #expect(digest.subject.range(of: #"^【督办提醒】\d+项"#, options: .regularExpression) != nil, "\(digest.subject)")
        }
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(20)) == 0)
    }
}
