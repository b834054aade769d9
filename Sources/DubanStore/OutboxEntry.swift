/// A notification to deliver because an event fired, handed to ``StateStore/recordFired(_:outbox:)`` together
/// with its event.
public struct OutboxEntry: Hashable, Sendable, Codable {
    /// The ``FiredEvent/key`` of the event that caused it; the event must be in the same call.
    public var eventKey: String
    /// Where it goes: `journal`, `mail`, `plugin:<name>` …
    public var channel: String
    /// What to send, as the channel expects it (usually JSON).
    public var payload: String

    public init(eventKey: String, channel: String, payload: String) {
        self.eventKey = eventKey
        self.channel = channel
        self.payload = payload
    }
}
