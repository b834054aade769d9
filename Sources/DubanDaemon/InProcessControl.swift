public import DubanControlServer
import DubanControlRoutes
public import DubanCore
public import DubanScheduler
import Foundation
import Logging

/// The control API's routes without a socket or any service: a daemon whose store has been synced with its plans,
/// answering one request at a time exactly as the control socket would (routing, validation, changes with their
/// audit line, error bodies). For in-process callers that drive the request path directly: the fuzz package
/// (Fuzz/, target FuzzControlAPI) and tests. Streamed responses (`GET /v1/events`) come back unstarted.
public struct InProcessControl: Sendable {
    let daemon: Daemon

    /// Loads `configuration`'s plans, opens its store under `state_dir` and syncs it; logs nowhere.
    /// - Throws: the plans' `DiagnosticsError`s, or the store's error.
    public static func open(configuration: DubanConfiguration, clock: any WallClock) async throws -> InProcessControl {
        let logger = Logger(label: "duban.in-process", factory: { _ in SwiftLogNoOpLogHandler() })
        let daemon = try await Daemon(
            configuration: configuration,
            clock: clock,
            scaled: false,
            logger: logger,
            store: StoreBackend.open(configuration: configuration, clock: clock)
        )
        try await daemon.syncStore()
        return InProcessControl(daemon: daemon)
    }

    /// The answer to `request`, as the control socket would send it.
    public func respond(to request: ControlRequest) async -> ControlResponse {
        await ControlRoutes(context: daemon).handle(request)
    }
}
