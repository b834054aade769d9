public import DubanPluginProtocol
import Foundation

/// The plugin side of protocol v1: reads one JSON-RPC request per line from a file descriptor (stdin), calls the
/// ``PluginHandler``, and writes one reply per line to another (stdout), until `shutdown` or end of input.
///
/// Requests are handled one at a time, in order, as the host sends them. A line that is not a request gets a
/// JSON-RPC error reply (`-32700` or `-32600`, id null when the id cannot be read); params that do not decode get
/// `-32602`; a method called before `initialize` gets `-32600`. Nothing a host sends makes the server crash.
public struct PluginServer<Handler: PluginHandler> {
    public var handler: Handler
    let input: Int32
    let output: Int32
    let maximumLineBytes: Int
    private var initialized = false

    public init(
        handler: Handler,
        input: Int32 = 0,
        output: Int32 = 1,
        maximumLineBytes: Int = LineCodec.defaultMaximumLineBytes
    ) {
        self.handler = handler
        self.input = input
        self.output = output
        self.maximumLineBytes = maximumLineBytes
    }

    /// Serves until `shutdown` or end of input; returns the exit status for the process (0).
    public mutating func run() -> Int32 {
        // A host that goes away must not kill the plugin with SIGPIPE mid-write; writes then just fail.
        signal(SIGPIPE, SIG_IGN)
        var framer = LineFramer(maximumLineBytes: maximumLineBytes)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return 0
            }
            if count == 0 {
                if case .line(let line) = framer.finish() { _ = handle(line) }
                return 0
            }
            for item in framer.append(buffer[0..<count]) {
                switch item {
                case .line(let line):
                    if handle(line) == .stop { return 0 }
                case .oversized:
                    send(
                        RPCFailure(
                            id: nil,
                            error: RPCErrorObject(
                                code: RPCErrorObject.invalidRequest,
                                message: "request line longer than \(maximumLineBytes) bytes"
                            )
                        )
                    )
                }
            }
        }
    }

    enum Next { case proceed, stop }

    /// Answers one line.
    mutating func handle(_ line: [UInt8]) -> Next {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .proceed }
        let data = Data(line)
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            send(
                RPCFailure(
                    id: nil,
                    error: RPCErrorObject(code: RPCErrorObject.parseError, message: "not a JSON object")
                )
            )
            return .proceed
        }
        guard let request = try? JSONDecoder().decode(RPCRequestEnvelope.self, from: data), request.jsonrpc == "2.0"
        else {
            send(
                RPCFailure(
                    id: nil,
                    error: RPCErrorObject(
                        code: RPCErrorObject.invalidRequest,
                        message: "not a JSON-RPC 2.0 request with an integer id"
                    )
                )
            )
            return .proceed
        }
        let id = request.id
        guard let method = PluginMethod(rawValue: request.method) else {
            send(
                RPCFailure(
                    id: id,
                    error: RPCErrorObject(
                        code: RPCErrorObject.methodNotFound,
                        message: "unknown method \(request.method)"
                    )
                )
            )
            return .proceed
        }
        if method != .initialize, method != .shutdown, !initialized {
            send(
                RPCFailure(
                    id: id,
                    error: RPCErrorObject(
                        code: RPCErrorObject.invalidRequest,
                        message: "\(request.method) before initialize"
                    )
                )
            )
            return .proceed
        }
        do throws(RPCErrorObject) {
            switch method {
            case .initialize:
                let result = try handler.initialize(try Self.params(InitializeParams.self, data))
                initialized = true
                send(RPCSuccess(id: id, result: result))
            case .notify:
                send(RPCSuccess(id: id, result: try handler.notify(try Self.params(NotifyParams.self, data))))
            case .check:
                send(RPCSuccess(id: id, result: try handler.check(try Self.params(CheckParams.self, data))))
            case .import:
                send(RPCSuccess(id: id, result: try handler.importDocument(try Self.params(ImportParams.self, data))))
            case .shutdown:
                send(RPCSuccess(id: id, result: JSONValue.null))
                return .stop
            }
        } catch {
            send(RPCFailure(id: id, error: error))
        }
        return .proceed
    }

    /// Decodes the request's `params` as `type`.
    static func params<Params: Decodable & Sendable>(_ type: Params.Type, _ data: Data) throws(RPCErrorObject) -> Params
    {
        do {
            return try JSONDecoder().decode(RPCParamsBody<Params>.self, from: data).params
        } catch {
            throw RPCErrorObject(code: RPCErrorObject.invalidParams, message: "invalid params: \(error)")
        }
    }

    /// Writes one reply line; a failed write (the host is gone) is ignored, the next read ends the loop.
    func send(_ message: some Encodable) {
        guard let line = try? LineCodec().encode(message) else { return }
        line.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(output, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
