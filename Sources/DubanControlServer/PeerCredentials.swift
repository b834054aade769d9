#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The process on the other end of a Unix socket connection, as the kernel reports it (SO_PEERCRED): taken when
/// the connection is accepted, so it cannot be forged by what the client sends.
public struct PeerCredentials: Hashable, Sendable {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// The value `getsockopt(SO_PEERCRED)` fills: Linux's `struct ucred` (pid, uid, gid; 12 bytes, no padding).
    struct Raw: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// `SO_PEERCRED` on Linux.
    static let option: Int32 = {
        #if os(Linux)
        return Int32(SO_PEERCRED)
        #else
        return 0
        #endif
    }()
}
