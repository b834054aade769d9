import DubanStore
import DubanTesting
import Foundation
import Testing

/// The real `duband` started twice on the bundled examples, whose plans go back to 2022: the first start fires
/// the last day's events only, and the second start, moments later, fires nothing more (it had replayed every
/// event since 2022).
@Suite struct CatchUpFloorTests {
    @Test func aSecondStartDoesNotReplayHistory() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let fm = FileManager.default
        for name in ["org.yaml", "plans"] {
            try fm.copyItem(
                atPath: Fixtures.examples.appendingPathComponent(name).path,
                toPath: dir.url.appendingPathComponent(name).path
            )
        }
        try dir.write(
            "duban.yaml",
            "plans: plans\norg: org.yaml\ncalendar_dir: []\nstate_dir: state\nsocket: control.sock\n"
        )
        let socket = dir.url.appendingPathComponent("control.sock").path

        /// Runs duband from `start` (real speed) until its first store sync is done and a moment more, stops it,
        /// and returns the number of events recorded as handled.
        func run(_ start: String) async throws -> Int {
            let daemon = try DaemonProcess(
                executable: BinaryRunner.path(of: "duband"),
                arguments: [
                    "--config", dir.url.appendingPathComponent("duban.yaml").path, "--clock-start", start,
                    "--clock-speed", "1",
                ],
                logPath: dir.url.appendingPathComponent("duband.log").path
            )
            defer { daemon.stop() }
            #expect(await connectOnce(toUnixSocket: socket, timeout: .seconds(60)))
            // /v1/status answers after the first store sync; the catch-up batch is recorded by then or just after.
            let status = try await offload {
                try ProcessRunner.run(
                    "/usr/bin/curl",
                    ["-s", "-m", "60", "--unix-socket", socket, "http://localhost/v1/status"]
                )
            }
            #expect(status.stdout.contains("\"plans\":3"), "\(status.stdout)")
            try await Task.sleep(for: .seconds(2))
            daemon.signal(SIGTERM)
            #expect(await daemon.waitForExit(timeout: .seconds(20)) == 0)
            let store = try SQLiteStateStore.open(path: dir.url.appendingPathComponent("state/duban.sqlite").path)
            return try await store.handledEventKeys().count
        }

        // 2022-08-31 08:30: the network upgrade (完成时限 2022年8月底) falls due for every county that morning.
        let first = try await run("2022-08-31T09:00:00+08:00")
        let second = try await run("2022-08-31T09:00:30+08:00")
        #expect(first > 0, "the first start fires the last day's events")
        #expect(second == first, "the second start fired \(second - first) old events")
    }
}
