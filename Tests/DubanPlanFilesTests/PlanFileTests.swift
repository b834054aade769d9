import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanTesting
import Foundation
import Testing

/// A small org directory used by the plan-file tests.
let testOrg = """
    units:
      - id: pref
        name: 州教育局
        kind: prefecture
        contacts:
          - name: 信息化办公室
            email: xxb@example.org
      - id: county-a
        name: 甲县教育局
        kind: county
        parent: pref
      - id: county-b
        name: 乙县教育局
        kind: county
        parent: pref
    groups:
      - id: counties
        name: 各县市教育局
        children_of: pref
        kind: county
    """

/// Loads `plans` (file name → text) with `testOrg` and returns the set or the diagnostics.
func load(_ plans: [String: String], org: String = testOrg) throws -> Result<PlanSet, DiagnosticsError> {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let orgPath = try dir.write("org.yaml", org)
    var paths: [String] = []
    for (name, text) in plans.sorted(by: { $0.key < $1.key }) { paths.append(try dir.write(name, text)) }
    do {
        return .success(try PlanSetLoader.load(PlanSources(planFiles: paths, orgFile: orgPath)))
    } catch {
        return .failure(error)
    }
}

@Suite struct PlanFileTests {
    @Test func minimalPlanLoads() throws {
        let text = """
            id: p1
            title: 测试计划
            tasks:
              - id: t1
                title: 建立县级资源库
                kind: deadline
                assignees: [counties]
                due: 2022-12-30
            """
        let set = try load(["p1.yaml": text]).get()
        #expect(set.plans.count == 1)
        let task = try #require(set.plans.first?.tasks.first)
        #expect(task.due?.interpretation.due == CivilDate(year: 2022, month: 12, day: 30))
        #expect(task.reminders == [10, 3])
        #expect(task.roll == .next)
        #expect(set.directory.resolve("counties") == ["county-a", "county-b"])
    }

    @Test func planDefaultsApplyToTasks() throws {
        let text = """
            id: p1
            title: 测试计划
            assignees: [pref]
            reminders: [5, 1, 10]
            roll: previous
            tags: [信息化]
            tasks:
              - id: t1
                title: 任务
                kind: deadline
                due: 2022-12-30
                tags: [网络]
            """
        let task = try #require(try load(["p1.yaml": text]).get().plans.first?.tasks.first)
        #expect(task.assignees == ["pref"])
        #expect(task.reminders == [10, 5, 1])
        #expect(task.roll == .previous)
        #expect(task.tags == ["信息化", "网络"])
    }

    /// One bad input: the file text, the expected diagnostic code, and where it must point.
    struct BadInput: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var code: String
        var line: Int
        var column: Int
        var testDescription: String { name }

        init(name: String, text: String, code: String, line: Int, column: Int) {
            (self.name, self.text, self.code, self.line, self.column) = (name, text, code, line, column)
        }

