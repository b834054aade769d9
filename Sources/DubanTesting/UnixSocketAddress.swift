#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Small helpers over `sockaddr_un` for the test harnesses (journald, `NOTIFY_SOCKET`, control sockets).
public enum UnixSocketAddress {
    /// Calls `body` with a `sockaddr_un` for `path` and its length, or returns `nil` if the path is too long.
    static func withAddress<R>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }

    /// Whether a process is bound to the socket at `path`: a `connect(2)` of the given type succeeds.
    /// A socket file left behind by a dead process fails with `ECONNREFUSED`.
    /// - Parameters:
    ///   - path: the socket file.
    ///   - datagram: `SOCK_DGRAM` (journald, `NOTIFY_SOCKET`) rather than `SOCK_STREAM`.
    public static func isListening(_ path: String, datagram: Bool) -> Bool {
        let type = datagram ? Int32(SOCK_DGRAM.rawValue) : Int32(SOCK_STREAM.rawValue)
        let fd = socket(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return withAddress(path) { connect(fd, $0, $1) } == 0
    }

    /// Connects a stream socket to `path`.
    /// - Returns: the connected descriptor (the caller closes it), or `nil` with `errno` set.
    public static func connectStream(_ path: String) -> Int32? {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        if withAddress(path, { connect(fd, $0, $1) }) == 0 { return fd }
        close(fd)
        return nil
    }
}
