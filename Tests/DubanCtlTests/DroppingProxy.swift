import DubanTesting
import Foundation

/// A Unix-socket proxy in front of duband that forwards each request whole and, for the first `drops` connections,
/// throws the daemon's answer away and closes on the client: the change was applied, the client never heard.
/// Runs on its own thread.
final class DroppingProxy: @unchecked Sendable {
    let path: String
    private let target: String
    private let listener: Int32
    private let lock = NSLock()
    private var drops: Int
    private var keys: [String] = []

    init(path: String, target: String, drops: Int) throws {
        self.path = path
        self.target = target
        self.drops = drops
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard Self.withAddress(path, { bind(listener, $0, $1) }) == 0, listen(listener, 8) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
        Thread { [self] in acceptLoop() }.start()
    }

    /// The `Idempotency-Key` of every request seen, in order.
    var idempotencyKeys: [String] {
        lock.withLock { keys }
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            defer { close(client) }
            guard let request = Self.readRequest(client) else { continue }
            let head = String(decoding: request.prefix(4096), as: UTF8.self)
            let key = head.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("idempotency-key:") }
            let drop: Bool = lock.withLock {
                keys.append(
                    key.map { String($0.dropFirst("idempotency-key:".count)).trimmingCharacters(in: .whitespaces) }
                        ?? ""
                )
                if drops > 0 {
                    drops -= 1
                    return true
                }
                return false
            }
            guard let upstream = UnixSocketAddress.connectStream(target) else { continue }
            Self.writeAll(upstream, request)
            let answer = ProcessRunner.readAll(upstream)  // the client asked for `Connection: close`
            close(upstream)
            if !drop { Self.writeAll(client, answer) }
        }
    }

    /// Reads a request head and its `Content-Length` body.
    static func readRequest(_ fd: Int32) -> Data? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let split = data.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).lowercased()
                let length =
                    head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if data.count - split.upperBound >= length { return data }
            }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return nil }
            data.append(buffer, count: n)
        }
    }

    static func writeAll(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                offset += n
            }
        }
    }

    static func withAddress(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
