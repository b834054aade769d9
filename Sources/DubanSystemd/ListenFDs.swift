import CSystemd
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Sockets passed in by systemd socket activation (`duban.socket`).
///
/// systemd (or `systemd-socket-activate`) hands sockets over as descriptors starting at fd 3
/// (`SD_LISTEN_FDS_START`), in the order of the socket unit's `Listen*=` lines, and says so with
/// `LISTEN_FDS=<count>` and `LISTEN_PID=<our pid>` (plus `LISTEN_FDNAMES`). duband's `duban.socket` has one
/// `ListenStream=`, so a socket-activated duband finds its bound, listening control socket at fd 3 and must not
/// bind the path itself; without activation it binds the path from its configuration.
public enum ListenFDs {
    /// The first passed descriptor, `SD_LISTEN_FDS_START` (3).
    public static let firstDescriptor: Int32 = Int32(SD_LISTEN_FDS_START)

    /// Takes the passed listening sockets, once.
    ///
    /// Calls `sd_listen_fds(1)`, which checks `LISTEN_PID` against our pid, marks the descriptors close-on-exec
    /// (plugin children never inherit them) and unsets `LISTEN_FDS`, `LISTEN_PID` and `LISTEN_FDNAMES`, so a
    /// second call, or a child process, sees none. Each descriptor is then checked with `sd_is_socket_unix` for
    /// a listening `AF_UNIX` stream socket; any other descriptor is closed and left out, with a warning.
    ///
    /// - Parameter logger: where to report a malformed environment or a rejected descriptor; `nil` stays silent.
    /// - Returns: the listening Unix stream sockets (usually `[3]`), or `[]` when the process was not
    ///   socket-activated, `LISTEN_PID` names another process, or the variables are malformed.
    public static func take(logger: Logger? = nil) -> [Int32] {
        let count = sd_listen_fds(1)
        if count < 0 {
            logger?.warning(
                "LISTEN_FDS 无效，改为自行绑定套接字 · invalid LISTEN_FDS, binding the socket instead",
                metadata: ["errno": "\(-count)"]
            )
            return []
        }
        var taken: [Int32] = []
        for fd in firstDescriptor..<(firstDescriptor + count) {
            if sd_is_socket_unix(fd, Int32(SOCK_STREAM.rawValue), 1, nil, 0) > 0 {
                taken.append(fd)
            } else {
                logger?.warning(
                    "传入的描述符不是监听中的 Unix 流套接字，已关闭 · passed descriptor is not a listening Unix stream socket; closed",
                    metadata: ["fd": "\(fd)"]
                )
                close(fd)
            }
        }
        return taken
    }
}
