import DubanPluginHost
import DubanPluginProtocol
import DubanTesting
import Foundation
import InMemoryLogging
import Logging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Broken plugins against the real host (real processes, real pipes): each fault becomes a thrown
/// ``PluginError``, a statistic and a journal-bound log entry, and the good plugin in the same host keeps working.
@Suite(.serialized) struct PluginFaultTests {
    /// Runs `fault` against the faulty plugin, then checks the record and that `good` still answers.
    private func expectFault(
        _ mode: String,
        code: PluginError.Code,
        message: String,
        timeout: Double = 20,
        call: (@Sendable (PluginSupervisor) async throws -> Void)? = nil
    ) async throws {
        let call = call ?? { plugin in _ = try await plugin.notify(PluginHostHarness.events(["k1"])) }
        let harness = PluginHostHarness([
            PluginHostHarness.manifest(mode, timeout: timeout), PluginHostHarness.manifest("good"),
        ])
        let faulty = try harness.plugin(mode)
        let good = try harness.plugin("good")
        // The good plugin answers before, during (for slow faults) and after the fault.
        #expect(try await good.notify(PluginHostHarness.events(["before"])).delivered == ["before"])
        async let concurrent = good.notify(PluginHostHarness.events(["during"]))
        do {
            try await call(faulty)
            Issue.record("\(mode): the call should have failed")
        } catch let error as PluginError {
            #expect(error.code == code, "\(mode): \(error)")
            #expect(error.message.contains(message), "\(mode): \(error.message)")
        }
        #expect(try await concurrent.delivered == ["during"])
        let stats = await faulty.statistics()
        print(
            "\(mode): state \(stats.state), calls \(stats.calls), failures \(stats.failures), last error: \(stats.lastError ?? "-")"
        )
        #expect(stats.failures >= 1)
        #expect(stats.lastError?.contains(message) == true)
        #expect(stats.lastErrorAt != nil)
        #expect(stats.pid == nil, "\(mode): the faulty process is gone")
        #expect(!harness.entries(mode, event: .failed).isEmpty || !harness.entries(mode, event: .refused).isEmpty)
        #expect(try await good.notify(PluginHostHarness.events(["after"])).delivered == ["after"])
        let goodStats = await good.statistics()
        #expect(goodStats.failures == 0 && goodStats.state == .ready && goodStats.calls == 3)
        await harness.host.shutdown()
    }

    @Test func crashAtStart() async throws {
        try await expectFault("crash-start", code: .exited, message: "exit status 3")
    }

    @Test func garbage() async throws {
        try await expectFault("garbage", code: .protocolViolation, message: "not-json")
    }

    @Test func wrongID() async throws {
        try await expectFault("wrong-id", code: .protocolViolation, message: "wrong-id")
    }

    @Test func exitMidCall() async throws {
        try await expectFault("exit-mid-call", code: .exited, message: "exit status 7")
    }

    @Test func schemaViolation() async throws {
        try await expectFault("schema", code: .protocolViolation, message: ".delivered is not")
    }

    @Test func wrongMajorVersionIsRefusedForGood() async throws {
        try await expectFault("wrong-major", code: .refused, message: "protocol 2.0 refused")
        let harness = PluginHostHarness([PluginHostHarness.manifest("wrong-major")])
        let plugin = try harness.plugin("wrong-major")
        for _ in 0..<2 {
            await #expect(throws: PluginError.self) { try await plugin.notify(PluginHostHarness.events(["k"])) }
        }
        let stats = await plugin.statistics()
        #expect(stats.state == .failed && stats.starts == 1, "refused once, never restarted")
        #expect(harness.entries("wrong-major", event: .refused).count == 1)
    }

