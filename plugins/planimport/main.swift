// duban-planimport: the plan importer as a duban plugin (capability `importer`, protocol 1.x).
//
// DubanPluginKit's server reads JSON-RPC requests, one per line, on stdin and answers on stdout
// (docs/plugin-protocol.md): `initialize` → name, version, capabilities; `import` {document: {name, text}, options:
// {planId?}} → {planYAML, items, unmapped}; `shutdown` → null, then exit 0. All the work is DubanImport's.
import DubanCore
import DubanImport
import DubanPluginKit
import DubanPluginProtocol
import Foundation

struct PlanImportHandler: PluginHandler {
    mutating func initialize(_ params: InitializeParams) throws(RPCErrorObject) -> InitializeResult {
        guard params.protocolVersion.isCompatible(with: .current) else {
            throw RPCErrorObject(
                code: RPCErrorObject.invalidParams,
                message: "protocol \(params.protocolVersion) is not supported; this plugin speaks \(ProtocolVersion.current)"
            )
        }
        return InitializeResult(name: "planimport", version: DubanVersion.current, capabilities: [.importer])
    }

    mutating func importDocument(_ params: ImportParams) throws(RPCErrorObject) -> ImportResult {
        let planID = params.options["planId"]?.stringValue ?? params.options["plan"]?.stringValue
        let options = ImportOptions(documentName: params.document.name, planID: planID)
        let plan = PlanImporter(options: options).draft(params.document.text)
        return ImportResult(
            planYAML: DraftPlanWriter.yaml(plan),
            items: plan.items.count,
            unmapped: plan.unmapped.map { UnmappedLine(line: $0.line, text: $0.text) }
        )
    }
}

// Documents are pasted whole into one request line: allow 64 MiB.
var server = PluginServer(handler: PlanImportHandler(), maximumLineBytes: 64 << 20)
exit(server.run())
