import DubanTesting
import Foundation
import Testing

/// The real `duband` on a scaled clock running the real `duban-netcheck` from a plugins.d manifest on its working-day
/// schedule: the county whose schools all meet the targets in the example inventory is closed by the plugin, the
/// county that does not stays open.
@Suite(.serialized)
struct NetcheckEndToEndTests {
    @Test func closesTheCompleteCountyFromTheInventory() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let plan = "net-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.copyItem(
            atPath: Fixtures.examples.appendingPathComponent("org.yaml").path,
            toPath: dir.url.appendingPathComponent("org.yaml").path
        )
        try dir.write(
            "plans/p.yaml",
            """
            id: \(plan)
            title: 网络检查端到端测试计划
            tasks:
              - id: network-upgrade
                title: 中小学升级改造网络环境
                kind: deadline
                assignees: [linxia-city, kangle]
                due: 2022年8月底
            """
        )
        try dir.write(
            "plugins.d/netcheck.yaml",
            """
            executable: \(BinaryRunner.path(of: "duban-netcheck"))
            capabilities: [checker]
            schedule: 每个工作日 09:00
            tasks: ["\(plan)/network-upgrade"]
            settings:
              inventory: \(Fixtures.examples.appendingPathComponent("network-inventory.csv").path)
            """
        )
        try dir.write(
            "duban.yaml",
            "plans: plans\norg: org.yaml\ncalendar_dir: []\nstate_dir: state\nsocket: control.sock\nplugin_dir: plugins.d\n"
        )
        let socket = dir.url.appendingPathComponent("control.sock").path
        let daemon = try DaemonProcess(
            executable: BinaryRunner.path(of: "duband"),
            arguments: [
                "--config", dir.url.appendingPathComponent("duban.yaml").path,
                "--clock-start", "2022-08-25T08:00:00+08:00", "--clock-speed", "86400",
            ],
            logPath: dir.url.appendingPathComponent("duband.log").path
        )
        defer { daemon.stop() }
        #expect(
            await connectOnce(toUnixSocket: socket, timeout: .seconds(60)),
            "no control socket; log:\n\(daemon.output)"
        )

        func get(_ path: String) async throws -> [String: Any] {
            let reply = try await offload {
                try ProcessRunner.run(
                    "/usr/bin/curl",
                    ["-s", "-m", "10", "--unix-socket", socket, "http://localhost\(path)"]
                )
            }
            return (try? JSONSerialization.jsonObject(with: Data(reply.stdout.utf8)) as? [String: Any]) ?? [:]
        }
        // 2022-08-25 is a Thursday: the check runs at 09:00, a twenty-fourth of a second after the start, then daily.
        let deadline = ContinuousClock.now + .seconds(60)
        var open: Int?
        while ContinuousClock.now < deadline {
            open = try await get("/v1/status")["open"] as? Int
            if open == 1 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(open == 1, "临夏市 closed by the plugin, 康乐县 open; log:\n\(daemon.output)")
        try await Task.sleep(for: .seconds(2))
        let plugins = try #require(try await get("/v1/plugins")["plugins"] as? [[String: Any]])
        let netcheck = try #require(plugins.first { $0["name"] as? String == "netcheck" })
        #expect((netcheck["calls"] as? Int ?? 0) >= 1, "\(netcheck)")
        #expect(netcheck["failures"] as? Int == 0, "\(netcheck)")
        #expect(try await get("/v1/status")["open"] as? Int == 1, "康乐县 must stay open: 1/3 rural schools reach 100M")

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(15)) == 0, "log:\n\(daemon.output)")
    }
}
