import Foundation

/// Whether a test that needs a real component (journald, msmtp, curl, root, …) may run, for `.enabled(if:)`:
///
/// ```swift
/// @Suite(.enabled(if: try Requirement.met(JournaldHarness.unavailableReason), "needs a real journald"))
/// ```
///
/// Locally a missing component skips the test and prints why. Under CI (`DUBAN_CI=1`, as `.ci/run` sets; root,
/// every component installed) a missing component is an error: the condition throws, which Swift Testing records
/// as a failure of the test, so a suite that would skip can never pass there.
public enum Requirement {
    /// Whether missing components fail instead of skipping (`DUBAN_CI=1`).
    public static var enforced: Bool { ProcessInfo.processInfo.environment["DUBAN_CI"] == "1" }

    /// The component is missing under CI.
    public struct Missing: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "required under CI (DUBAN_CI=1) but missing: \(reason)" }
    }

    /// `true` when `unavailableReason` is nil; otherwise skips (printing the reason) or, under CI, throws.
    public static func met(_ unavailableReason: String?) throws -> Bool {
        guard let reason = unavailableReason else { return true }
        if enforced { throw Missing(reason: reason) }
        print("skipped: \(reason)")
        return false
    }

    /// `reason` when `available` is false.
    public static func met(_ available: Bool, _ reason: String) throws -> Bool {
        try met(available ? nil : reason)
    }

    /// Why a test needing the executable at `path` cannot run, or nil.
    public static func executableReason(_ path: String) -> String? {
        FileManager.default.isExecutableFile(atPath: path) ? nil : "\(path) is missing"
    }
}
