import DubanPluginProtocol
import Foundation
import Testing

@Suite struct LineCodecTests {
    let codec = LineCodec()

    private func line(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func requestIsOneSortedLine() throws {
        let params = InitializeParams(
            host: HostInfo(name: "duband", version: "0.2.0"),
            locale: "zh-Hans",
            settings: .object(["note": .string("第一行\n第二行"), "n": .number(3)])
        )
        let data = try codec.encodeRequest(id: 1, method: .initialize, params: params)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.filter { $0 == "\n" }.count == 1 && text.hasSuffix("\n"))
        #expect(
            text
                == #"{"id":1,"jsonrpc":"2.0","method":"initialize","params":{"host":{"name":"duband","version":"0.2.0"},"#
                + #""locale":"zh-Hans","protocolVersion":"1.2","settings":{"n":3,"note":"第一行\n第二行"}}}"# + "\n"
        )
    }

    @Test func shutdownOmitsParams() throws {
        let data = try codec.encodeRequest(id: 9, method: .shutdown, params: NoParams?.none)
        #expect(String(decoding: data, as: UTF8.self) == #"{"id":9,"jsonrpc":"2.0","method":"shutdown"}"# + "\n")
    }

    @Test func decodesSuccessAndError() throws {
        let ok = try codec.decodeReply(
            line(#"{"jsonrpc":"2.0","id":4,"result":{"delivered":["k1"],"failed":[]}}"#),
            id: 4,
            as: NotifyResult.self
        )
        #expect(try ok.get() == NotifyResult(delivered: ["k1"]))
        let failed = try codec.decodeReply(
            line(#"{"jsonrpc":"2.0","id":4,"error":{"code":-32000,"message":"smtp down","data":{"host":"x"}}}"#),
            id: 4,
            as: NotifyResult.self
        )
        guard case .failure(let error) = failed else { Issue.record("expected an error"); return }
        #expect(
            error.code == RPCErrorObject.temporaryFailure && error.isRetryable && error.data?["host"] == .string("x")
        )
    }

    @Test func nullResultForShutdown() throws {
        let reply = try codec.decodeReply(line(#"{"jsonrpc":"2.0","id":2,"result":null}"#), id: 2, as: JSONValue.self)
        #expect(try reply.get() == .null)
    }

    @Test(arguments: [
        ("garbage", "not-json"),
        ("[1,2]", "not-json"),
        (#"{"id":1,"result":{}}"#, "not-json-rpc"),
        (#"{"jsonrpc":"1.0","id":1,"result":{}}"#, "not-json-rpc"),
        (#"{"jsonrpc":"2.0","id":1}"#, "not-json-rpc"),
        (#"{"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":"m"}}"#, "not-json-rpc"),
        (#"{"jsonrpc":"2.0","id":2,"result":{"delivered":[],"failed":[]}}"#, "wrong-id"),
        (#"{"jsonrpc":"2.0","id":"1","result":{"delivered":[],"failed":[]}}"#, "wrong-id"),
        (#"{"jsonrpc":"2.0","id":null,"result":{"delivered":[],"failed":[]}}"#, "wrong-id"),
        (#"{"jsonrpc":"2.0","id":1.5,"result":{"delivered":[],"failed":[]}}"#, "wrong-id"),
        (#"{"jsonrpc":"2.0","id":1,"result":{"delivered":"k1","failed":[]}}"#, "schema"),
        (#"{"jsonrpc":"2.0","id":1,"result":{"failed":[]}}"#, "schema"),
        (#"{"jsonrpc":"2.0","id":1,"result":null}"#, "schema"),
    ])
    func faultsHaveCodes(text: String, code: String) {
        let error = #expect(throws: PluginProtocolError.self) {
            _ = try codec.decodeReply(Array(text.utf8), id: 1, as: NotifyResult.self)
        }
        #expect(error?.code.description == code, "\(text)")
    }

    @Test func schemaMessageNamesThePath() {
        let error = #expect(throws: PluginProtocolError.self) {
            _ = try codec.decodeReply(
                line(
                    #"{"jsonrpc":"2.0","id":1,"result":{"results":[{"occurrence":"a","state":"finished","evidence":"e"}]}}"#
                ),
                id: 1,
                as: CheckResult.self
            )
        }
        #expect(error?.message.contains(".results[0].state") == true, "\(String(describing: error))")
    }

    @Test func roundTripsEveryMessage() throws {
        let event = NotifyEvent(
            key: "p/t/o/2024-11#due",
            kind: "due",
            severity: "warning",
            locale: "zh-Hans",
            occurrence: NotifyOccurrence(
                id: "p/t/o/2024-11",
                plan: "p",
                planTitle: "计划",
                task: "t",
                taskTitle: "任务",
                org: "o",
                orgName: "一中",
                period: "2024-11",
                due: "2024-11-29",
                dueAt: "2024-11-29T17:30:00+08:00",
                workingDaysLeft: 0
            ),
            recipients: [Recipient(name: "张三", email: "zs@example.cn", role: "联系人")],
            subject: LocalizedString(zhHans: "到期", en: "due"),
            text: LocalizedString(zhHans: "今日到期", en: "due today")
        )
        try roundTrip(NotifyParams(events: [event]))
        try roundTrip(NotifyResult(delivered: [], failed: [NotifyFailure(key: "k", error: "e", retryable: true)]))
        try roundTrip(
            CheckParams(
                task: CheckTask(
                    plan: "p",
                    id: "t",
                    title: "T",
                    kind: "target",
                    target: .object(["value": .number(0.95)])
                ),
                occurrences: [CheckOccurrence(id: "o1", org: "a", period: "2024-11", due: "2024-11-29")],
                settings: .emptyObject
            )
        )
        try roundTrip(
            CheckResult(results: [CheckOutcome(occurrence: "o1", state: .done, reading: 0.97, evidence: "ok")])
        )
        try roundTrip(
            ImportParams(
                document: ImportDocument(name: "a.txt", text: "一、…"),
                options: .object(["year": .number(2025)])
            )
        )
        try roundTrip(ImportResult(planYAML: "id: x\n", items: 1, unmapped: [UnmappedLine(line: 3, text: "附件")]))
        try roundTrip(InitializeResult(name: "n", version: "1", capabilities: [.checker]))
        // The wire names of the bilingual text.
        let json = String(decoding: try JSONEncoder().encode(LocalizedString(zhHans: "中", en: "e")), as: UTF8.self)
        #expect(json.contains(#""zh-Hans":"中""#))
    }

    private func roundTrip<T: Codable & Equatable & Sendable>(_ value: T) throws {
        let line = try codec.encode(RPCSuccess(id: 3, result: value))
        let back = try codec.decodeReply(line.dropLast(), id: 3, as: T.self)
        #expect(try back.get() == value)
    }

    @Test func failureEncodesNullID() throws {
        let data = try codec.encode(
            RPCFailure(id: nil, error: RPCErrorObject(code: RPCErrorObject.parseError, message: "bad"))
        )
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"}"# + "\n"
        )
    }
}
