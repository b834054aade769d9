import DubanTesting
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts this test binary as a child running one `ChildProcessEntries` test, and collects what it left.
struct ChildRun {
    var status: Int32
    var output: String
    var report: [String: String]

    /// Runs `ChildProcessEntries.<test>` with `role`, under `wrapper` (e.g. `systemd-socket-activate …`) if given.
    /// - Parameters:
    ///   - test: the child test's function name, used as the `--filter`.
    ///   - role: the `DUBAN_CHILD_ROLE` value the child test waits for.
    ///   - environment: variables added to the child's environment (`LISTEN_*` and `NOTIFY_SOCKET` are cleared
    ///     first so the parent's never leak in).
    ///   - wrapper: a command that execs the rest of the command line.
    ///   - whileRunning: called after the start, before waiting (to connect to an activation socket, say).
    static func run(
        test: String,
        role: String,
        directory: TemporaryDirectory,
        environment: [String: String] = [:],
        wrapper: [String] = [],
        whileRunning: () throws -> Void = {}
    ) throws -> ChildRun {
        let reportPath = directory.url.appendingPathComponent("report-\(role)").path
        let logPath = directory.url.appendingPathComponent("child-\(role).log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        var env = ProcessInfo.processInfo.environment
        for key in ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"] {
            env[key] = nil
        }
        env[ChildTestProcess.roleVariable] = role
        env[ChildTestProcess.outputVariable] = reportPath
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }

        let command = wrapper + ChildTestProcess.command(filter: "ChildProcessEntries/\(test)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = env
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            try? log.close()
        }
        try whileRunning()
        // Never hang the suite: a child that is still running after a minute (say, systemd-socket-activate still
        // waiting for a client) is terminated and reported as failed.
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return ChildRun(
            status: process.terminationStatus,
            output: output,
            report: ChildTestProcess.readReport(reportPath)
        )
    }
}
