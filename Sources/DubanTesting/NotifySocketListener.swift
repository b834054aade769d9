#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A bound `AF_UNIX` datagram socket that stands in for systemd's `NOTIFY_SOCKET`: point a child's
/// `NOTIFY_SOCKET` at ``path`` and read what it sends (`READY=1\nSTATUS=…`), one datagram per message.
public final class NotifySocketListener: @unchecked Sendable {
    /// The socket file; pass it as `NOTIFY_SOCKET`.
    public let path: String
    private let fd: Int32

    /// Binds a datagram socket at `path` (removing a stale file first).
    /// - Throws: ``HarnessError`` if the socket cannot be created or bound.
    public init(path: String) throws {
        self.path = path
        unlink(path)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket(AF_UNIX, SOCK_DGRAM): errno \(errno)") }
        guard UnixSocketAddress.withAddress(path, { bind(fd, $0, $1) }) == 0 else {
            let code = errno
            close(fd)
            throw HarnessError("bind \(path): errno \(code)")
        }
        self.fd = fd
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// The next datagram, or `nil` if none arrives within `timeout`.
    public func receive(timeout: Duration = .seconds(5)) -> String? {
        var pollfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let (seconds, attoseconds) = timeout.components
        let millis = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        guard poll(&pollfd, 1, millis) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Every datagram waiting now, without waiting for more: what a service manager that reads promptly would
    /// have taken off the socket (its queue holds only `net.unix.max_dgram_qlen`, 10 by default, datagrams).
    public func drain() -> [String] {
        var messages: [String] = []
        while let message = receive(timeout: .zero) { messages.append(message) }
        return messages
    }

    /// Datagrams until one satisfies `done` (included) or `timeout` passes without one arriving.
    public func receive(until done: (String) -> Bool, timeout: Duration = .seconds(10)) -> [String] {
        var messages: [String] = []
        while let message = receive(timeout: timeout) {
            messages.append(message)
            if done(message) { break }
        }
        return messages
    }
}
