import Foundation

/// A child that talks in lines on its stdin and stdout (a plugin, driven the way the host drives it): started
/// with `posix_spawn`, its stderr in a log file, lines written and read with deadlines. Not swift-subprocess: the
/// test writes stdin while the child may exit (the fault tests), which swift-subprocess 1.0.2 turns into a trap
/// (swiftlang/swift-subprocess#367; see PluginProcess).
public final class LineProcess: @unchecked Sendable {
    public let pid: pid_t
    public let logPath: String
    private var input: Int32
    private let output: Int32
    private var pending = Data()
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Starts `executable arguments` with `environment` added; stderr goes to `logPath`.
    public init(executable: String, arguments: [String] = [], environment: [String: String] = [:], logPath: String)
        throws
    {
        self.logPath = logPath
        var inPipe: [Int32] = [-1, -1]
        var outPipe: [Int32] = [-1, -1]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0 else { throw HarnessError("pipe: \(errno)") }
        for fd in [inPipe[1], outPipe[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let logFD = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard logFD >= 0 else { throw HarnessError("cannot open \(logPath)") }
        defer { close(logFD) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, logFD, 2)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        var pid: pid_t = 0
        let status = ProcessRunner.withCStrings([executable] + arguments) { argv in
            ProcessRunner.withCStrings(env.map { "\($0.key)=\($0.value)" }) { envp in
                posix_spawn(&pid, executable, &actions, nil, argv, envp)
            }
        }
        close(inPipe[0])
        close(outPipe[1])
        guard status == 0 else {
            close(inPipe[1])
            close(outPipe[0])
            throw HarnessError("cannot start \(executable): \(status)")
        }
        self.pid = pid
        input = inPipe[1]
        output = outPipe[0]
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        stop()
        if input >= 0 { close(input) }
        close(output)
    }

    /// Writes `line` and a newline.
    public func send(_ line: String) throws {
        let data = Data((line + "\n").utf8)
        let ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(input, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        guard ok else { throw HarnessError("write to \(pid) failed: \(errno)") }
    }

    /// The next line the child writes, without its newline; nil at end of output or when `timeout` passes.
    /// Blocks: call it through `offload`.
    public func readLine(timeout: Duration) -> String? {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[pending.index(after: newline)...])
                return String(decoding: line, as: UTF8.self)
            }
            let left = deadline - ContinuousClock.now
            if left <= .zero { return nil }
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
            let ms = Int32(
                clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1
            )
            let ready = Glibc.poll(&fds, 1, ms)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if n > 0 {
                pending.append(contentsOf: buffer[0..<n])
            } else if n == 0 || errno != EINTR {
                return nil
            }
        }
    }

    /// Sends `line` and returns the reply line. Blocks: call it through `offload`.
    public func call(_ line: String, timeout: Duration = .seconds(30)) throws -> String {
        try send(line)
        guard let reply = readLine(timeout: timeout) else {
            throw HarnessError("no reply to \(line.prefix(80)) within \(timeout); stderr:\n\(stderr)")
        }
        return reply
    }

    /// Closes the child's stdin (end of input).
    public func closeInput() {
        if input >= 0 {
            close(input)
            input = -1
        }
    }

    /// The exit status if the child has ended (reaping it), else nil.
    public func poll() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return exitStatus
    }

    /// Waits up to `timeout` for the child to exit. Blocks: call it through `offload`.
    public func waitForExit(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = poll() { return status }
            usleep(10_000)
        }
        return poll()
    }

    /// Kills the child if it still runs, and reaps it.
    public func stop() {
        guard poll() == nil else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        lock.lock()
        exitStatus = 128 + SIGKILL
        lock.unlock()
    }

    /// What the child wrote to stderr so far.
    public var stderr: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }
}
