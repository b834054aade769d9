import DubanPluginProtocol
import Testing

@Suite struct LineFramerTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func splitsAcrossChunks() {
        var framer = LineFramer(maximumLineBytes: 100)
        #expect(framer.append(bytes("{\"a\":")) == [])
        #expect(framer.append(bytes("1}\n{\"b\"")) == [.line(bytes("{\"a\":1}"))])
        #expect(framer.append(bytes(":2}\r\n\n")) == [.line(bytes("{\"b\":2}")), .line([])])
        #expect(framer.append(bytes("tail")) == [])
        #expect(framer.finish() == .line(bytes("tail")))
        #expect(framer.finish() == nil)
    }

    @Test func oversizedLineIsReportedOnceAndDropped() {
        var framer = LineFramer(maximumLineBytes: 8)
        var items: [LineFramer.Item] = []
        // 10 chunks of 1000 bytes without a newline, then a newline and a good line.
        for _ in 0..<10 { items += framer.append([UInt8](repeating: 0x41, count: 1000)) }
        #expect(framer.bufferedBytes == 0)
        items += framer.append(bytes("xx\nok\n"))
        #expect(items == [.oversized(prefix: [UInt8](repeating: 0x41, count: 8)), .line(bytes("ok"))])
        #expect(framer.totalBytes == 10_006)
    }

    @Test func exactLimitFits() {
        var framer = LineFramer(maximumLineBytes: 3)
        #expect(framer.append(bytes("abc\nabcd\n")) == [.line(bytes("abc")), .oversized(prefix: bytes("abc"))])
    }

    @Test func oversizedAtEndOfStreamLeavesNothing() {
        var framer = LineFramer(maximumLineBytes: 2)
        #expect(framer.append(bytes("abcdef")) == [.oversized(prefix: bytes("ab"))])
        #expect(framer.finish() == nil)
    }
}
