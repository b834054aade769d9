public import Foundation
import Subprocess
import Synchronization

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// A command a plugin runs for each item (a sendmail program, a probe): started through swift-subprocess in a
/// process group of its own, fed its standard input (from an anonymous file), its output captured, waited for
/// with a deadline.
public struct ChildCommand: Hashable, Sendable {
    /// What a finished (or stopped) command left behind.
    public struct Outcome: Hashable, Sendable {
        /// The exit status, or 128 + the signal number.
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
        /// True when the deadline passed and the command was killed.
        public var timedOut: Bool

        /// Whether the command exited 0 in time.
        public var succeeded: Bool { status == 0 && !timedOut }

        /// The last 500 characters of standard error, trimmed, for an error message.
        public var stderrExcerpt: String {
            let text = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.count > 500 ? "…" + text.suffix(500) : text
        }
    }

    /// Program and arguments; the program is looked up in `PATH` when it has no slash.
    public var arguments: [String]

    public init(arguments: [String]) {
        self.arguments = arguments
    }

    /// A command written as one string, split into words as a shell would for plain words and `'…'`/`"…"`
    /// quoting (no expansions): `msmtp -a relay -t` or `/usr/sbin/sendmail -t -i`.
    /// - Throws: ``ChildCommandError`` for an empty command or an unclosed quote.
    public init(parsing text: String) throws(ChildCommandError) {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    current.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "\\" {
                escaped = true
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        guard quote == nil, !escaped else {
            throw ChildCommandError(message: "命令中的引号未闭合:\(text) / unclosed quote in command: \(text)")
        }
        if inWord { words.append(current) }
        guard !words.isEmpty else { throw ChildCommandError(message: "命令为空 / empty command") }
        self.arguments = words
    }

    /// The most output kept of each stream; a command that writes more is stopped and reported.
    public static let outputLimit = 4 << 20

    /// Runs the command with `input` on its standard input and waits at most `timeout`; the command runs in a
    /// process group of its own (so a signal aimed at the plugin never reaches it) and, past the deadline, its group
    /// gets SIGTERM and SIGKILL a second later. Standard output and error are kept up to ``outputLimit`` bytes each.
    ///
    /// The deadline is a dispatch timer, not a task: it fires on time even when Swift's cooperative pool is busy.
    /// - Throws: ``ChildCommandError`` when the program cannot be started (not found, not executable) or writes
    ///   more than ``outputLimit``.
    public func run(input: Data = Data(), timeout: Duration = .seconds(30)) async throws(ChildCommandError) -> Outcome {
        // A child that exits without reading its input must not kill the plugin with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let executable: Executable = arguments[0].contains("/") ? .path(FilePath(arguments[0])) : .name(arguments[0])
        var options = PlatformOptions()
        options.processGroupID = 0
        // The input goes in through an anonymous file, not a pipe swift-subprocess writes: in 1.0.2 a child that
        // exits before reading all of its input makes the library trap ("FileDescriptor … was not closed",
        // swiftlang/swift-subprocess#367), which would take the plugin down with it.
        let stdin = try Self.anonymousFile(holding: input)
        defer { close(stdin) }  // ours throughout: the child has its own copy as fd 0
        let deadline = DeadlineKiller(after: timeout)
        defer { deadline.cancel() }
        let execution: ExecutionResult<Void, BytesOutput, BytesOutput>
        do {
            execution = try await Subprocess.run(
                executable,
                arguments: Arguments(Array(arguments.dropFirst())),
                platformOptions: options,
                input: .fileDescriptor(FileDescriptor(rawValue: stdin), closeAfterSpawningProcess: false),
                output: .bytes(limit: Self.outputLimit),
                error: .bytes(limit: Self.outputLimit)
            ) { execution in
                deadline.arm(processGroup: execution.processIdentifier.value)
            }
        } catch {
            if deadline.fired {
                return Outcome(status: 128 + SIGKILL, stdout: Data(), stderr: Data(), timedOut: true)
            }
            throw ChildCommandError(message: "无法运行 \(arguments[0]):\(error) / cannot run \(arguments[0]): \(error)")
        }
        let status: Int32
        switch execution.terminationStatus {
        case .exited(let code): status = code
        case .signaled(let signal): status = 128 + signal
        }
        return Outcome(
            status: status,
            stdout: Data(execution.standardOutput),
            stderr: Data(execution.standardError),
            timedOut: deadline.fired
        )
    }

    /// A file with no name left (mode 0600, unlinked as soon as it is made) holding `data`, positioned at its
    /// start: the child reads its input from it. Nothing is left on disk whatever happens.
    static func anonymousFile(holding data: Data) throws(ChildCommandError) -> Int32 {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        // mkstemp (mode 0600) and unlink at once: the name lives for a moment only, the file until it is closed.
        var template = Array((directory + "/duban-input-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd >= 0 {
            unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        guard fd >= 0 else {
            throw ChildCommandError(
                message: "无法创建临时输入文件 / cannot create the input file in \(directory): \(String(cString: strerror(errno)))")
        }
        var written = 0
        let bytes = [UInt8](data)
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                throw ChildCommandError(message: "无法写入临时输入文件 / cannot write the input file: \(reason)")
            }
            written += n
        }
        lseek(fd, 0, SEEK_SET)
        return fd
    }

    /// ``run(input:timeout:)`` for a caller outside Swift concurrency (a plugin's request loop on its main thread):
    /// blocks the calling thread until the command ends. Never call it from a task, whose thread it would hold.
    public func runBlocking(input: Data = Data(), timeout: Duration = .seconds(30)) throws(ChildCommandError)
        -> Outcome
    {
        let box = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        let command = self
        Task {
            do throws(ChildCommandError) {
                box.result = .success(try await command.run(input: input, timeout: timeout))
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        switch box.result {
        case .success(let outcome)?: return outcome
        case .failure(let error)?: throw error
        case nil: throw ChildCommandError(message: "命令未返回 / the command did not return")
        }
    }
}

/// A command's deadline on a dispatch timer (never the cooperative pool, which busy tests or plugins may hold):
/// when it fires, SIGTERM to the command's process group, SIGKILL a second later if it is still there.
private final class DeadlineKiller: @unchecked Sendable {  // the timer is thread-safe; the rest is behind the mutex
    private struct State {
        var group: pid_t?
        var fired = false
        var done = false
    }

    private let state = Mutex(State())
    private let timer: any DispatchSourceTimer

    init(after timeout: Duration) {
        timer = DispatchSource.makeTimerSource(queue: .global())
        let (seconds, attoseconds) = timeout.components
        timer.schedule(deadline: .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)))
        timer.setEventHandler { [self] in fire() }
        timer.resume()
    }

    /// Whether the deadline passed before the command ended.
    var fired: Bool { state.withLock { $0.fired } }

    /// The command runs as process group `group`; if the deadline already passed, it is stopped now.
    func arm(processGroup group: pid_t) {
        let late = state.withLock { state -> Bool in
            state.group = group
            return state.fired
        }
        if late { Self.stop(group) }
    }

    /// The command ended: nothing more to stop.
    func cancel() {
        state.withLock { $0.done = true }
        timer.cancel()
    }

    private func fire() {
        let group = state.withLock { state -> pid_t? in
            guard !state.done else { return nil }
            state.fired = true
            return state.group
        }
        if let group { Self.stop(group) }
    }

    /// SIGTERM to the group now, SIGKILL a second later.
    private static func stop(_ group: pid_t) {
        kill(-group, SIGTERM)
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { kill(-group, SIGKILL) }
    }
}

/// Carries a blocking run's result from its task to the waiting thread (the semaphore orders the accesses).
private final class OutcomeBox: @unchecked Sendable {
    var result: Result<ChildCommand.Outcome, ChildCommandError>?
}

/// A command could not be parsed or started.
public struct ChildCommandError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `中文 / English`.
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
