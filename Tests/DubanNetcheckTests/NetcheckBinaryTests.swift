import DubanPluginProtocol
import DubanTesting
import Foundation
import Testing

/// The built `duban-netcheck` driven over stdin/stdout with JSON-RPC lines, as the host drives it.
@Suite(.serialized) struct NetcheckBinaryTests {
    struct Plugin {
        let dir: TemporaryDirectory
        let process: LineProcess
        var nextID = 1

        init() throws {
            dir = try TemporaryDirectory()
            process = try LineProcess(
                executable: BinaryRunner.path(of: "duban-netcheck"),
                logPath: dir.url.appendingPathComponent("stderr.log").path
            )
        }

        mutating func reply<Params: Encodable & Sendable, Result: Decodable & Sendable>(
            _ method: PluginMethod,
            _ params: Params,
            as type: Result.Type
        ) async throws -> Swift.Result<Result, RPCErrorObject> {
            let id = nextID
            nextID += 1
            let line = String(
                decoding: try LineCodec().encodeRequest(id: id, method: method, params: params).dropLast(),
                as: UTF8.self
            )
            let process = self.process
            let reply = try await offload { try process.call(line) }
            return try LineCodec().decodeReply(Array(reply.utf8), id: id, as: type)
        }

        mutating func initialize(_ settings: JSONValue) async throws -> Swift.Result<InitializeResult, RPCErrorObject> {
            try await reply(
                .initialize,
                InitializeParams(host: HostInfo(name: "test", version: "0"), locale: "zh-Hans", settings: settings),
                as: InitializeResult.self
            )
        }

        mutating func check(_ task: String, _ occurrences: [CheckOccurrence], settings: JSONValue = .emptyObject)
            async throws
            -> Swift.Result<CheckResult, RPCErrorObject>
        {
            let params = CheckParams(
                task: CheckTask(plan: "linxia-it-2022", id: task, title: "中小学升级改造网络环境", kind: "deadline"),
                occurrences: occurrences,
                settings: settings
            )
            let result = try await reply(.check, params, as: CheckResult.self)
            if case .success(let value) = result { try value.validate(against: params) }
            return result
        }
    }

    static func occurrence(_ org: String, _ name: String) -> CheckOccurrence {
        CheckOccurrence(
            id: "linxia-it-2022/network-upgrade/\(org)/once",
            org: org,
            orgName: name,
            period: "once",
            due: "2022-08-31",
            state: "open"
        )
    }

    static let inventory = Fixtures.examples.appendingPathComponent("network-inventory.csv").path

    @Test func checksCountiesFromTheInventory() async throws {
        var plugin = try Plugin()
        defer { plugin.dir.cleanup() }
        let initialized = try await plugin.initialize(
            .object([
                "inventory": .string(Self.inventory),
                "counties": .object(["linxia-city": .string("临夏市")]),
                "measures": .object(["linxia-it-2022/ipv6-*": .string("ipv6")]),
            ])
        ).get()
        #expect(initialized.capabilities == [.checker] && initialized.name == "duban-netcheck")

        let results = try await plugin.check(
            "network-upgrade",
            [
                Self.occurrence("linxia-city", "临夏市教育局"), Self.occurrence("kangle", "康乐县教育局"),
                Self.occurrence("hezheng", "和政县教育局"),
            ]
        ).get().results
        #expect(results.count == 3)
        #expect(results[0].state == .done && results[0].reading == 100)
        #expect(results[0].evidence == "临夏市:城镇学校3/3达200M,农村学校1/1达100M,IPv6 4/4")
        #expect(results[1].state == nil && results[1].reading == 60)
        #expect(results[1].evidence == "康乐县:城镇学校2/2达200M,农村学校1/3达100M,IPv6 3/5")
        #expect(results[2].state == nil && results[2].reading == nil && results[2].evidence.contains("没有和政县教育局的学校"))

        // A task mapped to the IPv6 measure: 永靖县 has no IPv6 at all.
        let ipv6 = try await plugin.check("ipv6-deployment", [Self.occurrence("yongjing", "永靖县教育局")]).get().results
        #expect(ipv6.first?.reading == 0 && ipv6.first?.state == nil)
        #expect(plugin.process.stderr.contains("合计:城镇学校7/7达200M"), "\(plugin.process.stderr)")
    }

    @Test func aProbeOverridesTheInventory() async throws {
        var plugin = try Plugin()
        defer { plugin.dir.cleanup() }
        // The probe measures 康乐县's slow rural schools again: 虎关 now reaches 120 Mbps, 八松 still fails (no number).
        let probe = try plugin.dir.write(
            "probe.sh",
            """
            #!/bin/sh
            case "$2" in
              康乐县虎关乡中心小学) echo "120 Mbps" ;;
              康乐县八松乡教学点) echo "timeout" >&2; exit 1 ;;
              *) echo "$3" ;;
            esac
            """
        )
        // Run through /bin/sh rather than executed itself: a script just written can be "text file busy" when a
        // parallel test's child inherited the writing descriptor.
        _ = try await plugin.initialize(
            .object([
                "inventory": .string(Self.inventory), "measure": .string("bandwidth"),
                "probe": .string("/bin/sh \(probe) {county} {school} 1000"),
            ])
        ).get()
        let results = try await plugin.check("network-upgrade", [Self.occurrence("kangle", "康乐县教育局")]).get().results
        #expect(results.first?.evidence == "康乐县:城镇学校2/2达200M,农村学校2/3达100M,IPv6 3/5", "\(results)")
        #expect(results.first?.reading == 80)
        #expect(plugin.process.stderr.contains("康乐县八松乡教学点"), "a failed probe is logged")
    }

    @Test func unreadableInventoriesAreErrors() async throws {
        var plugin = try Plugin()
        defer { plugin.dir.cleanup() }
        let missing = try await plugin.initialize(.object(["counties": .object([:])]))
        #expect((try? missing.get()) == nil)
        let path = plugin.dir.url.appendingPathComponent("schools.csv").path
        _ = try await plugin.initialize(.object(["inventory": .string(path)])).get()
        guard
            case .failure(let absent) = try await plugin.check("network-upgrade", [Self.occurrence("kangle", "康乐县教育局")])
        else {
            Issue.record("a missing inventory was accepted")
            return
        }
        #expect(absent.code == RPCErrorObject.temporaryFailure && absent.message.contains(path))
        try "学校,县区\n甲,乙\n".write(toFile: path, atomically: true, encoding: .utf8)
        guard
            case .failure(let header) = try await plugin.check("network-upgrade", [Self.occurrence("kangle", "康乐县教育局")])
        else {
            Issue.record("an inventory without its columns was accepted")
            return
        }
        #expect(header.code == RPCErrorObject.invalidParams && header.message.hasPrefix("\(path):1:"), "\(header)")
        let bye = try await plugin.reply(.shutdown, NoParams(), as: JSONValue.self)
        #expect((try? bye.get()) == .null)
        let process = plugin.process
        #expect(try await offload { process.waitForExit(timeout: .seconds(5)) } == 0)
    }
}
