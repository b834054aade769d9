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

    /// A route's `via` must name a notifier some manifest provides, and a notifier that addresses group robots must
    /// reach a receiver that has one: otherwise the error names the place (protocol 1.2, issue 19).
    @Test func viaNamingNoNotifierIsRefusedWithItsPlace() throws {
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
        try dir.write(
            "plugins.d/email.yaml",
            "executable: \(BinaryRunner.path(of: "duban-email"))\ncapabilities: [notifier]\nsettings: {from: a@b.cn}\n"
        )
        try dir.write(
            "plugins.d/robot.yaml",
            "executable: \(BinaryRunner.path(of: "duban-email"))\ncapabilities: [notifier]\nreceives: wecom\n"
        )
        let config = dir.url.appendingPathComponent("duban.yaml").path
        func check(_ notifications: String) throws -> BinaryRunner.Result {
            try dir.write(
                "duban.yaml",
                "plans: plans\norg: org.yaml\ncalendar_dir: []\nstate_dir: state\nplugin_dir: plugins.d\n"
                    + notifications
            )
            return try ProcessRunner.run(BinaryRunner.path(of: "duband"), ["--config", config, "--check-config"])
        }
        let unknown = try check("notifications:\n  routes:\n    - match: {org: [linxia]}\n      to: [unit]\n      via: [email, nosuch]\n")
        #expect(unknown.status == 78, "\(unknown.stdout)\(unknown.stderr)")
        let output = unknown.stdout + unknown.stderr
        #expect(output.contains("duban.yaml:10:20:") && output.contains("nosuch"), "\(output)")
        // The message lists the notifiers that exist, so the typo is easy to see; `email` itself is no error.
        #expect(output.contains("已有:email, robot") && !output.contains("duban.yaml:10:13:"), "\(output)")
        // The bundled org directory gives no unit a WeCom robot: a route through a `receives: wecom` notifier
        // reaches nobody.
        let unreachable = try check("notifications:\n  routes:\n    - match: {org: [linxia]}\n      to: [unit]\n      via: [robot]\n")
        #expect(unreachable.status == 78, "\(unreachable.stdout)\(unreachable.stderr)")
        let text = unreachable.stdout + unreachable.stderr
        #expect(text.contains("duban.yaml:10:13:") && text.contains("企业微信群机器人"), "\(text)")
        let good = try check("notifications:\n  routes:\n    - match: {org: [linxia]}\n      to: [unit]\n      via: [email]\n")
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
    }
}
