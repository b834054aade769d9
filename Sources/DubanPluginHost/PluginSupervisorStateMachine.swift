public import Foundation

/// The pure part of running one plugin: its state, restart delays and counters, as a value. The host feeds it
/// what happened (with the time, from an injected clock) and does what it returns; it never reads the clock,
/// spawns or sleeps itself, so every transition is unit-tested.
///
/// Restart delays double on each failure in a row: `initialDelay`, `2×`, `4×` … up to `maximumDelay`; a call
/// that succeeds resets the run of failures. A permanent fault (refused version, missing capability, missing
/// executable) moves to ``PluginState/failed``, which nothing but ``reset()`` leaves.
public struct PluginSupervisorStateMachine: Hashable, Sendable {
    public struct Configuration: Hashable, Sendable {
        public var initialDelay: Double
        public var maximumDelay: Double

        public init(initialDelay: Double = 1, maximumDelay: Double = 300) {
            self.initialDelay = initialDelay
            self.maximumDelay = max(initialDelay, maximumDelay)
        }
    }

    /// What the caller must do before a call.
    public enum StartDecision: Hashable, Sendable {
        /// The plugin is running: send the call.
        case ready
        /// Start the process and run `initialize` first.
        case start
        /// Do not call now: still waiting out a restart delay until the given instant.
        case waitUntil(Date)
        /// Do not call: the plugin failed for good (or is invalid, or stopping).
        case unavailable
    }

    public let configuration: Configuration
    public private(set) var state: PluginState = .stopped
    /// Failures since the last success; sets the next delay.
    public private(set) var consecutiveFailures = 0
    /// When a ``PluginState/backoff`` ends.
    public private(set) var retryAt: Date?
    /// Processes started so far.
    public private(set) var starts = 0

    public init(configuration: Configuration = .init(), invalid: Bool = false) {
        self.configuration = configuration
        if invalid { state = .invalid }
    }

    /// The delay after `failures` failures in a row (1-based): initial × 2^(failures−1), capped.
    public func delay(afterFailures failures: Int) -> Double {
        guard failures > 0 else { return 0 }
        let exponent = min(failures - 1, 62)
        let delay = configuration.initialDelay * pow(2, Double(exponent))
        return min(delay, configuration.maximumDelay)
    }

    /// A call wants the plugin at `now`.
    public mutating func callRequested(now: Date) -> StartDecision {
        switch state {
        case .ready: return .ready
        case .stopped:
            state = .starting
            starts += 1
            return .start
        case .backoff:
            if let retryAt, now < retryAt { return .waitUntil(retryAt) }
            state = .starting
            retryAt = nil
            starts += 1
            return .start
        case .starting:
            // Calls are serialised by the host, so a second start request means the first start was abandoned.
            starts += 1
            return .start
        case .failed, .invalid, .stopping: return .unavailable
        }
    }

    /// `initialize` succeeded.
    public mutating func started() {
        guard state == .starting else { return }
        state = .ready
    }

    /// A call got a valid reply (a result or an error object): the process is healthy.
    public mutating func callSucceeded() {
        consecutiveFailures = 0
    }

    /// The process faulted at `now` (crash, exit, timeout, garbage, oversized output, wrong id). The process is
    /// gone (the host kills it); the next start waits out the returned delay.
    /// - Returns: The instant of the next allowed start; nil when the fault is permanent.
    @discardableResult
    public mutating func faulted(now: Date, permanent: Bool) -> Date? {
        guard state != .invalid, state != .stopping else { return nil }
        consecutiveFailures += 1
        if permanent {
            state = .failed
            retryAt = nil
            return nil
        }
        let next = now.addingTimeInterval(delay(afterFailures: consecutiveFailures))
        state = .backoff
        retryAt = next
        return next
    }

    /// The host is shutting down: no more starts.
    public mutating func stopping() {
        guard state != .invalid else { return }
        state = .stopping
    }

    /// The process ended cleanly after `shutdown`.
    public mutating func stopped() {
        guard state != .invalid, state != .failed else { return }
        state = .stopped
    }

    /// Forgets failures (after the configuration was reloaded): the next call starts afresh.
    public mutating func reset() {
        guard state != .invalid else { return }
        state = .stopped
        consecutiveFailures = 0
        retryAt = nil
    }
}
