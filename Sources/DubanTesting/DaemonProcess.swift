import Foundation

/// Runs blocking work (a `poll`, a child process to completion) on a dispatch queue instead of a Swift
/// concurrency thread: the cooperative pool has one thread per core, and tests that block it starve the rest.
public func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try body() })
        }
    }
}

/// A `duband` process started for a test with `posix_spawn`, its output in a log file (never a pipe that could
/// fill up). Foundation's `Process` is avoided: its exit monitoring can hang while other children come and go.
/// Not swift-subprocess: a test starts the daemon, then signals it, kills it and reaps it from other places over
/// many seconds, while swift-subprocess scopes a process to one `run` call.
public final class DaemonProcess: @unchecked Sendable {
    public let pid: pid_t
    public let logPath: String
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Starts `executable arguments` with `environment` added, output to `logPath`.
    public init(executable: String, arguments: [String], environment: [String: String] = [:], logPath: String) throws {
        self.logPath = logPath
        let logFD = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard logFD >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(logFD) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, logFD, 1)
        posix_spawn_file_actions_adddup2(&actions, logFD, 2)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        var pid: pid_t = 0
        let status = ProcessRunner.withCStrings([executable] + arguments) { argv in
            ProcessRunner.withCStrings(env.map { "\($0.key)=\($0.value)" }) { envp in
                posix_spawn(&pid, executable, &actions, nil, argv, envp)
            }
        }
        guard status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: executable]) }
        self.pid = pid
    }

    /// Sends `signal` to the process.
    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Sends `signal` and waits up to `timeout` for the exit. The exit is timed by a thread of its own blocked in
    /// `waitid(WNOWAIT)`, so a test process whose cooperative pool is busy cannot make the exit look slower than it
    /// was. Returns the exit status (nil if still running) and the time from the signal to the exit.
    public func signalAndTimeExit(_ signal: Int32, timeout: Duration) async -> (status: Int32?, elapsed: Duration?) {
        let exited = NSLock()
        nonisolated(unsafe) var elapsed: Duration?
        let ready = DispatchSemaphore(value: 0)
        let measured = DispatchSemaphore(value: 0)
        let pid = self.pid
        let start = ContinuousClock.now
        Thread.detachNewThread {
            ready.signal()
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
            exited.lock()
            elapsed = ContinuousClock.now - start
            exited.unlock()
            measured.signal()
        }
        ready.wait()
        kill(pid, signal)
        let status = await waitForExit(timeout: timeout)
        // The watcher saw the exit first (WNOWAIT leaves the process to be reaped); on a loaded machine it may
        // not have stored its time yet when the reaping poll returns, so wait for it.
        if status != nil { _ = measured.wait(timeout: .now() + 10) }
        return (status, exited.withLock { elapsed })
    }

    /// The exit status if the process has ended (reaping it), else nil.
    public func poll() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return exitStatus
    }

    /// Waits up to `timeout` for the process to exit; returns its status, or nil if it is still running.
    public func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = poll() { return status }
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// What the process wrote so far.
    public var output: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    /// Kills the process if it still runs, and reaps it.
    public func stop() {
        if poll() == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            lock.lock()
            exitStatus = 128 + SIGKILL
            lock.unlock()
        }
    }
}

/// Connects to a Unix stream socket once (to make `systemd-socket-activate` start its command), retrying until
/// the socket exists.
public func connectOnce(toUnixSocket path: String, timeout: Duration = .seconds(5)) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            let bytes = Array(path.utf8.prefix(buffer.count - 1))
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        close(fd)
        if ok == 0 { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return false
}
