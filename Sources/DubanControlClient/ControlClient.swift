import DubanControlAPI
public import Foundation

/// The client of duband's control socket: HTTP/1.1 over a Unix stream socket, one request per connection.
///
/// Every method throws only ``ControlClientError``. A change carries an `Idempotency-Key` (generated, or the
/// caller's); when the connection drops before the whole answer arrives the request is sent once more with the
/// same key, so the daemon applies it at most once. A daemon that is not there is never retried: dubanctl
/// reports it at once (exit 69).
public struct ControlClient: Sendable {
    /// Limits of one call.
    public struct Configuration: Sendable {
        /// How long to wait for the daemon's answer (default 30 s).
        public var timeout: Duration = .seconds(30)
        /// Automatic retries after a dropped connection (default 1).
        public var retries: Int = 1

        public init() {}
    }

    /// Where duband listens unless configured otherwise.
    public static let defaultSocketPath = ControlAPI.defaultSocketPath
    /// The request header carrying a change's request id.
    public static let idempotencyHeader = ControlAPI.idempotencyKeyHeader

    public let socketPath: String
    public let configuration: Configuration

    public init(socketPath: String = ControlClient.defaultSocketPath, configuration: Configuration = .init()) {
        self.socketPath = socketPath
        self.configuration = configuration
    }

    /// A fresh request id for a change: a random UUID, lower-case.
    public static func newRequestID() -> String {
        UUID().uuidString.lowercased()
    }

    // MARK: Raw exchange

    /// Sends one request and returns the answer whatever its status.
    /// - Parameters:
    ///   - query: name/value pairs, percent-encoded here.
    ///   - idempotencyKey: sent as `Idempotency-Key` (and kept the same on the automatic retry).
    public func send(
        _ method: String,
        _ path: String,
        query: [(String, String)] = [],
        body: Data? = nil,
        idempotencyKey: String? = nil
    ) throws(ControlClientError) -> HTTPResponse {
        let request = encode(
            method,
            path,
            query: query,
            body: body,
            idempotencyKey: idempotencyKey,
            accept: "application/json"
        )
        return try withRetry { connection throws(HTTPConnection.Failure) in
            try connection.write(request)
            let head = try connection.readHead()
            let data: Data
            do {
                data = try connection.readBody(head.framing)
            } catch let failure as HTTPConnection.Failure {
                throw failure
            } catch {
                throw .malformed("\(error)")
            }
            return HTTPResponse(status: head.status, headers: head.headers, body: data)
        }
    }

    /// GETs `path` and decodes a 2xx body as `T`; any other status becomes a ``ControlClientError``.
    public func get<T: Decodable>(
        _ path: String,
        query: [(String, String)] = [],
        as type: T.Type = T.self
    ) throws(ControlClientError) -> T {
        try decode(T.self, from: try send("GET", path, query: query))
    }

    /// Sends a change (`POST` by default) with a JSON body and an `Idempotency-Key`, and decodes the answer.
    /// - Parameter requestID: the key to send; a new one when nil. A retry of the same change must pass the same.
    public func change<Body: Encodable, T: Decodable>(
        _ path: String,
        method: String = "POST",
        body: Body,
        requestID: String? = nil,
        as type: T.Type = T.self
    ) throws(ControlClientError) -> T {
        let data: Data
        do {
            data = try ControlClient.encoder.encode(body)
        } catch {
            throw ControlClientError(
                code: .badResponse,
                message: "无法编码请求:\(error) / cannot encode the request: \(error)",
                socketPath: socketPath
            )
        }
        let response = try send(method, path, body: data, idempotencyKey: requestID ?? ControlClient.newRequestID())
        return try decode(T.self, from: response)
    }

