// The reference run of scripts/bench/ready.sh: reads and decodes a plan library's YAML files with Yams alone
// (no plan model, no expansion, no store), the floor a plan loader could reach.
//
// Usage: YamsDecode DIR   (reads DIR/org.yaml and every DIR/plans/*.yaml; prints files, nodes and milliseconds)
import Foundation
import Yams

let directory = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "."
let start = DispatchTime.now().uptimeNanoseconds
let plans = directory + "/plans"
let names = ((try? FileManager.default.contentsOfDirectory(atPath: plans)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
var files = [directory + "/org.yaml"] + names.map { plans + "/" + $0 }
var nodes = 0

/// Counts the values of a decoded document so the work cannot be optimised away.
func count(_ value: Any?) -> Int {
    switch value {
    case let mapping as [AnyHashable: Any]: return 1 + mapping.values.reduce(0) { $0 + count($1) }
    case let sequence as [Any]: return 1 + sequence.reduce(0) { $0 + count($1) }
    default: return 1
    }
}

for file in files {
    guard let data = FileManager.default.contents(atPath: file) else { fatalError("cannot read \(file)") }
    let text = String(decoding: data, as: UTF8.self)
    nodes += count(try Yams.load(yaml: text))
}
let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
print(String(format: "yams files %d nodes %d ms %.1f", files.count, nodes, ms))
