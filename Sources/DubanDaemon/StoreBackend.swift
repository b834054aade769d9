import DubanCore
import DubanScheduler
import DubanStore
import Foundation

/// The composition root's choice of state store: the one place in the daemon that names a backend. Everything
/// else holds `any StateStore`.
enum StoreBackend {
    /// The embedded SQLite store at `state_dir/duban.sqlite` (created with its directory when absent), reading
    /// the time from `clock`.
    static func open(configuration: DubanConfiguration, clock: any WallClock) throws -> any StateStore {
        try FileManager.default.createDirectory(atPath: configuration.stateDirectory, withIntermediateDirectories: true)
        return try SQLiteStateStore.open(
            path: configuration.stateDirectory + "/duban.sqlite",
            configuration: .init(now: { clock.now }, timeZone: configuration.site.timeZone)
        )
    }
}