    /// Decodes a 2xx answer as `T`, or turns an error answer into a ``ControlClientError``.
    public func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse) throws(ControlClientError) -> T {
        guard (200..<300).contains(response.status) else { throw error(from: response) }
        do {
            return try ControlClient.decoder.decode(T.self, from: response.body)
        } catch {
            throw ControlClientError(
                code: .badResponse,
                status: response.status,
                message: "无法解读守护进程的回答:\(error) / cannot read the daemon's answer: \(error)",
                socketPath: socketPath
            )
        }
    }

    /// The error an unsuccessful answer stands for, with the daemon's `{"error": {"code", "message"}}`.
    public func error(from response: HTTPResponse) -> ControlClientError {
        let detail = try? JSONDecoder().decode(APIErrorBody.self, from: response.body).error
        return ControlClientError(
            code: response.status >= 500 ? .serverError : .rejected,
            status: response.status,
            serverCode: detail?.code ?? APIErrorCode(rawValue: "http-\(response.status)", status: response.status),
            message: detail?.message ?? String(decoding: response.body.prefix(500), as: UTF8.self),
            socketPath: socketPath
        )
    }

    // MARK: Event streams

    /// GETs an event stream (`text/event-stream`) and hands each event to `onEvent` until it returns false or the
    /// daemon ends the stream. Waits without a timeout; never retried (events may already have been handed out).
    public func events(
        _ path: String,
        query: [(String, String)] = [],
        onEvent: (ServerSentEvent) throws -> Bool
    ) throws {
        let request = encode("GET", path, query: query, body: nil, idempotencyKey: nil, accept: "text/event-stream")
        let connection = try connect(timeout: nil)
        do {
            try connection.write(request)
            let head = try connection.readHead()
            guard (200..<300).contains(head.status) else {
                let body = (try? connection.readBody(head.framing, limit: 1 << 20)) ?? Data()
                throw error(from: HTTPResponse(status: head.status, headers: head.headers, body: body))
            }
            var parser = ServerSentEventParser()
            var pending: [UInt8] = []
            try connection.readBody(head.framing) { data in
                pending.append(contentsOf: data)
                var lineStart = 0
                var keepGoing = true
                while keepGoing, let newline = pending[lineStart...].firstIndex(of: 0x0A) {
                    var end = newline
                    if end > lineStart && pending[end - 1] == 0x0D { end -= 1 }
                    let line = String(decoding: pending[lineStart..<end], as: UTF8.self)
                    lineStart = newline + 1
                    if let event = parser.feed(line) { keepGoing = try onEvent(event) }
                }
                pending.removeFirst(lineStart)
                return keepGoing
            }
        } catch let failure as HTTPConnection.Failure {
            throw clientError(failure)
        }
    }

    // MARK: Plumbing

    static let encoder = ControlAPI.makeEncoder()
    static let decoder = ControlAPI.makeDecoder()

    func encode(
        _ method: String,
        _ path: String,
        query: [(String, String)],
        body: Data?,
        idempotencyKey: String?,
        accept: String
    ) -> Data {
        var target = path
        if !query.isEmpty {
            target +=
                "?"
                + query.map { ControlClient.percentEncode($0.0) + "=" + ControlClient.percentEncode($0.1) }.joined(
                    separator: "&"
                )
        }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: duban\r\nUser-Agent: dubanctl\r\n"
        head += "Accept: \(accept)\r\nConnection: close\r\n"
        if let idempotencyKey { head += "\(ControlClient.idempotencyHeader): \(idempotencyKey)\r\n" }
        if let body {
            head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n"
        } else if method != "GET" && method != "HEAD" {
            head += "Content-Length: 0\r\n"
        }
        var data = Data((head + "\r\n").utf8)
        if let body { data.append(body) }
        return data
    }

    /// Percent-encodes a query name or value (unreserved characters stay; everything else, CJK included, is
    /// encoded as UTF-8 bytes).
    static func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128))
        )
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    func connect(timeout: Duration?) throws(ControlClientError) -> HTTPConnection {
        do {
            return try HTTPConnection.connect(to: socketPath, timeout: timeout)
        } catch {
            throw clientError(error)
        }
    }

    /// Runs `exchange` on a fresh connection; once more on a new connection when the first one dropped.
    func withRetry<T>(_ exchange: (HTTPConnection) throws(HTTPConnection.Failure) -> T) throws(ControlClientError) -> T
    {
        var attempt = 0
        while true {
            let connection = try connect(timeout: configuration.timeout)
            do {
                return try exchange(connection)
            } catch .lost(let reason) where attempt < configuration.retries {
                attempt += 1
                _ = reason
            } catch {
                throw clientError(error)
            }
        }
    }

    func clientError(_ failure: HTTPConnection.Failure) -> ControlClientError {
        switch failure {
        case .connect(let code):
            let reason = String(cString: strerror(code))
            if code == EACCES || code == EPERM {
                return ControlClientError(
                    code: .permissionDenied,
                    message: "无权连接:\(reason) / permission denied: \(reason)",
                    socketPath: socketPath
                )
            }
            return ControlClientError(
                code: .unreachable,
                message: "无法连接:\(reason) / cannot connect: \(reason)",
                socketPath: socketPath
            )
        case .pathTooLong:
            return ControlClientError(
                code: .unreachable,
                message: "套接字路径过长 / socket path too long",
                socketPath: socketPath
            )
        case .lost(let reason):
            return ControlClientError(
                code: .connectionLost,
                message: "连接中断:\(reason) / connection lost: \(reason)",
                socketPath: socketPath
            )
        case .timedOut:
            return ControlClientError(
                code: .timedOut,
                message: "守护进程未在 \(configuration.timeout) 内回答 / no answer within \(configuration.timeout)",
                socketPath: socketPath
            )
        case .malformed(let reason):
            return ControlClientError(
                code: .badResponse,
                message: "回答无法解读:\(reason) / malformed answer: \(reason)",
                socketPath: socketPath
            )
        }
    }
}
