import DubanCalendar
import DubanControlAPI
import DubanControlServer
import DubanCore
import DubanDaemon
import DubanPlanFiles
import DubanScheduler
import Foundation
import FuzzSupport

// The control API's request path: route, query and body, as the control socket hands a request to the routes.
// The input is a request written the way it travels, without the HTTP framing NIO parses:
//
//     METHOD TARGET
//     Header: value
//     …
//     (empty line)
//     body
//
// sent by root (so changes are authorized and reach the store) to the routes of a daemon on the bundled examples,
// its store in a fresh temporary directory. Whatever the request, the answer is a status below 500 with a JSON
// body of the documented error shape for every 4xx: anything else is a finding, and traps.

let control: InProcessControl = {
    let root = Examples.root
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("duban-fuzz-\(getpid())").path
    try? FileManager.default.removeItem(atPath: state)
    do {
        var configuration = try ConfigFile.load(root + "/examples/duban.yaml")
        configuration.stateDirectory = state
        configuration.socket = state + "/control.sock"
        configuration.pluginDirectory = state + "/plugins.d"
        let clock = ScaledWallClock(
            start: configuration.site.instant(CivilDate(year: 2022, month: 9, day: 1)!, at: configuration.site.officeStart), speed: 1,
            timeZone: configuration.site.timeZone)
        let loaded = configuration
        return try blocking { try await InProcessControl.open(configuration: loaded, clock: clock) }
    } catch {
        fatalError("cannot open the examples' daemon: \(error)")
    }
}()

/// Runs `body` on the cooperative pool and waits for it on this (libFuzzer's) thread.
func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
        done.signal()
    }
    done.wait()
    return try box.get()
}

final class ResultBox<T: Sendable>: @unchecked Sendable {
    private var result: Result<T, any Error>?
    private let lock = NSLock()
    func set(_ value: Result<T, any Error>) { lock.withLock { result = value } }
    func get() throws -> T { try lock.withLock { result! }.get() }
}

/// The request in `bytes`.
func request(_ bytes: [UInt8]) -> ControlRequest {
    let newline = UInt8(ascii: "\n")
    var lines: [[UInt8]] = []
    var index = bytes.startIndex
    var bodyStart = bytes.endIndex
    while index < bytes.endIndex {
        let end = bytes[index...].firstIndex(of: newline) ?? bytes.endIndex
        let line = Array(bytes[index..<end])
        index = min(bytes.endIndex, end + 1)
        if line.isEmpty || line == [13] {
            bodyStart = index
            break
        }
        lines.append(line.last == 13 ? Array(line.dropLast()) : line)
    }
    let first = String(decoding: lines.first ?? [], as: UTF8.self)
    let space = first.firstIndex(of: " ")
    let method = space.map { String(first[..<$0]) } ?? first
    let target = space.map { String(first[first.index(after: $0)...]) } ?? "/"
    var headers: [(String, String)] = lines.dropFirst().map { line in
        let text = String(decoding: line, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { return (text, "") }
        return (
            String(text[..<colon]), String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        )
    }
    // Bodies are JSON unless the input says otherwise (a declared other type reaches the 415 path).
    if !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
        headers.append(("Content-Type", "application/json"))
    }
    return ControlRequest(
        method: method, uri: target, headers: headers, body: Data(bytes[bodyStart...]),
        peer: PeerCredentials(pid: getpid(), uid: 0, gid: 0))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let sent = request(FuzzInput(data, size).bytes)
    // POST /v1/backup writes a file at any absolute path the body names: not something to let a fuzzer loose on as
    // root. Its body is decoded like every other (covered by the tests of the route).
    if case .backup? = APIRoute(path: sent.path) { return 0 }
    let response = try! blocking { await control.respond(to: sent) }
    guard response.status < 500 else {
        fatalError("\(sent.method) \(sent.path) answered \(response.status): \(String(decoding: response.body, as: UTF8.self))")
    }
    if response.status >= 400 {
        guard (try? JSONDecoder().decode(APIErrorBody.self, from: response.body)) != nil else {
            fatalError("\(response.status) without the error shape: \(String(decoding: response.body, as: UTF8.self))")
        }
    }
    return 0
}

@_cdecl("FuzzControlAPI_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    _ = control
    return runFuzzer(argc, argv, fuzzOneInput)
}
