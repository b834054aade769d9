import Foundation
import Logging
import Synchronization

/// A last resort behind the graceful shutdown: once SIGTERM or SIGINT arrives, a thread of its own (not the
/// cooperative pool, which a stuck part could hold) waits `seconds` and, if duband is still running, logs why and
/// exits (never waiting on the log, which a stalled journald could block). systemd would otherwise wait out TimeoutStopSec and SIGKILL it; duband promises to stop within 2 s.
///
/// A notifier batch in flight (``DeliveryInFlight``) extends the deadline up to `extended` seconds: a message the
/// plugin has handed on must be recorded as delivered, or the next start would send it again.
enum StopDeadline {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    /// Notifier batches being sent now.
    static let inFlight = Atomic<Int>(0)
    /// The longest a batch in flight may hold up the exit.
    static let extended = 10.0

    /// `onSignal` runs on the signal's queue as soon as the signal arrives (it tells systemd STOPPING=1).
    static func arm(seconds: Double, logger: Logger, onSignal: @escaping @Sendable () -> Void = {}) {
        let queue = DispatchQueue(label: "duban.stop-deadline")
        for signalNumber in [SIGTERM, SIGINT] {
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                onSignal()
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: seconds)
                    var waited = seconds
                    while inFlight.load(ordering: .acquiring) > 0, waited < extended {
                        Thread.sleep(forTimeInterval: 0.05)
                        waited += 0.05
                    }
                    // The warning goes out from a thread of its own, and the exit does not wait for it for long: a
                    // stalled journald (whose socket then blocks every send) must not hold the exit as well.
                    Thread.detachNewThread {
                        logger.warning(
                            "停止超时,强制退出 / graceful shutdown did not finish within \(seconds) s; exiting"
                        )
                    }
                    Thread.sleep(forTimeInterval: 0.1)
                    _exit(0)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
