import DubanCalendar
import DubanControlServer
import DubanControlRoutes
import DubanCore
import DubanDelivery
import DubanScheduler
import DubanSystemd
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// The control socket as a service: adopts systemd's socket when activated, binds the configured path otherwise,
/// and tells systemd READY=1 once it listens (plans are loaded by then).
struct ControlService: Service {
    let daemon: Daemon
    let logger: Logger

    func run() async throws {
        let fds = ListenFDs.take(logger: logger)
        let listener: ControlServer.Listener
        if let fd = fds.first {
            listener = .inherited(descriptor: fd)
            logger.info("控制套接字由 systemd 传入 / control socket passed by systemd", metadata: ["fd": "\(fd)"])
        } else {
            let path = daemon.configuration.socket
            try? FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                withIntermediateDirectories: true
            )
            listener = .path(path)
            logger.info("控制套接字 / control socket", metadata: ["path": "\(path)"])
        }
        let server = ControlServer(listener: listener, handler: ControlRoutes(context: daemon), logger: logger)
        do {
            try await serve(server)
        } catch is CancellationError {
            // Graceful shutdown cancels the accept loop: a normal end.
        }
    }

    func serve(_ server: ControlServer) async throws {
        try await withGracefulShutdownHandler {
            try await cancelWhenGracefulShutdown {
                try await server.run {
                    let status = daemon.status().line(
                        daemon.configuration.locale,
                        timeZone: daemon.configuration.site.timeZone
                    )
                    daemon.notifier.ready(status: status)
                    logger.notice(
                        "duband 已就绪 / duband ready: \(status)",
                        metadata: JournalMessageID.daemonStarted.metadata.merging([
                            "duban.version": .string(DubanVersion.current)
                        ]) { _, new in new }
                    )
                }
            }
        } onGracefulShutdown: {
            daemon.notifier.stopping()
            daemon.events.finishAll()
            logger.notice("duband 正在停止 / duband stopping", metadata: JournalMessageID.daemonStopping.metadata)
        }
    }
}

/// The scheduler loop as a service.
struct SchedulerService: Service {
    let loop: SchedulerLoop

    func run() async throws {
        await cancelWhenGracefulShutdown { await loop.run() }
    }
}

/// SIGHUP → reload, like `systemctl reload duban`.
///
/// The trap is set when the service is made, before the group starts: READY=1 (sent by the control service once it
/// listens) must never precede it, or a SIGHUP right after READY would meet the default action and end duband.
struct HangupService: Service {
    let daemon: Daemon
    let signals: UnixSignalsSequence

    init(daemon: Daemon) async {
        self.daemon = daemon
        self.signals = await UnixSignalsSequence(trapping: .sighup)
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            for await _ in signals {
                await daemon.reload(reason: "SIGHUP")
            }
        }
    }
}

/// WATCHDOG=1 at half of WatchdogSec, while the loop is alive.
struct WatchdogService: Service {
    let daemon: Daemon

    func run() async throws {
        guard let interval = daemon.notifier.watchdogInterval() else {
            // No WatchdogSec: nothing to ping, but a service that returns early stops the group.
            try? await gracefulShutdown()
            return
        }
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                daemon.notifier.watchdog()
                try await Task.sleep(for: interval)
            }
        }
    }
}

/// The first store sync, after READY=1 (``Daemon/syncStore()``); its failure ends the group.
struct StoreSyncService: Service {
    let daemon: Daemon

    func run() async throws {
        try await daemon.syncStore()
        // A service that returns ends the group: stay until shutdown.
        try? await gracefulShutdown()
    }
}

/// Keeps STATUS= current as the clock moves.
struct StatusService: Service {
    let daemon: Daemon

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                daemon.publishStatus()
                try await Task.sleep(for: .seconds(5))
            }
        }
    }
}

extension Daemon {
    /// Runs every part in one service group until SIGTERM or SIGINT (graceful: STOPPING=1, then each part ends):
    /// the daemon's own services, then the delivery pipeline's (``DeliveryPipeline/services``), the work one node
    /// of several would run alone.
    public func run() async throws {
        let loop = try await makeLoop()
        if scaled {
            logger.warning(
                "演练时钟运行中,时间不是真实时间 / REHEARSAL CLOCK: time is not real time: \(clock)",
                metadata: JournalMessageID.scaledClockActive.metadata.merging(["duban.clock": "\(clock)"]) { _, new in
                    new
                }
            )
        }
        let services: [any Service] = [
            StoreSyncService(daemon: self), StatusService(daemon: self), SchedulerService(loop: loop),
            await HangupService(daemon: self), WatchdogService(daemon: self), ControlService(daemon: self, logger: logger),
        ]
        var group = ServiceGroupConfiguration(
            services: services + delivery.services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        // Services stop one by one in reverse order; should one not end within a second of being asked, the rest
        // are cancelled, so SIGTERM always ends duband within systemd's patience (and the 2 s duband promises).
        group.maximumGracefulShutdownDuration = .seconds(1)
        try await ServiceGroup(configuration: group).run()
    }
}
