import DubanJSON
public import Foundation

/// Turns messages into lines and lines into replies, checking everything the protocol requires of a reply.
///
/// Encoding uses sorted keys and never writes a raw newline (JSON escapes them inside strings), so one message is
/// exactly one line. Decoding a reply goes in two steps: the envelope (`jsonrpc`, `id`, `error`/`result`), then
/// the `result` with its method's type; any mismatch is a ``PluginProtocolError``.
public struct LineCodec: Sendable {
    /// The default line limit, 1 MiB.
    public static let defaultMaximumLineBytes = 1 << 20

    public init() {}

    /// The message as one line, `\n` included.
    public func encode<Message: Encodable>(_ message: Message) throws -> Data {
        var data = try DubanJSON.encoder().encode(message)
        data.append(0x0A)
        return data
    }

    /// A request as one line.
    public func encodeRequest<Params: Encodable & Sendable>(id: Int, method: PluginMethod, params: Params?) throws -> Data {
        try encode(RPCRequest(id: id, method: method, params: params))
    }

    /// Reads the envelope of a reply line.
    /// - Throws: ``PluginProtocolError/Code/notJSON`` or ``PluginProtocolError/Code/notJSONRPC``.
    public func envelope(of line: some Collection<UInt8>) throws(PluginProtocolError) -> RPCReplyEnvelope {
        let data = Data(line)
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw PluginProtocolError(code: .notJSON, message: "not a JSON object: \(LineCodec.excerpt(line))")
        }
        let envelope: RPCReplyEnvelope
        do {
            envelope = try JSONDecoder().decode(RPCReplyEnvelope.self, from: data)
        } catch {
            throw PluginProtocolError(code: .notJSONRPC, message: "not a JSON-RPC 2.0 reply: \(LineCodec.excerpt(line))")
        }
        guard envelope.jsonrpc == "2.0" else {
            throw PluginProtocolError(code: .notJSONRPC, message: "jsonrpc is \"\(envelope.jsonrpc)\", not \"2.0\"")
        }
        guard envelope.hasResult != (envelope.error != nil) else {
            throw PluginProtocolError(code: .notJSONRPC, message: "a reply has exactly one of result and error")
        }
        return envelope
    }

    /// Decodes a reply to request `id`: the result, or the plugin's error object.
    /// - Throws: a ``PluginProtocolError`` for garbage, a wrong id, or a result that breaks the method's schema.
    public func decodeReply<Result: Decodable & Sendable>(
        _ line: some Collection<UInt8>, id: Int, as type: Result.Type
    ) throws(PluginProtocolError) -> Swift.Result<Result, RPCErrorObject> {
        let envelope = try envelope(of: line)
        guard envelope.integerID == id else {
            throw PluginProtocolError(code: .wrongID, message: "reply id \(LineCodec.render(envelope.id)), expected \(id)")
        }
        if let error = envelope.error { return .failure(error) }
        do {
            return .success(try JSONDecoder().decode(RPCResultBody<Result>.self, from: Data(line)).result)
        } catch {
            throw PluginProtocolError(code: .schema, message: "result does not match the schema: \(LineCodec.reason(error))")
        }
    }

    /// The first 200 characters of a line, for messages.
    public static func excerpt(_ line: some Collection<UInt8>) -> String {
        let text = String(decoding: line.prefix(200), as: UTF8.self)
        return line.count > 200 ? text + "…" : text
    }

    static func render(_ value: JSONValue) -> String {
        return (try? DubanJSON.encoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }

    /// A decoding error as `path: what`.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context): return "\(path(context.codingPath)) is not \(type)"
        case .valueNotFound(let type, let context): return "\(path(context.codingPath)) is null, expected \(type)"
        case .dataCorrupted(let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
