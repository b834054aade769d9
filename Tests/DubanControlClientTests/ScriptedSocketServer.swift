import DubanTesting
import Foundation

/// A real Unix-socket server that answers each connection with scripted bytes, for what `ControlServer` never
/// sends: chunked bodies, bodies delimited by closing, dropped connections, slow answers.
/// Runs its accept loop on its own thread (never on the cooperative pool).
final class ScriptedSocketServer: @unchecked Sendable {
    /// A request as received: its head lines and body.
    struct Received: Sendable {
        var requestLine: String
        var headers: [String: String]
        var body: Data
    }

    enum Action: Sendable {
        /// Writes these bytes, then closes.
        case respond(Data)
        /// Closes without answering (after reading the request).
        case drop
        /// Writes the pieces with a pause between them, then closes.
        case trickle([Data], pause: Duration)
    }

    let path: String
    private let listener: Int32
    private let lock = NSLock()
    private var received: [Received] = []
    private let script: @Sendable (Int, Received) -> Action

    init(path: String, script: @escaping @Sendable (Int, Received) -> Action) throws {
        self.path = path
        self.script = script
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var requests: [Received] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Stops accepting: `shutdown` wakes the blocked `accept`, and the accept thread closes the descriptor as it
    /// ends (closing it here could hand its number to another test's socket while `accept` still uses it).
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            guard let request = readRequest(fd) else {
                close(fd)
                continue
            }
            lock.lock()
            received.append(request)
            let index = received.count - 1
            lock.unlock()
            switch script(index, request) {
            case .respond(let data):
                writeAll(fd, data)
            case .drop:
                break
            case .trickle(let pieces, let pause):
                for piece in pieces {
                    writeAll(fd, piece)
                    Thread.sleep(
                        forTimeInterval: Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18
                    )
                }
            }
            close(fd)
        }
    }

    private func readRequest(_ fd: Int32) -> Received? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.range(of: Data("\r\n\r\n".utf8)) == nil {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return nil }
            data.append(buffer, count: n)
        }
        let split = data.range(of: Data("\r\n\r\n".utf8))!
        let lines = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces
            )
        }
        var body = Data(data[split.upperBound...])
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        while body.count < length {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return nil }
            body.append(buffer, count: n)
        }
        return Received(requestLine: lines.first ?? "", headers: headers, body: body)
    }

    private func writeAll(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
