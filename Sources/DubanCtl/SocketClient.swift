import Foundation

/// A minimal HTTP/1.1 client over the daemon's Unix control socket (one request per connection).
/// Issue 4 replaces it with the full control client.
struct SocketClient {
    struct Response {
        var status: Int
        var body: Data
    }

    struct Unreachable: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    let path: String

    func request(_ method: String, _ target: String, body: Data? = nil, timeout: Int32 = 30) throws -> Response {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Unreachable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw Unreachable(path: path, reason: "path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else { throw Unreachable(path: path, reason: String(cString: strerror(errno))) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: duban\r\nConnection: close\r\n"
        if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        head += "\r\n"
        var out = Data(head.utf8)
        if let body { out.append(body) }
        try out.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; throw Unreachable(path: path, reason: String(cString: strerror(errno))) }
                offset += n
            }
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n > 0 { data.append(buffer, count: n) } else if n == 0 { break } else if errno != EINTR { break }
        }
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw Unreachable(path: path, reason: "no HTTP response") }
        let statusLine = String(decoding: data[..<split.lowerBound], as: UTF8.self).split(separator: "\r\n").first ?? ""
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return Response(status: status, body: Data(data[split.upperBound...]))
    }
}
