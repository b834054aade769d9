public import Foundation

/// The one JSON form duband and its tools write and read: keys sorted (stable output, diffable, cacheable), `/` not
/// escaped (occurrence ids and paths stay readable), instants as ISO 8601. Used for the control API's bodies, the
/// plugin protocol's lines, the outbox's payloads, stored notices and dubanctl's `--json`. (The store's idempotency
/// records keep their own form: instants as milliseconds, `ChangeRequestCoding`.)
public enum DubanJSON {
    /// An encoder of that form; `pretty` adds indentation (dubanctl's `--json`).
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [
            .sortedKeys, .withoutEscapingSlashes,
        ]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A decoder of that form (instants as ISO 8601).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
