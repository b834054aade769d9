import DubanPluginProtocol
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// How a plugin process ended.
public enum PluginExit: Hashable, Sendable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    public var description: String {
        switch self {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "killed by signal \(signal)"
        }
    }
}

/// One running plugin child: spawned with `posix_spawn` in its own process group, its stdin a pipe the host
/// writes, its stdout framed into a ``LineMailbox``, its stderr framed into lines handed to a callback.
///
/// Reads and the wait for exit run on three dedicated threads doing blocking `read(2)`/`waitpid(2)`, never on
/// the cooperative pool (which has one thread per core here; blocking it would stall the daemon). Every signal
/// disposition is reset to default in the child (duband ignores SIGTERM and SIGPIPE to trap them; a plugin must
/// not inherit that); the pipes are close-on-exec, so only 0, 1 and 2 reach the child (duband opens its own
/// descriptors close-on-exec too).
///
/// Why not swift-subprocess: a plugin lives across many calls, outside any one task's scope, and the host writes
/// its stdin while it may die at any moment (the fault tests make it die mid-call). swift-subprocess 1.0.2 traps
/// when a child exits while its stdin writer is open ("FileDescriptor … was not closed",
/// swiftlang/swift-subprocess#367, open), which would take duband down with a crashing plugin, and it hung a full
/// test run on children it never saw exit (docs/ARCHITECTURE.md, "Processes"). Revisit when both are fixed.
final class PluginProcess: Sendable {
    let pid: pid_t
    let stdout: LineMailbox
    private let stdinFD: Mutex<Int32?>
    private let exitState = Mutex<ExitState>(ExitState())

    private struct ExitState {
        var status: PluginExit?
        var waiters: [(id: UInt64, continuation: CheckedContinuation<PluginExit?, Never>)] = []
    }

    struct SpawnError: Error, CustomStringConvertible {
        var errno: Int32
        var executable: String
        var description: String { "cannot start \(executable): \(String(cString: strerror(errno)))" }
    }

    /// Starts `executable`; `stderrLine` receives each stderr line (truncated lines flagged) on the reader thread;
    /// `onExit` runs once on the wait thread when the process has ended.
    init(
        executable: String, arguments: [String], environment: [String: String], maximumLineBytes: Int,
        stderrLineLimit: Int, stderrLine: @escaping @Sendable (String, Bool) -> Void,
        onExit: @escaping @Sendable (PluginExit) -> Void
    ) throws {
        var inPipe: [Int32] = [-1, -1]
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard PluginProcess.cloexecPipe(&inPipe) else { throw SpawnError(errno: errno, executable: executable) }
        guard PluginProcess.cloexecPipe(&outPipe) else {
            let code = errno
            close(inPipe[0]); close(inPipe[1])
            throw SpawnError(errno: code, executable: executable)
        }
        guard PluginProcess.cloexecPipe(&errPipe) else {
            let code = errno
            for fd in inPipe + outPipe { close(fd) }
            throw SpawnError(errno: code, executable: executable)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var spawned: pid_t = 0
        let argv = [executable] + arguments
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let status = PluginProcess.withCStrings(argv) { cArgv in
            PluginProcess.withCStrings(envp) { cEnv in posix_spawn(&spawned, executable, &actions, &attributes, cArgv, cEnv) }
        }
        close(inPipe[0])
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            throw SpawnError(errno: status, executable: executable)
        }
        let pid = spawned
        self.pid = pid
        self.stdinFD = Mutex(inPipe[1])
        let mailbox = LineMailbox()
        self.stdout = mailbox
        let outFD = outPipe[0]
        let errFD = errPipe[0]
        Thread.detachNewThread {
            var framer = LineFramer(maximumLineBytes: maximumLineBytes)
            PluginProcess.readLoop(outFD) { chunk in
                for item in framer.append(chunk) { mailbox.push(item) }
            }
            if let last = framer.finish() { mailbox.push(last) }
            close(outFD)
            mailbox.end()
        }
        Thread.detachNewThread {
            var framer = LineFramer(maximumLineBytes: stderrLineLimit)
            func deliver(_ item: LineFramer.Item) {
                switch item {
                case .line(let bytes): stderrLine(String(decoding: bytes, as: UTF8.self), false)
                case .oversized(let prefix): stderrLine(String(decoding: prefix, as: UTF8.self), true)
                }
            }
            PluginProcess.readLoop(errFD) { chunk in
                for item in framer.append(chunk) { deliver(item) }
            }
            if let last = framer.finish() { deliver(last) }
            close(errFD)
        }
        Thread.detachNewThread { [self] in
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 {
                if errno != EINTR {
                    raw = 0
                    break
                }
            }
            let exit: PluginExit = (raw & 0x7f) == 0 ? .exited((raw >> 8) & 0xff) : .signaled(raw & 0x7f)
            let waiters = exitState.withLock { state in
                state.status = exit
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.continuation.resume(returning: exit) }
            onExit(exit)
        }
    }

