import Foundation
import Logging

/// A last resort behind the graceful shutdown: once SIGTERM or SIGINT arrives, a thread of its own (not the
/// cooperative pool, which a stuck part could hold) waits `seconds` and, if duband is still running, logs why and
/// exits. systemd would otherwise wait out TimeoutStopSec and SIGKILL it; duband promises to stop within 2 s.
enum StopDeadline {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func arm(seconds: Double, logger: Logger) {
        let queue = DispatchQueue(label: "duban.stop-deadline")
        for signalNumber in [SIGTERM, SIGINT] {
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: seconds)
                    logger.warning(
                        "停止超时,强制退出 / graceful shutdown did not finish within \(seconds) s; exiting")
                    fflush(nil)
                    _exit(0)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
