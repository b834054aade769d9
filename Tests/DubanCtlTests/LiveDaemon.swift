import DubanTesting
import Foundation

/// A real `duband` on a copy of the bundled examples, bound to a socket in a temporary directory that any user may
/// open (so `runuser -u nobody` can reach it), on a rehearsal clock that starts at a fixed instant.
final class LiveDaemon: @unchecked Sendable {
    let dir: TemporaryDirectory
    let process: DaemonProcess
    var socket: String { dir.url.appendingPathComponent("control.sock").path }
    var config: String { dir.url.appendingPathComponent("duban.yaml").path }

    /// Starts duband at `clockStart` running `speed` times real time, with `extraPlans` (file name → YAML) beside
    /// the examples, and waits until it answers `status`.
    init(clockStart: String = "2022-08-25T08:00:00+08:00", speed: Int = 1, extraPlans: [String: String] = [:])
        async throws
    {
        dir = try TemporaryDirectory()
        chmod(dir.url.path, 0o755)
        let fm = FileManager.default
        for item in ["org.yaml", "plans", "school-calendars"] {
            try fm.copyItem(
                atPath: Fixtures.examples.appendingPathComponent(item).path,
                toPath: dir.url.appendingPathComponent(item).path
            )
        }
        for (name, text) in extraPlans { try dir.write("plans/\(name)", text) }
        try dir.write(
            "duban.yaml",
            """
            plans: plans
            org: org.yaml
            school_calendars: school-calendars
            calendar_dir: []
            state_dir: state
            socket: control.sock
            reminders: [3]
            """
        )
        process = try DaemonProcess(
            executable: BinaryRunner.path(of: "duband"),
            arguments: [
                "--config", dir.url.appendingPathComponent("duban.yaml").path, "--clock-start", clockStart,
                "--clock-speed", "\(speed)",
            ],
            logPath: dir.url.appendingPathComponent("duband.log").path
        )
        do {
            try await waitUntilAnswering()
        } catch {
            process.stop()
            dir.cleanup()
            throw error
        }
    }

    private func waitUntilAnswering() async throws {
        let socket = self.socket
        guard await connectOnce(toUnixSocket: socket, timeout: .seconds(60)) else {
            throw LiveDaemonError(message: "duband did not bind \(socket); log:\n\(process.output)")
        }
        // Any user may connect (a Unix socket needs write permission on its file).
        chmod(socket, 0o666)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let status = try await offload {
                try ProcessRunner.run(BinaryRunner.path(of: "dubanctl"), ["status", "--socket", socket, "--json"])
            }
            if status.status == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw LiveDaemonError(message: "duband never answered status; log:\n\(process.output)")
    }

    /// Runs dubanctl against this daemon (adding `--socket`), off the cooperative pool.
    func ctl(_ arguments: [String], lang: String = "zh_CN.UTF-8") async throws -> BinaryRunner.Result {
        let socket = self.socket
        return try await offload {
            try BinaryRunner.run(
                "dubanctl",
                arguments + ["--socket", socket],
                environment: ["LANG": lang, "LC_ALL": ""]
            )
        }
    }

    /// Runs dubanctl as user `nobody` through `runuser` (a copy of the binary in the world-readable directory).
    func ctlAsNobody(_ arguments: [String]) async throws -> BinaryRunner.Result {
        let copy = dir.url.appendingPathComponent("dubanctl").path
        if !FileManager.default.fileExists(atPath: copy) {
            try FileManager.default.copyItem(atPath: BinaryRunner.path(of: "dubanctl"), toPath: copy)
            chmod(copy, 0o755)
        }
        let socket = self.socket
        let directory = dir.url
        return try await offload {
            // A process another test forks while the copy is being written inherits its descriptor until it execs,
            // and exec meanwhile fails with ETXTBSY: try again a moment later, as often as that takes.
            var attempt = 0
            while true {
                let result = try ProcessRunner.run(
                    "/usr/sbin/runuser",
                    ["-u", "nobody", "--", copy] + arguments + ["--socket", socket],
                    in: directory,
                    environment: ["LANG": "zh_CN.UTF-8", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
                )
                attempt += 1
                if !result.stderr.contains("Text file busy") || attempt >= 50 { return result }
                usleep(100_000)
            }
        }
    }

    func stop() {
        process.signal(SIGTERM)
        var waited = 0
        while process.poll() == nil && waited < 100 {
            usleep(20_000)
            waited += 1
        }
        process.stop()
        dir.cleanup()
    }

    static var canRunAsNobody: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
    }
}

struct LiveDaemonError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// JSON helpers for dubanctl's output.
enum JSONOutput {
    static func object(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw LiveDaemonError(message: "not a JSON object: \(text.prefix(300))")
        }
        return object
    }
}