    /// How the process ended, once it has.
    var exit: PluginExit? { exitState.withLock { $0.status } }

    /// Writes `data` to the plugin's stdin on a separate thread (a plugin that does not read cannot block the
    /// host; the write fails once the process is killed). False when the pipe is closed or broken.
    func write(_ data: Data) async -> Bool {
        guard let fd = stdinFD.withLock({ $0 }) else { return false }
        // Most lines are small: when the pipe has room (POLLOUT on a pipe means at least PIPE_BUF bytes free) a
        // write of at most PIPE_BUF bytes completes at once and whole, so it is done here, without a thread.
        if !data.isEmpty, data.count <= Int(PIPE_BUF) {
            var probe = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            if poll(&probe, 1, 0) == 1, probe.revents & Int16(POLLOUT) != 0, probe.revents & Int16(POLLERR) == 0 {
                let n = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
                if n == data.count { return true }
                if n < 0, errno != EINTR { return false }
                // A short write (not expected for a pipe): the rest on the thread. Interrupted before anything went
                // out: all of it on the thread.
                if n > 0 { return await writeOnThread(fd, data.subdata(in: n..<data.count)) }
            }
        }
        return await writeOnThread(fd, data)
    }

    /// Writes `data` whole on a thread of its own (a full pipe blocks it, not the caller's executor).
    private func writeOnThread(_ fd: Int32, _ data: Data) async -> Bool {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let ok = data.withUnsafeBytes { buffer -> Bool in
                    var offset = 0
                    while offset < buffer.count {
                        let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                        if n > 0 {
                            offset += n
                        } else if n < 0 && errno == EINTR {
                            continue
                        } else {
                            return false
                        }
                    }
                    return true
                }
                continuation.resume(returning: ok)
            }
        }
    }

    /// Closes stdin (the plugin sees end of file).
    func closeStdin() {
        if let fd = stdinFD.withLock({ value -> Int32? in
            defer { value = nil }
            return value
        }) {
            close(fd)
        }
    }

    /// Sends `signal` to the plugin's whole process group (children it started included).
    func signal(_ signal: Int32) {
        guard exit == nil else { return }
        _ = kill(-pid, signal)
        _ = kill(pid, signal)
    }

    /// Waits at most `timeout` seconds for the process to end.
    func waitForExit(timeout: Double) async -> PluginExit? {
        await withCheckedContinuation { (continuation: CheckedContinuation<PluginExit?, Never>) in
            let id = UInt64.random(in: 0...UInt64.max)
            let done = exitState.withLock { state -> PluginExit? in
                if let status = state.status { return status }
                state.waiters.append((id, continuation))
                return nil
            }
            if let done {
                continuation.resume(returning: done)
                return
            }
            Task { [self] in
                try? await Task.sleep(for: .milliseconds(Int64(max(0, timeout) * 1000)))
                let waiter = exitState.withLock { state -> CheckedContinuation<PluginExit?, Never>? in
                    guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.waiters.remove(at: index).continuation
                }
                waiter?.resume(returning: nil)
            }
        }
    }

    /// SIGTERM to the group, `grace` seconds, then SIGKILL; returns once the process has ended (or after 5 more
    /// seconds, if even SIGKILL is not reaped).
    func terminate(grace: Double) async -> PluginExit? {
        closeStdin()
        if let exit { return exit }
        signal(SIGTERM)
        if let exit = await waitForExit(timeout: grace) { return exit }
        signal(SIGKILL)
        return await waitForExit(timeout: 5)
    }

    /// A pipe whose ends are close-on-exec (pipe2 is not visible to Swift without _GNU_SOURCE). Other threads
    /// spawning in between could inherit an end; duband's only spawner is this host, one start at a time per plugin.
    static func cloexecPipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    static func readLoop(_ fd: Int32, _ body: (UnsafeRawBufferPointer) -> Void) {
        let size = 65_536
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, size)
            if n > 0 {
                body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
