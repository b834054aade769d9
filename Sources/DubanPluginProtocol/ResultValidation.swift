/// Checks a plugin's result against the request it answers, beyond what decoding checks: the rules that a JSON
/// Schema cannot state (keys and ids must come from the request).
extension InitializeResult {
    /// - Throws: ``PluginProtocolError/Code/schema`` for an empty name or version,
    ///   ``PluginProtocolError/Code/incompatibleVersion`` for another major version than `host`.
    public func validate(host: ProtocolVersion = .current) throws(PluginProtocolError) {
        guard !name.isEmpty, !version.isEmpty else {
            throw PluginProtocolError(code: .schema, message: "initialize result needs a non-empty name and version")
        }
        guard protocolVersion.isCompatible(with: host) else {
            throw PluginProtocolError(
                code: .incompatibleVersion,
                message: "plugin speaks protocol \(protocolVersion), host speaks \(host) (major \(host.major) only)")
        }
    }
}

extension NotifyResult {
    /// - Throws: ``PluginProtocolError/Code/schema`` for a key not in `params`, or one both delivered and failed.
    public func validate(against params: NotifyParams) throws(PluginProtocolError) {
        let sent = Set(params.events.map(\.key))
        let delivered = Set(delivered)
        for key in delivered where !sent.contains(key) {
            throw PluginProtocolError(code: .schema, message: "delivered names an event not sent: \(key)")
        }
        for failure in failed {
            guard sent.contains(failure.key) else {
                throw PluginProtocolError(code: .schema, message: "failed names an event not sent: \(failure.key)")
            }
            guard !delivered.contains(failure.key) else {
                throw PluginProtocolError(code: .schema, message: "event both delivered and failed: \(failure.key)")
            }
            if let wait = failure.retryAfter, !(wait.isFinite && wait > 0) {
                throw PluginProtocolError(code: .schema, message: "retryAfter must be a number of seconds > 0")
            }
        }
    }
}

extension CheckResult {
    /// The longest evidence text kept, in characters; longer text is a schema violation.
    public static let maximumEvidenceLength = 4_000

    /// - Throws: ``PluginProtocolError/Code/schema`` for an occurrence not in `params`, a repeated occurrence,
    ///   progress ≤ 0 or not finite, a reading not finite, or evidence that is empty or too long.
    public func validate(against params: CheckParams) throws(PluginProtocolError) {
        let asked = Set(params.occurrences.map(\.id))
        var seen = Set<String>()
        for outcome in results {
            guard asked.contains(outcome.occurrence) else {
                throw PluginProtocolError(code: .schema, message: "result for an occurrence not asked: \(outcome.occurrence)")
            }
            guard seen.insert(outcome.occurrence).inserted else {
                throw PluginProtocolError(code: .schema, message: "two results for \(outcome.occurrence)")
            }
            if let progress = outcome.progress, !(progress.isFinite && progress > 0) {
                throw PluginProtocolError(code: .schema, message: "progress must be a number > 0, got \(progress)")
            }
            if let reading = outcome.reading, !reading.isFinite {
                throw PluginProtocolError(code: .schema, message: "reading must be a finite number")
            }
            guard !outcome.evidence.isEmpty, outcome.evidence.count <= CheckResult.maximumEvidenceLength else {
                throw PluginProtocolError(
                    code: .schema, message: "evidence must be 1 to \(CheckResult.maximumEvidenceLength) characters")
            }
        }
    }
}

extension ImportResult {
    /// - Throws: ``PluginProtocolError/Code/schema`` for a negative item count, an empty plan or a line number < 1.
    public func validate() throws(PluginProtocolError) {
        guard items >= 0 else { throw PluginProtocolError(code: .schema, message: "items must be ≥ 0") }
        guard !planYAML.isEmpty else { throw PluginProtocolError(code: .schema, message: "planYAML is empty") }
        if let bad = unmapped.first(where: { $0.line < 1 }) {
            throw PluginProtocolError(code: .schema, message: "unmapped line numbers start at 1, got \(bad.line)")
        }
    }
}
