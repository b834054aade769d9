import Dispatch
import Synchronization

/// ``SystemdNotifier`` off the caller's thread: each message is sent from a serial dispatch queue of its own, so a
/// service manager that is slow to read `NOTIFY_SOCKET` never blocks the caller (`sd_notify` blocks while the
/// socket's queue is full, and a blocked thread of Swift's cooperative pool would stall every task, the graceful
/// stop included).
///
/// Messages keep their order. `STATUS=` lines coalesce: of several updates waiting to be sent, only the newest goes
/// out. A message still waiting when the process exits is lost, as it would be to a manager that stopped reading.
public final class NotifyQueue: Sendable {
    private let notifier: SystemdNotifier
    private let queue = DispatchQueue(label: "duban.sd-notify")
    /// The newest status not yet sent, and whether a send of it is scheduled.
    private let pendingStatus = Mutex<(text: String?, scheduled: Bool)>((nil, false))

    public init(_ notifier: SystemdNotifier = SystemdNotifier()) {
        self.notifier = notifier
    }

    /// Whether `NOTIFY_SOCKET` was set when the notifier was created.
    public var isEnabled: Bool { notifier.isEnabled }

    /// `READY=1` with `STATUS=` (``SystemdNotifier/ready(status:)``).
    public func ready(status: String? = nil) {
        let notifier = self.notifier
        enqueue { _ = try? notifier.ready(status: status) }
    }

    /// `STATUS=` (``SystemdNotifier/status(_:)``); coalesced with updates still waiting.
    public func status(_ text: String) {
        guard isEnabled else { return }
        let schedule = pendingStatus.withLock { pending -> Bool in
            pending.text = text
            defer { pending.scheduled = true }
            return !pending.scheduled
        }
        guard schedule else { return }
        queue.async { [self] in
            let text = pendingStatus.withLock { pending -> String? in
                defer { pending = (nil, false) }
                return pending.text
            }
            if let text { _ = try? self.notifier.status(text) }
        }
    }

    /// `RELOADING=1` with the time of this call (``SystemdNotifier/reloading()``).
    public func reloading() {
        let notifier = self.notifier
        enqueue { _ = try? notifier.reloading() }
    }

    /// `STOPPING=1` (``SystemdNotifier/stopping()``).
    public func stopping() {
        let notifier = self.notifier
        enqueue { _ = try? notifier.stopping() }
    }

    /// `WATCHDOG=1` (``SystemdNotifier/watchdog()``).
    public func watchdog() {
        let notifier = self.notifier
        enqueue { _ = try? notifier.watchdog() }
    }

    /// ``SystemdNotifier/watchdogInterval()``.
    public func watchdogInterval() -> Duration? { notifier.watchdogInterval() }

    /// Waits (at most `timeout`) until every message queued so far has been handed to the socket; `false` on
    /// timeout. For tests and for an orderly exit.
    @discardableResult
    public func flush(timeout: Duration) -> Bool {
        let done = DispatchSemaphore(value: 0)
        queue.async { done.signal() }
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        return done.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success
    }

    private func enqueue(_ send: @escaping @Sendable () -> Void) {
        guard isEnabled else { return }
        queue.async(execute: send)
    }
}
