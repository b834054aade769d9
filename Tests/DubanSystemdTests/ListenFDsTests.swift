import DubanTesting
import Foundation
import Testing

@testable import DubanSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// `ListenFDs` under the real `systemd-socket-activate`: it binds a Unix socket (and a TCP one, which `take()`
/// must refuse and close), execs a child run of this test binary when the test connects, and the child accepts
/// the test's connection on fd 3 and answers through it.
@Suite struct ListenFDsTests {
    @Test(.enabled(if: try Requirement.met(SystemCommand.socketActivate != nil, "systemd-socket-activate is not installed")))
    func takesTheActivatedUnixSocket() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let socketPath = directory.url.appendingPathComponent("control.sock").path
        // systemd-socket-activate refuses port 0: take a free loopback port and pass it on.
        let port = try #require(Self.freeLoopbackPort())
        var reply = ""
        let child = try ChildRun.run(
            test: "listenFDsChild",
            role: "listen-fds",
            directory: directory,
            wrapper: [
                SystemCommand.socketActivate!, "-l", socketPath, "-l", "127.0.0.1:\(port)",
                "-E", ChildTestProcess.roleVariable, "-E", ChildTestProcess.outputVariable, "-E", "PATH",
            ]
        ) {
            // systemd-socket-activate execs the child only once a client connects: be that client.
            var fd: Int32?
            let deadline = ContinuousClock.now + .seconds(10)
            while fd == nil, ContinuousClock.now < deadline {
                fd = UnixSocketAddress.connectStream(socketPath)
                if fd == nil { usleep(20_000) }
            }
            guard let fd else { return }
            defer { close(fd) }
            var timeout = timeval(tv_sec: 20, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 { reply = String(decoding: buffer[..<count], as: UTF8.self) }
        }
        #expect(child.status == 0, "child failed:\n\(child.output)")
        #expect(child.report["listen_fds_before"] == "2", "systemd-socket-activate passed two sockets")
        #expect(child.report["fds"] == "3", "the Unix socket at fd 3; the TCP one refused")
        #expect(child.report["fd4_open"] == "false", "the refused TCP socket was closed")
        #expect(child.report["second_take"] == "0", "sockets are taken once")
        #expect(child.report["listen_fds_after"] == "unset")
        #expect(child.report["listen_pid_after"] == "unset")
        #expect(child.report["cloexec"] == "true")
        #expect(child.report["accepted"] == "true")
        #expect(reply == "已连接 fd 3\n")
    }

    @Test func socketsMeantForAnotherProcessAreIgnored() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let child = try ChildRun.run(
            test: "listenFDsForAnotherProcessChild",
            role: "listen-fds-other-pid",
            directory: directory,
            environment: ["LISTEN_FDS": "1", "LISTEN_PID": "1"]
        )
        #expect(child.status == 0, "child failed:\n\(child.output)")
        #expect(child.report["fds"] == "")
        #expect(child.report["listen_fds_after"] == "unset")
    }

    @Test(.enabled(if: getenv("LISTEN_FDS") == nil, "runs outside socket activation"))
    func withoutActivationNothingIsTaken() {
        #expect(ListenFDs.take().isEmpty)
        #expect(ListenFDs.firstDescriptor == 3)
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now (bound to port 0, read back, released).
    static func freeLoopbackPort() -> UInt16? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        return bound ? UInt16(bigEndian: address.sin_port) : nil
    }
}