    @Test func hangIsKilledAfterTheTimeout() async throws {
        let harness = PluginHostHarness([PluginHostHarness.manifest("hang", timeout: 3)])
        let plugin = try harness.plugin("hang")
        async let call = plugin.notify(PluginHostHarness.events(["k"]))
        // While the call hangs, the supervisor still answers (an actor awaiting, not blocking).
        var pid: Int32?
        #expect(
            await PluginHostHarness.eventually {
                pid = await plugin.statistics().pid; return pid != nil
            }
        )
        do {
            _ = try await call
            Issue.record("a hung call must fail")
        } catch let error as PluginError {
            #expect(error.code == .timedOut)
        }
        // The plugin ignored SIGTERM: SIGKILL ended it.
        let gone = try #require(pid)
        #expect(await PluginHostHarness.eventually { kill(gone, 0) != 0 }, "pid \(gone) is gone")
        let stats = await plugin.statistics()
        #expect(
            stats.state == .backoff && stats.failures == 1 && stats.lastError?.contains("no reply to notify") == true
        )
        #expect(
            harness.logs.entries.contains { $0.message.description.contains("fault-plugin: hanging") },
            "stderr reached the log"
        )
    }

    @Test func hugeOutputIsCut() async throws {
        // Memory is asserted on duband's own process (PluginDaemonTests): this test process runs other suites in
        // parallel, so its peak resident memory says nothing about the host.
        try await expectFault("flood", code: .outputTooLarge, message: "longer than 65536 bytes")
        try await expectFault("flood-lines", code: .protocolViolation, message: "not-json")
    }

    @Test func errorReplyKeepsThePluginRunning() async throws {
        let harness = PluginHostHarness([PluginHostHarness.manifest("error-reply")])
        let plugin = try harness.plugin("error-reply")
        for _ in 0..<2 {
            do {
                _ = try await plugin.notify(PluginHostHarness.events(["k"]))
                Issue.record("expected an error reply")
            } catch {
                #expect(
                    error.code == .remote && error.isRetryable && error.remote?.message == "smtp server unreachable"
                )
            }
        }
        let stats = await plugin.statistics()
        #expect(stats.state == .ready && stats.starts == 1 && stats.failures == 2 && stats.pid != nil)
        await harness.host.shutdown()
    }

    @Test func strayOutputIsAFault() async throws {
        let harness = PluginHostHarness([PluginHostHarness.manifest("stray")])
        let plugin = try harness.plugin("stray")
        #expect(try await plugin.notify(PluginHostHarness.events(["a"])).delivered == ["a"])
        try await Task.sleep(for: .milliseconds(200))
        await #expect(throws: PluginError.self) { try await plugin.notify(PluginHostHarness.events(["b"])) }
        #expect(await plugin.statistics().lastError?.contains("output nobody asked for") == true)
    }

    @Test func idleCrashIsNoticedAndThePluginRestarts() async throws {
        let harness = PluginHostHarness([PluginHostHarness.manifest("idle-crash", restartDelay: 0.2)])
        let plugin = try harness.plugin("idle-crash")
        #expect(try await plugin.notify(PluginHostHarness.events(["a"])).delivered == ["a"])
        #expect(await PluginHostHarness.eventually { await plugin.statistics().failures == 1 })
        let crashed = await plugin.statistics()
        #expect(crashed.state == .backoff && crashed.lastError?.contains("exit status 9") == true)
        // Within the delay the plugin is not restarted; after it, it is.
        await #expect(throws: PluginError.self) { try await plugin.notify(PluginHostHarness.events(["b"])) }
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await plugin.notify(PluginHostHarness.events(["c"])).delivered == ["c"])
        #expect(await plugin.statistics().starts == 2)
        await harness.host.shutdown()
    }

    @Test func missingExecutableBacksOff() async throws {
        var manifest = PluginHostHarness.manifest("good", name: "missing")
        manifest.executable = "/nonexistent/plugin"
        let harness = PluginHostHarness([manifest])
        let plugin = try harness.plugin("missing")
        do {
            _ = try await plugin.notify(PluginHostHarness.events(["a"]))
        } catch {
            #expect(error.code == .spawnFailed && error.message.contains("/nonexistent/plugin"))
        }
        #expect(await plugin.statistics().state == .backoff)
    }

    @Test func invalidManifestIsListedAndNeverStarted() async throws {
        let harness = PluginHostHarness(
            [PluginHostHarness.manifest("good")],
            invalid: [
                .init(
                    name: "broken",
                    file: "/etc/duban/plugins.d/broken.yaml",
                    problems: "broken.yaml:3:1: unknown key `timout`"
                )
            ]
        )
        let stats = await harness.host.statistics()
        #expect(stats.map(\.name) == ["broken", "good"])
        #expect(stats[0].state == .invalid && stats[0].lastError?.contains("timout") == true)
        #expect(harness.host.supervisor(named: "broken") == nil)
        #expect(harness.entries("broken", event: .refused).count == 1)
    }
}
