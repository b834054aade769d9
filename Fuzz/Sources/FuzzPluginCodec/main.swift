import DubanPlanFiles
import DubanPluginProtocol
import Foundation
import FuzzSupport

// What a plugin writes to duband and how a plugin is described: the bytes of its stdout, framed into lines in
// chunks of the sizes a pipe may deliver (limit 4 KiB, so the oversized path runs), each line read as a reply to
// every method (envelope, id, result schema, then the checks that need the request); and the same text read as a
// plugin manifest (plugin_dir/*.yaml).

let codec = LineCodec()
let notifyParams = NotifyParams(events: [])
let checkParams = CheckParams(
    task: CheckTask(plan: "linxia-it-2022", id: "network-upgrade", title: "网络升级", kind: "deadline"),
    occurrences: [
        CheckOccurrence(id: "linxia-it-2022/network-upgrade/kangle/once", org: "kangle", period: "once", due: "2022-08-31")
    ],
    settings: .emptyObject)

func readReply(_ line: [UInt8]) {
    guard let envelope = try? codec.envelope(of: line), let id = envelope.integerID else { return }
    if case .success(let result)? = try? codec.decodeReply(line, id: id, as: InitializeResult.self) {
        try? result.validate()
    }
    if case .success(let result)? = try? codec.decodeReply(line, id: id, as: NotifyResult.self) {
        try? result.validate(against: notifyParams)
    }
    if case .success(let result)? = try? codec.decodeReply(line, id: id, as: CheckResult.self) {
        try? result.validate(against: checkParams)
    }
    if case .success(let result)? = try? codec.decodeReply(line, id: id, as: ImportResult.self) {
        try? result.validate()
    }
    _ = LineCodec.excerpt(line)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = FuzzInput(data, size)
    var framer = LineFramer(maximumLineBytes: 4096)
    var offset = 0
    var chunk = 1
    while offset < input.bytes.count {
        let end = min(input.bytes.count, offset + chunk)
        for item in framer.append(input.bytes[offset..<end]) {
            if case .line(let line) = item { readReply(line) }
        }
        offset = end
        chunk = chunk % 97 + Int(input.bytes[end - 1] % 13) + 1
    }
    if case .line(let line)? = framer.finish() { readReply(line) }
    _ = PluginManifestFile.parse(input.text, file: "plugin.yaml")
    return 0
}

@_cdecl("FuzzPluginCodec_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
