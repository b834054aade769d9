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
/// Synchronous on purpose, and so not swift-subprocess (which is async): tests call it from threads of Swift's
/// cooperative pool, and a blocking bridge to an async run would need a pool thread of its own (two on this
/// machine) — two such calls at once would deadlock.
///
/// Reads the pipes with `read(2)` and retries on EINTR: Foundation's `readDataToEndOfFile` traps when a signal
/// (SIGCHLD from another child, say) interrupts it.
public enum ProcessRunner {
    public static func run(
        _ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        stdin: Data? = nil
    ) throws -> BinaryRunner.Result {
        // posix_spawn + waitpid directly: Foundation's Process.waitUntilExit can hang on Linux once the test
        // process has other long-lived children (it waits on a run loop for a termination notification).
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        var inPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0, pipe(&inPipe) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
        for fd in [outPipe[0], errPipe[0], inPipe[1]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        // Glibc's posix_spawn_file_actions_addchdir_np does not import: change directory with `env -C`.
        let program = directory == nil ? executable : "/usr/bin/env"
        let argv = directory.map { ["/usr/bin/env", "-C", $0.path, executable] } ?? [executable]
        var pid: pid_t = 0
        let status = withCStrings(argv + arguments) { cArgv in
            withCStrings(env) { cEnv in posix_spawn(&pid, program, &actions, nil, cArgv, cEnv) }
        }
        close(inPipe[0])
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(inPipe[1])
            close(outPipe[0])
            close(errPipe[0])
            throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: executable])
        }
        if let stdin { stdin.withUnsafeBytes { _ = write(inPipe[1], $0.baseAddress, $0.count) } }
        close(inPipe[1])
        let group = DispatchGroup()
        let outBox = DataBox()
        group.enter()
        let outFD = outPipe[0]
        DispatchQueue.global().async {
            outBox.data = readAll(outFD)
            group.leave()
        }
        let errData = readAll(errPipe[0])
        group.wait()
        close(outPipe[0])
        close(errPipe[0])
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
        let exitCode: Int32 = (waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f)
        return BinaryRunner.Result(
            status: exitCode, stdout: String(decoding: outBox.data, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return body(pointers)
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
