import DubanCore
import DubanTesting
import Foundation
import Testing

/// The contract declares the limits the store keeps (`RecordLimits`, the one place they are defined): a client
/// generated from docs/openapi.yaml refuses exactly what duband would refuse with a 422.
@Suite struct ContractLimitsTests {
    static func document() throws -> [String: Any] {
        let url = Fixtures.packageRoot.appendingPathComponent("Sources/DubanControlRoutes/OpenAPI/openapi.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func properties(_ schema: String, in document: [String: Any]) throws -> [String: [String: Any]] {
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        let object = try #require(schemas[schema] as? [String: Any], "no schema \(schema)")
        return try #require(object["properties"] as? [String: [String: Any]])
    }

    @Test func amountsAndReadingsMatchTheStore() throws {
        let document = try Self.document()
        let amount = try #require(try Self.properties("ProgressRequest", in: document)["amount"])
        #expect((amount["maximum"] as? Double) == RecordLimits.maximumAmount)
        let value = try #require(try Self.properties("ReadingRequest", in: document)["value"])
        #expect((value["maximum"] as? Double) == RecordLimits.maximumReading)
        #expect((value["minimum"] as? Double) == -RecordLimits.maximumReading)
    }

    @Test func everyTextFieldOfARequestHasTheStoresLength() throws {
        let document = try Self.document()
        var checked = 0
        for schema in ["DoneRequest", "ReopenRequest", "WaiveRequest", "ExtendRequest", "ProgressRequest",
            "ReadingRequest", "StartRequest"]
        {
            for (name, property) in try Self.properties(schema, in: document)
            where ["note", "evidence", "reason"].contains(name) {
                #expect(
                    (property["maxLength"] as? Int) == RecordLimits.maximumTextLength,
                    "\(schema).\(name): \(property)"
                )
                checked += 1
            }
        }
        #expect(checked == 8)
    }

    @Test func theIdempotencyKeyHasTheStoresLength() throws {
        let document = try Self.document()
        let components = try #require(document["components"] as? [String: Any])
        let parameters = try #require(components["parameters"] as? [String: Any])
        let key = try #require(parameters["idempotencyKey"] as? [String: Any])
        let schema = try #require(key["schema"] as? [String: Any])
        #expect((schema["maxLength"] as? Int) == RecordLimits.maximumRequestIDLength)
    }
}
