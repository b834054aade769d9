public import Foundation

/// A command a plugin runs for each item (a sendmail program, a probe): started with `posix_spawnp`, fed its
/// standard input, its output captured, waited for with a deadline.
///
/// Foundation's `Process` is avoided: its exit monitoring can hang on Linux while other children come and go.
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

    /// Runs the command with `input` on its standard input and waits at most `timeout`.
    /// - Throws: ``ChildCommandError`` when the program cannot be started (not found, not executable).
    public func run(input: Data = Data(), timeout: Duration = .seconds(30)) throws(ChildCommandError) -> Outcome {
        signal(SIGPIPE, SIG_IGN)
        var inPipe: [Int32] = [-1, -1]
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw ChildCommandError(message: "无法创建管道 / cannot create pipes: \(String(cString: strerror(errno)))")
        }
        for fd in [inPipe[1], outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var pid: pid_t = 0
        let spawned = Self.withCStrings(arguments) { argv in
            Self.withCStrings(ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }) { envp in
                posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
            }
        }
        close(inPipe[0])
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            [inPipe[1], outPipe[0], errPipe[0]].forEach { close($0) }
            throw ChildCommandError(
                message: "无法启动 \(arguments[0]):\(String(cString: strerror(spawned))) / cannot start \(arguments[0])"
            )
        }
        let deadline = ContinuousClock.now + timeout
        var (stdout, stderr, timedOut) = Self.exchange(
            pid: pid,
            input: input,
            stdin: inPipe[1],
            stdout: outPipe[0],
            stderr: errPipe[0],
            timeout: timeout
        )
        // A child that closed its output may still run (or have left a grandchild holding nothing): wait for it
        // until the same deadline, then kill it.
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, timedOut ? 0 : WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            if reaped == 0 {
                if ContinuousClock.now >= deadline {
                    kill(pid, SIGKILL)
                    timedOut = true
                } else {
                    usleep(2_000)
                }
            }
        }
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: code, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    /// Writes `input` and reads both outputs with `poll` until both close or the deadline passes (then the child
    /// is killed). Closes the three descriptors.
    static func exchange(
        pid: pid_t,
        input: Data,
        stdin: Int32,
        stdout: Int32,
        stderr: Int32,
        timeout: Duration
    ) -> (Data, Data, Bool) {
        let deadline = ContinuousClock.now + timeout
        var inFD = stdin
        var outFD = stdout
        var errFD = stderr
        for fd in [inFD, outFD, errFD] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var written = 0
        var out = Data()
        var err = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let bytes = [UInt8](input)
        if bytes.isEmpty {
            close(inFD)
            inFD = -1
        }
        var timedOut = false
        while outFD >= 0 || errFD >= 0 {
            let left = deadline - ContinuousClock.now
            if left <= .zero {
                kill(pid, SIGKILL)
                timedOut = true
                break
            }
            let (seconds, attoseconds) = left.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var fds = [
                pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0),
                pollfd(fd: outFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errFD, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if inFD >= 0, fds[0].revents != 0 {
                let n = bytes.withUnsafeBytes { write(inFD, $0.baseAddress! + written, bytes.count - written) }
                if n > 0 { written += n }
                // Done, or the child closed its input (EPIPE): either way no more to write.
                if written == bytes.count || (n < 0 && errno != EAGAIN && errno != EINTR) {
                    close(inFD)
                    inFD = -1
                }
            }
            for (index, target) in [(1, 0), (2, 1)] where fds[index].fd >= 0 && fds[index].revents != 0 {
                let fd = fds[index].fd
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if target == 0 {
                        out.append(contentsOf: buffer[0..<n])
                    } else {
                        err.append(contentsOf: buffer[0..<n])
                    }
                } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                    close(fd)
                    if target == 0 { outFD = -1 } else { errFD = -1 }
                }
            }
        }
        for fd in [inFD, outFD, errFD] where fd >= 0 { close(fd) }
        return (out, err, timedOut)
    }

    static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
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
