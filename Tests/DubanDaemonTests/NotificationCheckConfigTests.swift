import DubanTesting
import Foundation
import Testing

/// `duband --check-config` refuses a notification policy that cannot work — a route to a unit the org directory
/// lacks, a template with an unknown field — with `file:line:column`, and exit status 78; a good one passes.
struct NotificationCheckConfigTests {
    @Test func badRoutesAndTemplatesAreRefusedWithTheirPlace() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        try FileManager.default.copyItem(
            atPath: Fixtures.examples.appendingPathComponent("org.yaml").path,
            toPath: dir.url.appendingPathComponent("org.yaml").path
        )
        try dir.write(
            "plans/p.yaml",
            "id: p\ntitle: 测试\ntasks:\n  - id: t\n    title: 任务\n    kind: deadline\n    assignees: [kangle]\n    due: 2022年8月底\n"
        )
        try dir.write("templates/subject.zh-Hans.mustache", "{{title}} {{deadline}}")
        let config = dir.url.appendingPathComponent("duban.yaml").path
        func check(_ notifications: String) throws -> BinaryRunner.Result {
            try dir.write(
                "duban.yaml",
                "plans: plans\norg: org.yaml\ncalendar_dir: []\nstate_dir: state\nplugin_dir: plugins.d\n"
                    + notifications
            )
            return try ProcessRunner.run(BinaryRunner.path(of: "duband"), ["--config", config, "--check-config"])
        }
        let bad = try check(
            "notifications:\n  templates: templates\n  routes:\n    - match: {org: [linxia]}\n      to: [org:nosuch]\n"
        )
        #expect(bad.status == 78, "\(bad.stdout)\(bad.stderr)")
        let output = bad.stdout + bad.stderr
        #expect(output.contains("duban.yaml:9:7") && output.contains("nosuch"), "\(output)")
        #expect(output.contains("subject.zh-Hans.mustache:1:11") && output.contains("deadline"), "\(output)")
        let good = try check(
            "notifications:\n  routes:\n    - match: {org: [linxia]}\n      to: [parent, org:linxia-av]\n"
        )
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
    }
}
