import DubanCalendar
import DubanCore
import DubanNotify
import DubanPlanFiles
import DubanTesting
import Foundation
import Testing

/// `notifications:` in duban.yaml, and template override files.
@Suite struct NotificationConfigTests {
    @Test func defaultsWhenAbsent() throws {
        let c = try #require(ConfigFile.parse("plans: p", file: "/etc/duban/duban.yaml").0)
        #expect(c.notifications == NotificationPolicy())
        #expect(c.notifications.digestTime == TimeOfDay(hour: 8, minute: 30))
        #expect(c.notifications.immediate == [.critical] && c.notifications.escalateAfter == 2)
        #expect(c.notifications.defaultRoute.to == [.unit])
    }

    @Test func routesAndSettingsAreRead() throws {
        let text = """
            notifications:
              digest_time: "16:00"
              immediate: [critical, warning]
              escalate_after: 1
              templates: tpl
              default: {to: [unit, parent]}
              routes:
                - match: {plan: p1, org: [linxia], kind: [overdue, due], task_kind: quota, tag: [网络], severity: warning}
                  to: [org:linxia-av, Inspector@Example.org]
                  via: [email]
            """
        let (config, diagnostics) = ConfigFile.parse(text, file: "/etc/duban/duban.yaml")
        let c = try #require(config, "\(diagnostics)")
        let n = c.notifications
        #expect(n.digestTime == TimeOfDay(hour: 16, minute: 0))
        #expect(n.immediate == [.critical, .warning] && n.escalateAfter == 1)
        #expect(n.templateDirectory == "/etc/duban/tpl")
        #expect(n.defaultRoute.to == [.unit, .parent])
        let route = try #require(n.routes.first)
        #expect(route.plans == ["p1"] && route.orgs == ["linxia"] && route.kinds == [.overdue, .due])
        #expect(route.taskKinds == ["quota"] && route.tags == ["网络"] && route.minimumSeverity == .warning)
        #expect(route.to == [.org("linxia-av"), .email("Inspector@Example.org")] && route.via == ["email"])
        #expect(route.location == "/etc/duban/duban.yaml:8:7")
    }

    @Test(arguments: [
        ("notifications: {digest_time: '8点半'}", 1, 30, "digest_time"),
        ("notifications: {immediate: [urgent]}", 1, 29, "urgent"),
        ("notifications:\n  routes:\n    - to: [boss]", 3, 12, "boss"),
        ("notifications:\n  routes:\n    - match: {kind: [late]}\n      to: [unit]", 3, 22, "late"),
        ("notifications:\n  routes:\n    - match: {task_kind: [chore]}\n      to: [unit]", 3, 27, "chore"),
        ("notifications:\n  routes:\n    - match: {orgs: [a]}\n      to: [unit]", 3, 15, "orgs"),
        ("notifications:\n  escalate_after: -1", 2, 19, "escalate_after"),
        ("notifications:\n  routes:\n    - match: {plan: p}", 3, 7, "to"),
    ])
    func badValuesAreReportedWithTheirPlace(text: String, line: Int, column: Int, mention: String) {
        let (config, diagnostics) = ConfigFile.parse(text, file: "d.yaml")
        #expect(config == nil)
        let first = diagnostics.first
        #expect(
            first?.location.line == line && first?.location.column == column,
            "AT \(first?.location.line ?? 0):\(first?.location.column ?? 0)"
        )
        #expect(first.map { $0.formatted(.en).contains(mention) } == true, "\(diagnostics.map { $0.formatted(.en) })")
    }

    @Test func templateOverridesAreLoadedAndBadFilesReported() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        try dir.write("tpl/digest-subject.zh-Hans.mustache", "[县局]{{summary}}")
        try dir.write("tpl/subject.en.mustache", "{{title}}\n{{no_such_field}}")
        try dir.write("tpl/body.fr.mustache", "bonjour")
        try dir.write("tpl/notes.txt", "ignored: not a template")
        let (templates, diagnostics) = NotificationTemplatesFile.load(dir.url.appendingPathComponent("tpl").path)
        let lines = diagnostics.map { $0.formatted(.en) }.sorted()
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.contains("body.fr.mustache:1:1") && $0.contains("NAME.LANG.mustache") }, "\(lines)")
        #expect(lines.contains { $0.contains("subject.en.mustache:2:1") && $0.contains("no_such_field") }, "\(lines)")
        let items = [
            NoticeItem(
                key: "a",
                kind: .reminder,
                severity: .info,
                at: Date(),
                title: "甲",
                due: CivilDate(year: 2023, month: 3, day: 6)
            ),
            NoticeItem(
                key: "b",
                kind: .due,
                severity: .warning,
                at: Date(),
                title: "乙",
                due: CivilDate(year: 2023, month: 3, day: 1)
            ),
        ]
        let composer = DigestComposer(
            templates: templates,
            calendar: WorkingDayCalendar(years: CalendarLoader.bundledYears())
        )
        #expect(
            composer.compose(items, receiverName: "x", day: CivilDate(year: 2023, month: 3, day: 1)!).subject.zh
                == "[县局]1项即将到期、1项今日到期"
        )
        let missing = NotificationTemplatesFile.load(dir.url.appendingPathComponent("nope").path).1
        #expect(missing.first?.code == "missing-directory")
    }
}
