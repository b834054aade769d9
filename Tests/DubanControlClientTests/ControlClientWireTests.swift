import DubanControlAPI
import DubanTesting
import Foundation
import Testing

@testable import DubanControlClient

/// The client against scripted bytes on a real Unix socket: framings the control server never uses, a dropped
/// connection and its retry, event streams.
@Suite struct ControlClientWireTests {
    func withScripted(
        _ script: @escaping @Sendable (Int, ScriptedSocketServer.Received) -> ScriptedSocketServer.Action,
        _ body: (ControlClient, ScriptedSocketServer) throws -> Void
    ) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let server = try ScriptedSocketServer(path: dir.url.appendingPathComponent("s.sock").path, script: script)
        defer { server.stop() }
        var configuration = ControlClient.Configuration()
        configuration.timeout = .seconds(2)
        try body(ControlClient(socketPath: server.path, configuration: configuration), server)
    }

    static func bytes(_ text: String) -> Data { Data(text.utf8) }

    @Test func readsAChunkedBodyWithExtensionsAndTrailers() throws {
        let answer =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
            + "5;ext=1\r\n{\"a\":\r\n" + "C\r\n\"康乐县\"}\r\n" + "0\r\nX-Trailer: yes\r\n\r\n"
        try withScripted({ _, _ in .respond(Self.bytes(answer)) }) { client, _ in
            struct A: Decodable { var a: String }
            let value = try client.get("/v1/x", as: A.self)
            #expect(value.a == "康乐县")
        }
    }

    @Test(arguments: [false, true])
    func readsALargeBodyOverManyReads(chunked: Bool) throws {
        // 1 MiB, several socket buffers' worth, from a server on its own thread (an in-process ControlServer would
        // share the test process's cooperative pool with suites that block it).
        let size = 1 << 20
        let payload = String(repeating: "康", count: size / 3)
        var answer: String
        if chunked {
            answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            var rest = Substring(payload)
            while !rest.isEmpty {
                let piece = rest.prefix(10_000)
                rest = rest.dropFirst(piece.count)
                answer += String(piece.utf8.count, radix: 16) + "\r\n" + piece + "\r\n"
            }
            answer += "0\r\n\r\n"
        } else {
            answer = "HTTP/1.1 200 OK\r\nContent-Length: \(payload.utf8.count)\r\n\r\n" + payload
        }
        let bytes = Self.bytes(answer)
        try withScripted({ _, _ in .respond(bytes) }) { client, _ in
            let response = try client.send("GET", "/v1/export.csv")
            #expect(response.status == 200 && response.body == Data(payload.utf8))
        }
    }

    @Test func readsABodyDelimitedByClosingAndSkipsInterimAnswers() throws {
        let answer = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nConnection: close\r\n\r\n[1,2,3]"
        try withScripted({ _, _ in .respond(Self.bytes(answer)) }) { client, _ in
            let value = try client.get("/v1/x", as: [Int].self)
            #expect(value == [1, 2, 3])
        }
    }

    @Test func aBodyCutShortIsRetriedOnceWithTheSameKeyThenFails() throws {
        let short = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"a\":"
        try withScripted({ _, _ in .respond(Self.bytes(short)) }) { client, server in
            struct Body: Encodable { var amount = 30 }
            let error = #expect(throws: ControlClientError.self) {
                try client.change("/v1/progress", body: Body(), requestID: "k-1", as: [String: Int].self)
            }
            #expect(error?.code == .connectionLost && error?.isUnavailable == true)
            #expect(server.requests.count == 2, "one automatic retry")
            #expect(server.requests.map { $0.headers["idempotency-key"] } == ["k-1", "k-1"])
        }
    }

    @Test func aDroppedConnectionIsRetriedWithTheSameGeneratedKey() throws {
        let ok = "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\n{\"n\":30}"
        try withScripted({ index, _ in index == 0 ? .drop : .respond(Self.bytes(ok)) }) { client, server in
            struct Body: Encodable { var amount = 30 }
            let answer = try client.change("/v1/progress", body: Body(), as: [String: Int].self)
            #expect(answer == ["n": 30])
            let keys = server.requests.compactMap { $0.headers["idempotency-key"] }
            #expect(keys.count == 2 && keys[0] == keys[1], "\(keys)")
            #expect(server.requests.allSatisfy { $0.body == Data(#"{"amount":30}"#.utf8) })
            #expect(server.requests[0].requestLine == "POST /v1/progress HTTP/1.1")
        }
    }

    @Test func aSilentDaemonTimesOutWithoutARetry() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let server = try ScriptedSocketServer(path: dir.url.appendingPathComponent("slow.sock").path) { _, _ in
            .trickle([Data(), Data("HTTP/1.1 204 No Content\r\n\r\n".utf8)], pause: .seconds(1))
        }
        defer { server.stop() }
        var configuration = ControlClient.Configuration()
        configuration.timeout = .milliseconds(200)
        let error = #expect(throws: ControlClientError.self) {
            try ControlClient(socketPath: server.path, configuration: configuration).send("GET", "/v1/status")
        }
        #expect(error?.code == .timedOut && error?.isUnavailable == true)
        #expect(server.requests.count == 1)
    }

    @Test func notHTTPIsABadResponse() throws {
        try withScripted({ _, _ in .respond(Self.bytes("SSH-2.0-OpenSSH\r\n\r\n")) }) { client, _ in
            let error = #expect(throws: ControlClientError.self) { try client.send("GET", "/v1/status") }
            #expect(error?.code == .badResponse)
        }
    }

    @Test func streamsEventsAcrossChunkBoundaries() throws {
        // Events split mid-line across chunks, a comment (keep-alive), a multi-line data field, CRLF line ends.
        func chunk(_ text: String) -> String { String(text.utf8.count, radix: 16) + "\r\n" + text + "\r\n" }
        let pieces = [
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n",
            chunk(": keep-alive\n\nev"),
            chunk("ent: done\ndata: {\"id\":\"a"),
            chunk("\"}\nid: 1\n\nevent: rel"),
            chunk("oad\r\ndata: one\r\ndata: two\r\n\r\n"),
            "0\r\n\r\n",
        ]
        try withScripted({ _, _ in .trickle(pieces.map(Self.bytes), pause: .milliseconds(20)) }) { client, server in
            var events: [ServerSentEvent] = []
            try client.events("/v1/events") { event in
                events.append(event)
                return true
            }
            #expect(
                events == [
                    ServerSentEvent(event: "done", data: #"{"id":"a"}"#, id: "1"),
                    ServerSentEvent(event: "reload", data: "one\ntwo", id: "1"),
                ]
            )
            #expect(server.requests.first?.headers["accept"] == "text/event-stream")
        }
    }

    @Test func stopsStreamingWhenTheHandlerSaysSo() throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
        let body = (1...50).map { "data: \($0)\n\n" }.joined()
        try withScripted({ _, _ in .respond(Self.bytes(head + body)) }) { client, _ in
            var seen: [String] = []
            try client.events("/v1/events") { event in
                seen.append(event.data)
                return seen.count < 3
            }
            #expect(seen == ["1", "2", "3"])
        }
    }

    @Test func anEventStreamRefusedIsATypedError() throws {
        let refusal =
            "HTTP/1.1 403 Forbidden\r\nContent-Length: 46\r\n\r\n{\"error\":{\"code\":\"forbidden\",\"message\":\"no\"}}\n"
        try withScripted({ _, _ in .respond(Self.bytes(refusal)) }) { client, _ in
            let error = #expect(throws: ControlClientError.self) { try client.events("/v1/events") { _ in true } }
            #expect(error?.status == 403 && error?.serverCode == .forbidden)
        }
    }

    @Test func parsesEventFieldsByTheRules() {
        var parser = ServerSentEventParser()
        #expect(parser.feed("data:no-space") == nil)
        #expect(parser.feed("retry: 10") == nil)
        #expect(parser.feed("") == ServerSentEvent(event: "message", data: "no-space"))
        #expect(parser.feed("event: x") == nil)
        #expect(parser.feed("") == nil, "an event without data is not dispatched")
        #expect(parser.feed("data") == nil)
        #expect(parser.feed("") == ServerSentEvent(data: ""))
    }

    @Test func parsesResponseHeads() {
        let head = HTTPResponseHead.parse("HTTP/1.1 404 Not Found\r\nContent-Length: 12\r\nX-A:  b ")
        #expect(head?.status == 404 && head?.header("x-a") == "b" && head?.framing == .length(12))
        #expect(HTTPResponseHead.parse("HTTP/1.1 204 No Content")?.framing == .length(0))
        #expect(HTTPResponseHead.parse("HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, chunked")?.framing == .chunked)
        #expect(HTTPResponseHead.parse("HTTP/1.1 200 OK")?.framing == .untilClose)
        #expect(HTTPResponseHead.parse("HTTP/2 200") == nil)
        #expect(HTTPResponseHead.parse("HTTP/1.1 abc OK") == nil)
        #expect(HTTPResponseHead.parse("HTTP/1.1 200 OK\r\nno colon here") == nil)
    }
}
