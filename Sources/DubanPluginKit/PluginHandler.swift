public import DubanPluginProtocol

/// What a plugin written in Swift implements; ``PluginServer`` does the JSON-RPC around it.
///
/// Each method either returns its result or throws an ``RPCErrorObject`` that goes back to the host as the
/// reply's `error`. Methods for capabilities the plugin lacks keep their default: "method not found".
public protocol PluginHandler {
    /// The first call: read the settings, say who you are and what you offer.
    mutating func initialize(_ params: InitializeParams) throws(RPCErrorObject) -> InitializeResult
    /// `notify` (capability `notifier`).
    mutating func notify(_ params: NotifyParams) throws(RPCErrorObject) -> NotifyResult
    /// `check` (capability `checker`).
    mutating func check(_ params: CheckParams) throws(RPCErrorObject) -> CheckResult
    /// `import` (capability `importer`).
    mutating func importDocument(_ params: ImportParams) throws(RPCErrorObject) -> ImportResult
}

extension PluginHandler {
    public mutating func notify(_ params: NotifyParams) throws(RPCErrorObject) -> NotifyResult {
        throw RPCErrorObject(code: RPCErrorObject.methodNotFound, message: "notify is not offered by this plugin")
    }

    public mutating func check(_ params: CheckParams) throws(RPCErrorObject) -> CheckResult {
        throw RPCErrorObject(code: RPCErrorObject.methodNotFound, message: "check is not offered by this plugin")
    }

    public mutating func importDocument(_ params: ImportParams) throws(RPCErrorObject) -> ImportResult {
        throw RPCErrorObject(code: RPCErrorObject.methodNotFound, message: "import is not offered by this plugin")
    }
}
