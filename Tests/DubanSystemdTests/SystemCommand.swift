import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs system tools (systemd-analyze, journalctl, make …) for the tests, and says why a test skips.
enum SystemCommand {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Both streams, for failure messages.
        var output: String { stdout + stderr }
    }

    /// Whether the tests run as root.
    static var isRoot: Bool { getuid() == 0 }

    /// The first of `candidates` that is an executable file.
    static func find(_ candidates: String...) -> String? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let systemdAnalyze = find("/usr/bin/systemd-analyze", "/bin/systemd-analyze")
    static let journalctl = find("/usr/bin/journalctl", "/bin/journalctl")
    static let socketActivate = find("/usr/bin/systemd-socket-activate", "/bin/systemd-socket-activate")
    static let sysusers = find("/usr/bin/systemd-sysusers", "/bin/systemd-sysusers")
    static let tmpfiles = find("/usr/bin/systemd-tmpfiles", "/bin/systemd-tmpfiles")
    static let make = find("/usr/bin/make", "/bin/make")

    /// Runs `executable` with `arguments`, waits, and returns its exit status and output.
    /// - Parameters:
    ///   - environment: replaces the inherited environment when given.
    ///   - directory: working directory (default: the current one).
    static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil,
        in directory: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }
}
