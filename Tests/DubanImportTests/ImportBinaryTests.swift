import DubanTesting
import Foundation
import Testing

/// `dubanctl import` and the `duban-planimport` plugin, run as built binaries.
@Suite struct ImportBinaryTests {
    @Test func dubanctlImportWritesADraftAndSummarises() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let input = try dir.write(CountyPlanFixture.name, CountyPlanFixture.text)
        let output = dir.url.appendingPathComponent("draft.yaml").path
        let result = try BinaryRunner.run("dubanctl", ["import", input, "-o", output, "--lang", "zh"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("17 项任务"))
        #expect(result.stderr.contains("1 条未能识别的时间表述:第27行"))
        let yaml = try String(contentsOfFile: output, encoding: .utf8)
        #expect(yaml.contains("id: qingshan-compulsory-2024"))
        // The draft is refused by check until filled.
        let check = try BinaryRunner.run("dubanctl", ["check", "--org", "examples/org.yaml", output])
        #expect(check.status == 1)
        #expect(check.stdout.contains("待填写") || check.stderr.contains("待填写"))
    }

    @Test func dubanctlImportJSON() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let input = try dir.write("plan.txt", CountyPlanFixture.text)
        let result = try BinaryRunner.run("dubanctl", ["import", input, "--json", "--plan-id", "qs-2024"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["plan_id"] as? String == "qs-2024")
        #expect(report["items"] as? Int == 17)
        #expect((report["unmapped"] as? [[String: Any]])?.compactMap { $0["line"] as? Int } == [27])
        #expect((report["plan_yaml"] as? String)?.contains("id: qs-2024") == true)
    }

    @Test func pluginAnswersInitializeImportAndShutdown() throws {
        let document = try JSONSerialization.data(withJSONObject: [
            "name": CountyPlanFixture.name, "text": CountyPlanFixture.text,
        ])
        let requests =
            [
                #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.0","host":{"name":"duband","version":"0.2.0"},"locale":"zh-Hans","settings":{}}}"#,
                #"{"jsonrpc":"2.0","id":2,"method":"import","params":{"document":"#
                    + String(decoding: document, as: UTF8.self)
                    + #","options":{"planId":"qs"}}}"#,
                #"{"jsonrpc":"2.0","id":3,"method":"nosuch"}"#,
                #"{"jsonrpc":"2.0","id":4,"method":"shutdown"}"#,
            ].joined(separator: "\n") + "\n"
        let result = try ProcessRunner.run(BinaryRunner.path(of: "duban-planimport"), [], stdin: Data(requests.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let replies = result.stdout.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
        }
        #expect(replies.count == 4)
        let initialize = try #require(replies.first?["result"] as? [String: Any])
        #expect(initialize["capabilities"] as? [String] == ["importer"])
        #expect(initialize["protocolVersion"] as? String == "1.2")
        let imported = try #require(replies[1]["result"] as? [String: Any])
        #expect(imported["items"] as? Int == 17)
        #expect((imported["planYAML"] as? String)?.contains("id: qs") == true)
        #expect((imported["unmapped"] as? [[String: Any]])?.count == 1)
        #expect((replies[2]["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect(replies[3]["id"] as? Int == 4)
    }
}
