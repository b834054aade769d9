import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `connect(2)`, named apart from ``HTTPConnection/connect(to:timeout:)``.
private func posixConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    #if canImport(Glibc)
        Glibc.connect(fd, address, length)
    #else
        Darwin.connect(fd, address, length)
    #endif
}

/// One blocking HTTP/1.1 connection on a Unix stream socket, with a read buffer.
///
/// dubanctl runs one command and exits, so plain blocking system calls are the simplest correct transport: no
/// event loop to start or shut down, and `watch` reads its event stream line by line from the same buffer.
/// Reads and writes retry on EINTR; a receive timeout (`SO_RCVTIMEO`) bounds every wait for the daemon.
final class HTTPConnection {
    /// What went wrong on the wire.
    enum Failure: Error {
        /// `connect` failed with `errno`.
        case connect(Int32)
        /// The socket path does not fit in `sockaddr_un`.
        case pathTooLong
        /// The peer closed or reset the connection before the answer was complete.
        case lost(String)
        /// No byte arrived within the receive timeout.
        case timedOut
        /// The bytes were not an HTTP/1.1 response.
        case malformed(String)
    }

    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    /// Wraps a connected descriptor (a `socketpair` end in tests); the connection closes it.
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Connects to the Unix socket at `path`. A `timeout` of nil waits for ever (event streams).
    static func connect(to path: String, timeout: Duration?) throws(Failure) -> HTTPConnection {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw .pathTooLong }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw .connect(errno) }
        let connection = HTTPConnection(descriptor: fd)
        if let timeout {
            var tv = timeval(
                tv_sec: Int(timeout.components.seconds),
                tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000)
            )
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        }
        var result: Int32
        repeat {
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    posixConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
        } while result != 0 && errno == EINTR
        guard result == 0 else { throw .connect(errno) }
        return connection
    }

    // MARK: Writing

    /// Writes all of `data`.
    func write(_ data: Data) throws(Failure) {
        var failure: Failure?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    failure = .timedOut
                    return
                } else {
                    failure = .lost(n < 0 ? String(cString: strerror(errno)) : "write returned 0")
                    return
                }
            }
        }
        if let failure { throw failure }
    }

    // MARK: Reading

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill() throws(Failure) -> Bool {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                return true
            }
            if n == 0 { return false }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: throw .timedOut
            default: throw .lost(String(cString: strerror(errno)))
            }
        }
    }

    /// Reads up to and including the next `\r\n` (or `\n`), returning the line without it; nil at a clean end of
    /// stream with nothing buffered.
    func readLine(limit: Int = 1 << 20) throws(Failure) -> String? {
        // Offset from `start` already searched: `fill()` may compact the buffer and move `start`.
        var searched = 0
        while true {
            if let newline = buffer[(start + searched)...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                return line
            }
            searched = buffer.count - start
            guard buffer.count - start < limit else { throw .malformed("line longer than \(limit) bytes") }
            guard try fill() else {
                if start == buffer.count { return nil }
                throw .lost("connection closed in the middle of a line")
            }
        }
    }

    /// Reads exactly `count` bytes.
    func read(exactly count: Int) throws(Failure) -> Data {
        while buffer.count - start < count {
            guard try fill() else {
                throw .lost("connection closed after \(buffer.count - start) of \(count) body bytes")
            }
        }
        let data = Data(buffer[start..<(start + count)])
        start += count
        return data
    }

    /// Reads whatever is buffered or arrives next; nil at end of stream.
    func readAvailable() throws(Failure) -> Data? {
        if start == buffer.count {
            guard try fill() else { return nil }
        }
        let data = Data(buffer[start...])
        start = buffer.count
        return data
    }

    /// Reads a response head (status line and headers up to the blank line), skipping interim 1xx responses.
    func readHead() throws(Failure) -> HTTPResponseHead {
        while true {
            guard let statusLine = try readLine() else { throw .lost("connection closed before any answer") }
            var lines = [statusLine]
            while true {
                guard let line = try readLine() else { throw .lost("connection closed inside the response head") }
                if line.isEmpty { break }
                lines.append(line)
                guard lines.count < 200 else { throw .malformed("too many header lines") }
            }
            guard let head = HTTPResponseHead.parse(lines.joined(separator: "\r\n")) else {
                throw .malformed("not an HTTP/1.1 response: \(statusLine.prefix(80))")
            }
            if head.status / 100 == 1 && head.status != 101 { continue }
            return head
        }
    }

    /// Reads a body framed as `framing`, handing each piece to `onData` as it arrives; `onData` returns false to
    /// stop early (the connection is then unusable).
    func readBody(_ framing: HTTPResponseHead.Framing, onData: (Data) throws -> Bool) throws {
        switch framing {
        case .length(let count):
            var left = count
            while left > 0 {
                guard let data = try readAvailable() else {
                    throw Failure.lost("connection closed with \(left) body bytes missing")
                }
                let piece = data.count > left ? data.prefix(left) : data
                if data.count > left { pushBack(data.dropFirst(left)) }
                left -= piece.count
                guard try onData(piece) else { return }
            }
        case .chunked:
            while true {
                guard let sizeLine = try readLine() else { throw Failure.lost("connection closed before a chunk") }
                let hex =
                    sizeLine.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) }
                    ?? ""
                guard let size = Int(hex, radix: 16), size >= 0 else {
                    throw Failure.malformed("bad chunk size `\(sizeLine.prefix(40))`")
                }
                if size == 0 {
                    // Trailer fields, then the blank line.
                    while let line = try readLine(), !line.isEmpty {}
                    return
                }
                let data = try read(exactly: size)
                guard try readLine() == "" else { throw Failure.malformed("chunk not followed by CRLF") }
                guard try onData(data) else { return }
            }
        case .untilClose:
            while let data = try readAvailable() {
                guard try onData(data) else { return }
            }
        }
    }

    /// Reads a whole body into memory (bounded by `limit`).
    func readBody(_ framing: HTTPResponseHead.Framing, limit: Int = 64 << 20) throws -> Data {
        var body = Data()
        try readBody(framing) { piece in
            body.append(piece)
            guard body.count <= limit else { throw Failure.malformed("body larger than \(limit) bytes") }
            return true
        }
        return body
    }

    private func pushBack(_ data: Data) {
        buffer.replaceSubrange(start..<start, with: data)
    }
}
