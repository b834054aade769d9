// duban-planimport: the plan importer as a duban plugin (capability `importer`, protocol 1.x).
//
// Reads JSON-RPC requests, one per line, on stdin and answers on stdout (docs/plugin-protocol.md):
// `initialize` → name, version, capabilities; `import` {document: {name, text}, options: {planId?}} →
// {planYAML, items, unmapped}; `shutdown` → null, then exit 0. All the work is DubanImport's.
import DubanCalendar
import DubanCore
import DubanImport
import DubanPluginProtocol
import Foundation

/// Writes one reply line.
func reply(_ message: some Encodable) {
    guard var data = try? LineCodec().encode(message) else { return }
    if data.last != UInt8(ascii: "\n") { data.append(UInt8(ascii: "\n")) }
    FileHandle.standardOutput.write(data)
}

/// Decodes `params` of a request line as `Params`.
func params<Params: Decodable & Sendable>(_ type: Params.Type, from line: [UInt8]) throws -> Params {
    try JSONDecoder().decode(RPCParamsBody<Params>.self, from: Data(line)).params
}

/// Handles one request line; returns false after `shutdown`.
func handle(_ line: [UInt8]) -> Bool {
    guard let request = try? JSONDecoder().decode(RPCRequestEnvelope.self, from: Data(line)) else {
        reply(RPCFailure(id: nil, error: RPCErrorObject(code: RPCErrorObject.parseError, message: "not a JSON-RPC request")))
        return true
    }
    switch request.method {
    case PluginMethod.initialize.rawValue:
        if let initialize = try? params(InitializeParams.self, from: line),
            !initialize.protocolVersion.isCompatible(with: .current)
        {
            reply(
                RPCFailure(
                    id: request.id,
                    error: RPCErrorObject(
                        code: RPCErrorObject.invalidParams,
                        message: "protocol \(initialize.protocolVersion) is not supported; this plugin speaks \(ProtocolVersion.current)")))
            return true
        }
        reply(
            RPCSuccess(
                id: request.id,
                result: InitializeResult(name: "planimport", version: "0.1.0", capabilities: [.importer])))
    case PluginMethod.import.rawValue:
        do {
            let input = try params(ImportParams.self, from: line)
            let planID = input.options["planId"]?.stringValue ?? input.options["plan"]?.stringValue
            let options = ImportOptions(documentName: input.document.name, planID: planID)
            let plan = PlanImporter(options: options).draft(input.document.text)
            let result = ImportResult(
                planYAML: DraftPlanWriter.yaml(plan), items: plan.items.count,
                unmapped: plan.unmapped.map { UnmappedLine(line: $0.line, text: $0.text) })
            reply(RPCSuccess(id: request.id, result: result))
        } catch {
            reply(
                RPCFailure(
                    id: request.id,
                    error: RPCErrorObject(code: RPCErrorObject.invalidParams, message: "bad import params: \(error)")))
        }
    case PluginMethod.shutdown.rawValue:
        reply(RPCSuccess<JSONValue>(id: request.id, result: .null))
        return false
    default:
        reply(
            RPCFailure(
                id: request.id,
                error: RPCErrorObject(code: RPCErrorObject.methodNotFound, message: "unknown method \(request.method)")))
    }
    return true
}

var framer = LineFramer(maximumLineBytes: 64 << 20)
reading: while true {
    let chunk = FileHandle.standardInput.availableData
    let items = chunk.isEmpty ? [framer.finish()].compactMap { $0 } : framer.append(chunk)
    for item in items {
        switch item {
        case .line(let bytes):
            if bytes.isEmpty { continue }
            if !handle(bytes) { break reading }
        case .oversized:
            reply(RPCFailure(id: nil, error: RPCErrorObject(code: RPCErrorObject.invalidRequest, message: "request line too long")))
        }
    }
    if chunk.isEmpty { break }
}
exit(0)
