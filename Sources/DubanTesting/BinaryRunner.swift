import Foundation

/// Runs a built product (`dubanctl`, later `duband`) as a real process, the way a user does.
public enum BinaryRunner {
    /// What a finished process left behind.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The folder holding the built products: `DUBAN_BIN_DIR`, else the folder of the running test bundle
    /// (SwiftPM puts `dubanPackageTests.xctest` beside the executables).
    public static var productsDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["DUBAN_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        var url = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("dubanctl").path) { return url }
        }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug")
    }

    /// Path of product `name`.
    public static func path(of name: String) -> String {
        productsDirectory.appendingPathComponent(name).path
    }

    /// Runs `name` with `arguments` in `directory` (default: the package root), waits, and returns its output.
    public static func run(
        _ name: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        return try ProcessRunner.run(path(of: name), arguments, in: directory ?? Fixtures.packageRoot, environment: env)
    }
}

/// Runs any program to completion and captures its output.
///
/// Reads the pipes with `read(2)` and retries on EINTR: Foundation's `readDataToEndOfFile` traps when a signal
/// (SIGCHLD from another child, say) interrupts it.
public enum ProcessRunner {
    public static func run(
        _ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        stdin: Data? = nil
    ) throws -> BinaryRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        let group = DispatchGroup()
        let outBox = DataBox()
        group.enter()
        DispatchQueue.global().async {
            outBox.data = readAll(out.fileHandleForReading.fileDescriptor)
            group.leave()
        }
        let errData = readAll(err.fileHandleForReading.fileDescriptor)
        group.wait()
        process.waitUntilExit()
        return BinaryRunner.Result(
            status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Reads `fd` to end of file, retrying interrupted reads.
    public static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n > 0 {
                data.append(buffer, count: n)
            } else if n == 0 {
                return data
            } else if errno != EINTR {
                return data
            }
        }
    }

    final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}

/// A temporary directory removed when the value is discarded by `cleanup()`.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("duban-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    public func cleanup() {
        try? FileManager.default.removeItem(at: url)
    }
}
