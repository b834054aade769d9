import DubanEmailPlugin
import DubanMail
import DubanPlanFiles
import DubanPluginKit
import DubanPluginProtocol
import DubanTesting
import Foundation
import Testing

@Suite struct EmailManifestTests {
    /// The manifest template docs/email.md points to is a valid manifest whose settings the plugin accepts.
    @Test func deployTemplateIsValid() throws {
        let path = Fixtures.packageRoot.appendingPathComponent("deploy/plugins.d/email.yaml").path
        let (manifest, diagnostics) = PluginManifestFile.parse(
            try String(contentsOfFile: path, encoding: .utf8),
            file: path
        )
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let parsed = try #require(manifest)
        #expect(parsed.capabilities == [.notifier])
        let settings = try EmailSettings(settings: parsed.settings)
        #expect(settings.from.address == "duban@jyj.example.gov.cn" && settings.from.name == "督办系统")
        #expect(settings.sendmail.arguments == ["/usr/bin/msmtp", "--read-envelope-from", "-t"])
        #expect(settings.languages == ["zh-Hans", "en"])
    }

    @Test func settingsDefaultsAndRefusals() throws {
        let minimal = try EmailSettings(settings: .object(["from": .string("duban@example.org")]))
        #expect(minimal.sendmail.arguments == ["/usr/sbin/sendmail", "-t", "-i"])
        #expect(minimal.languages == ["zh-Hans"] && minimal.timeZone.identifier == "Asia/Shanghai")
        let bad: [JSONValue] = [
            .object([:]), .string("x"),
            .object(["from": .string("not an address")]),
            .object(["from": .string("a@b.org"), "sendmail": .string("msmtp 'open")]),
            .object(["from": .string("a@b.org"), "languages": .array([.string("zh-Hans"), .string("zh-Hans")])]),
            .object(["from": .string("a@b.org"), "time_zone": .string("Mars/Olympus")]),
            .object(["from": .string("a@b.org"), "send_timeout": .number(0)]),
            .object(["from": .string("a@b.org"), "smtp_host": .string("x")]),
            .object(["from": .string("a@b.org"), "reply_to": .number(1)]),
        ]
        for settings in bad {
            #expect(throws: RPCErrorObject.self, "\(settings)") { try EmailSettings(settings: settings) }
        }
    }
}
