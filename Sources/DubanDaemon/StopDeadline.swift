import DubanDelivery
import DubanSystemd
import Foundation
import Logging

/// A last resort behind the graceful shutdown: once SIGTERM or SIGINT arrives, a thread of its own (not the
/// cooperative pool, which a stuck part could hold) waits `seconds` and, if duband is still running, logs why
/// (`forced-exit`) and exits (never waiting on the log, which a stalled journald could block). systemd would
/// otherwise wait out TimeoutStopSec and SIGKILL it.
///
/// The graceful shutdown itself ends in milliseconds (every service returns when the group shuts down); only a
/// plugin that does not answer `shutdown` takes longer, up to its grace period twice (``stopBudget(pluginGrace:)``).
/// The end-to-end tests fail if this net ever fires.
///
/// A notifier batch in flight (``DeliveryInFlight``) extends the deadline up to `extended` seconds: a message the
/// plugin has handed on must be recorded as delivered, or the next start would send it again.
enum StopDeadline {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    /// The longest a batch in flight may hold up the exit.
    static let extended = 10.0

    /// The deadline for a graceful shutdown: a second for the services, then the plugins' stop (`shutdown`, the
    /// grace period to answer and exit, SIGTERM, SIGKILL a grace period later), and half a second to spare.
    static func stopBudget(pluginGrace: Double) -> Double {
        1 + 2 * pluginGrace + 0.5
    }

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
                    while DeliveryInFlight.count > 0, waited < extended {
                        Thread.sleep(forTimeInterval: 0.05)
                        waited += 0.05
                    }
                    let total = waited
                    // The warning goes out from a thread of its own, and the exit does not wait for it for long: a
                    // stalled journald (whose socket then blocks every send) must not hold the exit as well.
                    Thread.detachNewThread {
                        logger.warning(
                            "停止超时,强制退出 / graceful shutdown did not finish within \(total) s; exiting",
                            metadata: JournalMessageID.forcedExit.metadata
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
