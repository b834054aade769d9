import DubanCalendar
import DubanCore
import DubanPlanFiles
import Testing

/// What bureaus sort by: 来源, 紧急程度, 牵头单位 and 协办单位, 责任人 (docs/plan-format.md).
@Suite struct SupervisionFieldsTests {
    static func plan(_ task: String, top: String = "") -> String {
        """
        id: p1
        title: 测试计划
        \(top)
        tasks:
          - id: t1
            title: 完成网络升级
            kind: deadline
            due: 2026-12-30
        \(task.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        """
    }

    @Test("a lead with co-units, a responsible contact, an origin and an urgency")
    func allFields() throws {
        let text = Self.plan("lead: pref\nco_units: [county-a, county-b]\nresponsible: 信息化办公室\norigin: 领导批示\nurgency: 特急")
        let set = try load(["p1.yaml": text]).get()
        let task = try #require(set.plans.first?.tasks.first)
        #expect(task.lead == "pref" && task.assignees == ["pref"], "the lead is the one unit the occurrence is for")
        #expect(task.coUnits == ["county-a", "county-b"])
        #expect(task.responsible == "信息化办公室")
        #expect(task.origin == "领导批示")
        #expect(task.urgency == .extraUrgent)
        #expect(set.warnings.isEmpty, "\(set.warnings)")
    }

    @Test("plan-level origin and urgency are the tasks' defaults; English urgency names work")
    func defaults() throws {
        let text = Self.plan("assignees: [counties]\nurgency: urgent", top: "origin: 会议议定\nurgency: 急办")
        let task = try #require(try load(["p1.yaml": text]).get().plans.first?.tasks.first)
        #expect(task.origin == "会议议定" && task.urgency == .urgent && task.lead == nil && task.coUnits.isEmpty)
        let plain = try #require(try load(["p1.yaml": Self.plan("assignees: [counties]")]).get().plans.first?.tasks.first)
        #expect(plain.origin == nil && plain.urgency == nil, "一般 when unsaid")
    }

    @Test("mistakes get file:line:column errors", arguments: [
        ("lead: pref\nassignees: [county-a]", "lead-and-assignees"),
        ("assignees: [county-a]\nco_units: [county-b]", "co-units-without-lead"),
        ("lead: county-a\nco_units: [county-a]", "lead-in-co-units"),
        ("lead: pref\nco_units: [county-z]", "dangling-reference"),
        ("lead: nowhere", "dangling-reference"),
        ("assignees: [pref]\norigin: 小道消息", "bad-value"),
        ("assignees: [pref]\nurgency: 很急", "bad-value"),
    ])
    func errors(task: String, code: String) throws {
        let result = try load(["p1.yaml": Self.plan(task)])
        guard case .failure(let error) = result else {
            Issue.record("loaded: \(task)")
            return
        }
        let found = try #require(error.diagnostics.first { $0.code == code }, "\(error.diagnostics)")
        #expect(found.location.line > 0 && found.location.column > 0, "\(found)")
        #expect(found.location.file.hasSuffix("p1.yaml"))
    }

    @Test("a responsible person who is not a contact of the lead unit is a warning")
    func unknownContact() throws {
        let set = try load(["p1.yaml": Self.plan("lead: pref\nresponsible: 李四")]).get()
        let warning = try #require(set.warnings.first { $0.code == "unknown-contact" })
        #expect(warning.message.zh.contains("李四") && warning.location.line > 0)
    }

    @Test("the configuration may name its own origins")
    func configuredOrigins() throws {
        let (config, diagnostics) = ConfigFile.parse("plans: plans\norigins: [书记批示, 局务会]\n", file: "duban.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config?.site.origins == ["书记批示", "局务会"])
        let (_, bad) = ConfigFile.parse("plans: plans\norigins: []\n", file: "duban.yaml")
        #expect(bad.contains { $0.code == "bad-value" })
    }
}

/// `roles:` in the configuration: Unix users and groups → officer, leader (of a unit), supervisor, admin.
@Suite struct RoleGrantConfigTests {
    @Test("users and groups get roles; the same person may hold several")
    func grants() throws {
        let text = """
            roles:
              - {user: zhang, role: officer, unit: kangle}
              - {group: kangle-leaders, role: leader, unit: kangle}
              - {group: duban-supervisors, role: supervisor}
              - {user: root-admin, role: admin}
            """
        let (config, diagnostics) = ConfigFile.parse(text, file: "duban.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let grants = try #require(config?.roles)
        #expect(grants.count == 4)
        #expect(grants[0].location == "duban.yaml:2:5", "\(grants[0].location)")
        #expect(RoleGrant.roles(of: "zhang", groups: ["kangle-leaders"], in: grants) == [.officer(unit: "kangle"), .leader(unit: "kangle")])
        #expect(RoleGrant.roles(of: "li", groups: ["duban-supervisors"], in: grants) == [.supervisor])
        #expect(RoleGrant.roles(of: "li", groups: [], in: grants).isEmpty)
        #expect(RoleGrant.roles(of: "root-admin", groups: [], in: grants) == [.admin])
    }

    @Test("a role without its holder, an officer without a unit, a supervisor with one: errors with their place",
        arguments: [
            "roles:\n  - {role: officer, unit: kangle}",
            "roles:\n  - {user: a, group: b, role: officer, unit: kangle}",
            "roles:\n  - {user: a, role: officer}",
            "roles:\n  - {user: a, role: supervisor, unit: kangle}",
            "roles:\n  - {user: a, role: boss}",
            "roles:\n  - {user: a, role: admin, extra: 1}",
        ])
    func errors(text: String) {
        let (config, diagnostics) = ConfigFile.parse(text, file: "duban.yaml")
        #expect(config == nil)
        #expect(diagnostics.contains { $0.severity == .error && $0.location.line == 2 }, "\(diagnostics)")
    }
}
