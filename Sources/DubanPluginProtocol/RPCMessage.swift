/// A JSON-RPC 2.0 request from the host: `{"jsonrpc":"2.0","id":7,"method":"notify","params":{…}}`.
///
/// Ids are integers chosen by the host, increasing per plugin process; `params` is left out when the method
/// has none (`shutdown`).
public struct RPCRequest<Params: Encodable & Sendable>: Encodable, Sendable {
    public var jsonrpc = "2.0"
    public var id: Int
    public var method: String
    public var params: Params?

    public init(id: Int, method: PluginMethod, params: Params?) {
        self.id = id
        self.method = method.rawValue
        self.params = params
    }

    public init(id: Int, method: String, params: Params?) {
        self.id = id
        self.method = method
        self.params = params
    }
}

/// Params of a method that takes none; encodes as nothing (`params` is omitted).
public struct NoParams: Codable, Hashable, Sendable {
    public init() {}
}

/// A JSON-RPC 2.0 success reply from a plugin: `{"jsonrpc":"2.0","id":7,"result":{…}}`.
public struct RPCSuccess<Result: Codable & Sendable>: Codable, Sendable {
    public var jsonrpc = "2.0"
    public var id: Int
    public var result: Result

    public init(id: Int, result: Result) {
        self.id = id
        self.result = result
    }
}

/// A JSON-RPC 2.0 error reply from a plugin: `{"jsonrpc":"2.0","id":7,"error":{"code":-32000,"message":"…"}}`.
/// `id` is null when the plugin could not read the request's id (a parse error).
public struct RPCFailure: Codable, Sendable, Hashable {
    public var jsonrpc = "2.0"
    public var id: Int?
    public var error: RPCErrorObject

    public init(id: Int?, error: RPCErrorObject) {
        self.id = id
        self.error = error
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jsonrpc, forKey: .jsonrpc)
        // JSON-RPC requires "id": null rather than a missing id.
        if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
        try container.encode(error, forKey: .error)
    }

    enum CodingKeys: String, CodingKey { case jsonrpc, id, error }
}

/// The `error` member of a reply.
public struct RPCErrorObject: Codable, Sendable, Hashable, Error, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// Invalid JSON was received.
    public static let parseError = -32700
    /// The JSON sent is not a valid request object.
    public static let invalidRequest = -32600
    /// The method does not exist or is not offered (a capability the plugin lacks).
    public static let methodNotFound = -32601
    /// Invalid method parameters.
    public static let invalidParams = -32602
    /// Internal error in the plugin.
    public static let internalError = -32603
    /// duban's own code: the call failed for a passing reason (SMTP server down); the host retries later.
    public static let temporaryFailure = -32000

    /// True for ``temporaryFailure``: the host retries the same call later.
    public var isRetryable: Bool { code == RPCErrorObject.temporaryFailure }

    public var description: String { "\(code): \(message)" }
}

/// What the host reads first from each line a plugin writes: enough to match the reply to its request and tell
/// success from failure, before the result is decoded with its method's type.
public struct RPCReplyEnvelope: Decodable, Sendable, Hashable {
    /// Must be `"2.0"`.
    public var jsonrpc: String
    /// The id as written: an integer for a well-behaved plugin; anything else is a protocol fault.
    public var id: JSONValue
    /// Present on failure.
    public var error: RPCErrorObject?
    /// True when the line has a `result` member (possibly null).
    public var hasResult: Bool

    enum CodingKeys: String, CodingKey { case jsonrpc, id, error, result }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jsonrpc = try container.decode(String.self, forKey: .jsonrpc)
        id = try container.decodeIfPresent(JSONValue.self, forKey: .id) ?? .null
        error = try container.decodeIfPresent(RPCErrorObject.self, forKey: .error)
        hasResult = container.contains(.result)
    }

    /// The integer id, or nil when the id is missing, null, fractional or not a number.
    public var integerID: Int? {
        guard case .number(let value) = id, value.rounded() == value, abs(value) < 9e15 else { return nil }
        return Int(value)
    }
}

/// The `result` member alone, decoded with its method's type once the envelope has been checked.
public struct RPCResultBody<Result: Decodable & Sendable>: Decodable, Sendable {
    public var result: Result
}

/// What a plugin reads from each line the host writes (used by plugins written in Swift, and by tests).
public struct RPCRequestEnvelope: Decodable, Sendable, Hashable {
    public var jsonrpc: String
    public var id: Int
    public var method: String
}

/// The `params` member alone, decoded with its method's type.
public struct RPCParamsBody<Params: Decodable & Sendable>: Decodable, Sendable {
    public var params: Params
}