        /// The error must point at the `occurrence`-th appearance of `needle` in the text.
        init(name: String, text: String, code: String, at needle: String, occurrence: Int = 1) {
            let (line, column) = position(of: needle, in: text, occurrence: occurrence)
            self.init(name: name, text: text, code: code, line: line, column: column)
        }
    }

    static let header = "id: p1\ntitle: 测试计划\ntasks:\n"

    static let badInputs: [BadInput] = [
        BadInput(
            name: "YAML syntax error",
            text: header + "  - id: t1\n    title: [unclosed\n",
            code: "yaml-syntax",
            line: 6,
            column: 1
        ),
        BadInput(
            name: "unknown top-level key",
            text:
                "id: p1\ntitel: 测试\ntitle: 测试\ntasks:\n  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 2022-01-04}\n",
            code: "unknown-key",
            at: "titel"
        ),
        BadInput(
            name: "unknown task key",
            text: header
                + "  - id: t1\n    title: x\n    kind: deadline\n    assignees: [pref]\n    due: 2022-01-04\n    deu: 2022-01-05\n",
            code: "unknown-key",
            at: "deu"
        ),
        BadInput(
            name: "reminders of the wrong type",
            text: header
                + "  - id: t1\n    title: x\n    kind: deadline\n    assignees: [pref]\n    due: 2022-01-04\n    reminders: [ten]\n",
            code: "wrong-type",
            at: "ten"
        ),
        BadInput(
            name: "missing title",
            text: header + "  - id: t1\n    kind: deadline\n    assignees: [pref]\n    due: 2022-01-04\n",
            code: "missing-key",
            at: "id: t1"
        ),
        BadInput(
            name: "duplicate task id",
            text: header
                + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 2022-01-04}\n  - {id: t1, title: y, kind: deadline, assignees: [pref], due: 2022-01-05}\n",
            code: "duplicate-id",
            at: "t1",
            occurrence: 2
        ),
        BadInput(
            name: "duplicate key in a mapping",
            text: header
                + "  - id: t1\n    title: x\n    title: y\n    kind: deadline\n    assignees: [pref]\n    due: 2022-01-04\n",
            code: "duplicate-key",
            at: "title: x"
        ),
        BadInput(
            name: "impossible ISO date",
            text: header + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 2023-02-29}\n",
            code: "bad-date",
            at: "2023-02-29"
        ),
        BadInput(
            name: "unknown kind",
            text: header + "  - {id: t1, title: x, kind: someday, assignees: [pref], due: 2022-01-04}\n",
            code: "bad-value",
            at: "someday"
        ),
        BadInput(
            name: "deadline without due",
            text: header + "  - {id: t1, title: x, kind: deadline, assignees: [pref]}\n",
            code: "missing-key",
            at: "{id: t1"
        ),
        BadInput(
            name: "negative quota",
            text: header
                + "  - id: t1\n    title: x\n    kind: quota\n    assignees: [pref]\n    due: 2022—2025年\n    quota: {count: -5, unit: 名}\n",
            code: "out-of-range",
            at: "-5"
        ),
        BadInput(
            name: "quota fields on a deadline",
            text: header
                + "  - id: t1\n    title: x\n    kind: deadline\n    assignees: [pref]\n    due: 2022-01-04\n    quota: {count: 5, unit: 名}\n",
            code: "wrong-kind-key",
            at: "quota"
        ),
        BadInput(
            name: "window that ends before it starts",
            text: header
                + "  - id: t1\n    title: x\n    kind: deadline\n    assignees: [pref]\n    due: 2022-01-04\n    window: {start: 2022-05-01, end: 2022-01-01}\n",
            code: "bad-window",
            at: "{start"
        ),
        BadInput(
            name: "unreadable expression",
            text: header + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 尽快完成}\n",
            code: "bad-expression",
            at: "尽快完成"
        ),
        BadInput(
            name: "impossible date in an expression",
            text: header + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 2023年2月30日}\n",
            code: "bad-expression",
            at: "2023年2月30日"
        ),
        BadInput(
            name: "id with spaces",
            text: header + "  - {id: build repo, title: x, kind: deadline, assignees: [pref], due: 2022-01-04}\n",
            code: "bad-id",
            at: "build repo"
        ),
        BadInput(name: "tasks as a mapping", text: header + "  t1: {title: x}\n", code: "wrong-type", at: "t1:"),
        BadInput(
            name: "reminder lead time out of range",
            text: header
                + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 2022-01-04, reminders: [300]}\n",
            code: "out-of-range",
            at: "300"
        ),
        BadInput(
            name: "recurring without recurrence",
            text: header + "  - {id: t1, title: x, kind: recurring, assignees: [pref], due: 2022-12-31}\n",
            code: "missing-key",
            at: "{id: t1"
        ),
        BadInput(
            name: "ongoing expression on a deadline",
            text: header + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 长期坚持}\n",
            code: "no-due-date",
            at: "长期坚持"
        ),
    ]

    @Test(arguments: badInputs)
    func badInputIsReportedWithItsLocation(_ input: BadInput) throws {
        let (plan, diagnostics) = PlanFile.parse(input.text, file: "bad.yaml")
        #expect(plan == nil, "a plan with errors must not load")
        let first = try #require(diagnostics.first { $0.severity == .error }, "no error reported")
        #expect(first.code == input.code, "\(diagnostics)")
        #expect(first.location.file == "bad.yaml")
        #expect(first.location.line == input.line, "\(first)")
        #expect(first.location.column == input.column, "\(first)")
        #expect(!first.message.zh.isEmpty && !first.message.en.isEmpty)
        #expect(first.formatted(.zhHans).hasPrefix("bad.yaml:\(input.line):\(input.column): 错误: "))
        #expect(first.formatted(.en).hasPrefix("bad.yaml:\(input.line):\(input.column): error: "))
    }

    @Test func unknownKeySuggestsTheClosestKnownKey() {
        let (_, diagnostics) = PlanFile.parse(Self.badInputs[1].text, file: "x.yaml")
        #expect(diagnostics.first?.message.zh.contains("`title`") == true)
        #expect(diagnostics.first?.message.en.contains("did you mean `title`") == true)
    }

    @Test func everyErrorIsReportedNotOnlyTheFirst() {
        let text =
            Self.header + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 2023-02-29}\n"
            + "  - {id: t2, kind: deadline, assignees: [pref], due: 2022-01-04, colour: red}\n"
        let (_, diagnostics) = PlanFile.parse(text, file: "x.yaml")
        let codes = Set(diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["bad-date", "missing-key", "unknown-key"]))
    }

    @Test func danglingAssigneeIsReportedAtTheAssignee() throws {
        let text =
            Self.header
            + "  - id: t1\n    title: x\n    kind: deadline\n    assignees: [counties, nowhere]\n    due: 2022-01-04\n"
        let error = try #require(try load(["p.yaml": text]).failure)
        let d = try #require(error.diagnostics.first)
        #expect(d.code == "dangling-reference")
        #expect((d.location.line, d.location.column) == position(of: "nowhere", in: text))
    }

    @Test func danglingAndCyclicDependenciesAreErrors() throws {
        let dangling =
            Self.header
            + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 2022-01-04, depends_on: [t9]}\n"
        let d1 = try #require(try load(["p.yaml": dangling]).failure?.diagnostics.first)
        #expect(d1.code == "dangling-reference" && d1.location.line == 4)
        let cycle =
            Self.header
            + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 2022-01-04, depends_on: [t2]}\n"
            + "  - {id: t2, title: y, kind: deadline, assignees: [pref], due: 2022-01-05, depends_on: [t1]}\n"
        let d2 = try #require(try load(["p.yaml": cycle]).failure?.diagnostics.first)
        #expect(d2.code == "cycle")
        let crossPlan =
            "id: p2\ntitle: 二\ntasks:\n  - {id: a, title: y, kind: deadline, assignees: [pref], due: 2022-01-05, depends_on: [p1/t1]}\n"
        let ok = Self.header + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 2022-01-04}\n"
        #expect(try load(["p1.yaml": ok, "p2.yaml": crossPlan]).failure == nil)
    }

    @Test func duplicatePlanIdsAcrossFilesAreAnError() throws {
        let plan = Self.header + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 2022-01-04}\n"
        let error = try #require(try load(["a.yaml": plan, "b.yaml": plan]).failure)
        #expect(error.diagnostics.map(\.code) == ["duplicate-id"])
        #expect(error.diagnostics[0].location.file.hasSuffix("b.yaml"))
        #expect(error.diagnostics[0].message.zh.contains("a.yaml:1:5"))
    }

    @Test func yearlyDutyAtAFixedPointInTheYear() throws {
        let text =
            Self.header
            + "  - {id: t1, title: 年初部署, kind: recurring, assignees: [pref], recurrence: 每年, at: 年初, due: 2022—2023年}\n"
            + "  - {id: t2, title: x, kind: recurring, assignees: [pref], recurrence: 每学期2次, at: 06-30, due: 2022年}\n"
        let (plan, diagnostics) = PlanFile.parse(text, file: "at.yaml")
        #expect(plan == nil)
        #expect(diagnostics.map(\.code) == ["bad-at"])
        let ok =
            Self.header
            + "  - {id: t1, title: 年初部署, kind: recurring, assignees: [pref], recurrence: 每年, at: 年初, due: 2022—2023年}\n"
        let task = try #require(PlanFile.parse(ok, file: "at.yaml").0?.plan.tasks.first)
        #expect(task.recurrenceAt == MonthDay(month: 3, day: 31))
        #expect(task.due?.interpretation.windowStart == CivilDate(year: 2022, month: 1, day: 1))
    }

    @Test func expressionsAreKeptAsWrittenAndInterpreted() throws {
        let text = Self.header + "  - {id: t1, title: x, kind: deadline, assignees: [pref], due: 完成时限:2022年8月底。}\n"
        let task = try #require(PlanFile.parse(text, file: "x.yaml").0?.plan.tasks.first)
        #expect(task.due?.text == "完成时限:2022年8月底。")
        #expect(task.due?.interpretation.due == CivilDate(year: 2022, month: 8, day: 31))
    }

    @Test func aFileThatIsNotUTF8IsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.url.appendingPathComponent("latin1.yaml").path
        _ = FileManager.default.createFile(atPath: path, contents: Data([0x69, 0x64, 0x3A, 0x20, 0xE9, 0xFF, 0x0A]))
        guard case .failure(let d) = PlanSetLoader.readText(path) else {
            Issue.record("non-UTF-8 text was accepted")
            return
        }
        #expect(d.code == "yaml-encoding")
    }

    @Test func emptyFileIsAnError() {
        let (_, diagnostics) = PlanFile.parse("", file: "empty.yaml")
        #expect(diagnostics.first?.code == "empty-file")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
