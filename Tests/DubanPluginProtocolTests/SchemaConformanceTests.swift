import DubanPluginProtocol
import DubanTesting
import Foundation
import Testing

/// The JSON Schemas in docs/plugin-protocol/ and the Swift types say the same thing: every message the Swift types
/// encode validates against its schema (checked with Python's `jsonschema`, skipped when it is not installed).
@Suite struct SchemaConformanceTests {
    static let validator = """
        import json, sys, pathlib
        import jsonschema
        directory = pathlib.Path(sys.argv[1])
        failures = 0
        for line in sys.stdin:
            name, message = line.split("\\t", 1)
            schema = json.loads((directory / (name + ".schema.json")).read_text())
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.loads(message)))
            for error in errors:
                failures += 1
                print(name, "INVALID", error.message, list(error.absolute_path))
            if not errors:
                print(name, "ok")
        sys.exit(1 if failures else 0)
        """

    static var hasJSONSchema: Bool {
        (try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import jsonschema"]).status) == 0
    }

    @Test(
        .enabled(
            if: try Requirement.met(
                SchemaConformanceTests.hasJSONSchema,
                "python3 with jsonschema is not installed (apt-get install python3-jsonschema)"
            )
        )
    )
    func swiftMessagesMatchTheSchemas() throws {
        let codec = LineCodec()
        let event = NotifyEvent(
            key: "p/t/o/2024-11#due", kind: "due", severity: "warning", locale: "zh-Hans",
            occurrence: NotifyOccurrence(
                id: "p/t/o/2024-11", plan: "p", planTitle: "计划", task: "t", taskTitle: "任务", org: "o", orgName: "一中",
                period: "2024-11", due: "2024-11-29", dueAt: "2024-11-29T17:30:00+08:00", workingDaysLeft: 0),
            recipients: [Recipient(name: "张三", email: "zs@example.cn"), Recipient(name: "李四")],
            subject: LocalizedString(zhHans: "到期", en: "due"), text: LocalizedString(zhHans: "今日到期", en: "due today"))
        let check = CheckParams(
            task: CheckTask(plan: "p", id: "t", title: "T", kind: "target", target: .object(["value": .number(0.95)])),
            occurrences: [CheckOccurrence(id: "o1", org: "a", orgName: "甲", period: "2024-11", due: "2024-11-29", state: "open")],
            settings: .object(["url": .string("https://example.org/")]))
        var messages: [(String, Data)] = [
            ("initialize-request", try codec.encodeRequest(
                id: 1, method: .initialize,
                params: InitializeParams(host: HostInfo(name: "duband", version: "0.2.0"), locale: "zh-Hans", settings: .emptyObject))),
            ("initialize-result", try codec.encode(RPCSuccess(id: 1, result: InitializeResult(name: "n", version: "1", capabilities: [.notifier])))),
            ("notify-request", try codec.encodeRequest(id: 2, method: .notify, params: NotifyParams(events: [event]))),
            ("notify-result", try codec.encode(RPCSuccess(id: 2, result: NotifyResult(
                delivered: ["a"], failed: [NotifyFailure(key: "b", error: "x", retryable: true)])))),
            ("check-request", try codec.encodeRequest(id: 3, method: .check, params: check)),
            ("check-result", try codec.encode(RPCSuccess(id: 3, result: CheckResult(results: [
                CheckOutcome(occurrence: "o1", state: .done, progress: 1.5, reading: 0.97, evidence: "200 OK"),
            ])))),
            ("import-request", try codec.encodeRequest(
                id: 4, method: .import, params: ImportParams(document: ImportDocument(name: "a.txt", text: "一、…")))),
            ("import-result", try codec.encode(RPCSuccess(id: 4, result: ImportResult(
                planYAML: "id: x\n", items: 1, unmapped: [UnmappedLine(line: 2, text: "附件")])))),
            ("shutdown-request", try codec.encodeRequest(id: 5, method: .shutdown, params: NoParams?.none)),
            ("shutdown-result", try codec.encode(RPCSuccess<JSONValue>(id: 5, result: .null))),
            ("error-response", try codec.encode(RPCFailure(id: 6, error: RPCErrorObject(code: -32000, message: "later")))),
            ("error-response", try codec.encode(RPCFailure(id: nil, error: RPCErrorObject(code: -32700, message: "parse")))),
        ]
        // And messages the schemas must refuse, so the check is not vacuous.
        messages.append(("check-result", Data(#"{"jsonrpc":"2.0","id":3,"result":{"results":[{"occurrence":"o1","state":"finished","evidence":"e"}]}}"#.utf8 + [0x0A])))
        let input = messages.map { "\($0.0)\t" + String(decoding: $0.1, as: UTF8.self) }.joined()
        let directory = Fixtures.packageRoot.appendingPathComponent("docs/plugin-protocol").path
        let result = try ProcessRunner.run(
            "/usr/bin/env", ["python3", "-c", Self.validator, directory], stdin: Data(input.utf8))
        print(result.stdout, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == messages.count)
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix(" ok") })
        #expect(lines.last?.hasPrefix("check-result INVALID") == true)
    }
}
