import DubanPluginProtocol
import Foundation
import Testing

@Suite struct ProtocolVersionTests {
    @Test func parsesAndPrints() throws {
        #expect(ProtocolVersion("1.0") == ProtocolVersion(major: 1, minor: 0))
        #expect(ProtocolVersion("2") == ProtocolVersion(major: 2, minor: 0))
        #expect(ProtocolVersion("1.3.7") == ProtocolVersion(major: 1, minor: 3))
        for bad in ["", "x", "1.", ".1", "1.x", "-1.0", "1.0.0.0", "１.0"] {
            #expect(ProtocolVersion(bad) == nil, "\(bad)")
        }
        #expect(ProtocolVersion.current.description == "1.2")
    }

    @Test func sameMajorIsCompatible() {
        let host = ProtocolVersion(major: 1, minor: 0)
        #expect(host.isCompatible(with: ProtocolVersion(major: 1, minor: 5)))
        #expect(!host.isCompatible(with: ProtocolVersion(major: 2, minor: 0)))
        #expect(!host.isCompatible(with: ProtocolVersion(major: 0, minor: 9)))
    }

    @Test func codesAsString() throws {
        let data = try JSONEncoder().encode([ProtocolVersion(major: 1, minor: 2)])
        #expect(String(decoding: data, as: UTF8.self) == #"["1.2"]"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ProtocolVersion].self, from: Data(#"["one"]"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ProtocolVersion].self, from: Data("[1.0]".utf8))
        }
    }

    @Test func initializeResultRefusesOtherMajor() throws {
        let good = InitializeResult(
            protocolVersion: .init(major: 1, minor: 4),
            name: "x",
            version: "1",
            capabilities: [.notifier]
        )
        try good.validate()
        let bad = InitializeResult(
            protocolVersion: .init(major: 2, minor: 0),
            name: "x",
            version: "1",
            capabilities: []
        )
        let error = #expect(throws: PluginProtocolError.self) { try bad.validate() }
        #expect(error?.code == .incompatibleVersion)
        let empty = InitializeResult(name: "", version: "1", capabilities: [])
        #expect(throws: PluginProtocolError.self) { try empty.validate() }
    }

    @Test func unknownCapabilitiesDecodeAndAreNotKnown() throws {
        let line = #"{"protocolVersion":"1.1","name":"p","version":"0.1","capabilities":["notifier","teleporter"]}"#
        let result = try JSONDecoder().decode(InitializeResult.self, from: Data(line.utf8))
        #expect(result.capabilities.map(\.isKnown) == [true, false])
        #expect(result.capabilities[0].method == .notify)
        #expect(PluginCapability.importer.method == .import)
    }
}
