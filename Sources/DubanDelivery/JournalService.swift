public import ServiceLifecycle

/// The journal outbox as a service: at start it writes the notices a crash left recorded but unwritten, then stays
/// until shutdown. Later notices are written by the batch that records them (``DeliveryPipeline/deliver(_:)``).
public struct JournalService: Service {
    let pipeline: DeliveryPipeline

    public init(pipeline: DeliveryPipeline) {
        self.pipeline = pipeline
    }

    public func run() async throws {
        try? await pipeline.drainJournal()
        // A service that returns ends the group: stay until shutdown.
        try? await gracefulShutdown()
    }
}
