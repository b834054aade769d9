public import DubanPluginProtocol
import Foundation
public import Logging

/// Runs one plugin: starts it lazily on the first call, performs the `initialize` handshake, makes one call at a
/// time with a deadline, and turns every failure into a logged fault, a statistic and a restart delay — never into
/// a crash of the host.
///
/// The decisions live in ``PluginSupervisorStateMachine``; this actor carries them out. Because it is an actor
/// and a call awaits its reply without blocking, ``statistics()`` answers while a call is stuck in a hung plugin.
public actor PluginSupervisor {
    public nonisolated let manifest: PluginManifest
    let configuration: PluginHostConfiguration
    let logger: Logger
    private var machine: PluginSupervisorStateMachine
    private var process: PluginProcess?
    private var nextRequestID = 1
    private var stats: PluginStatistics
    /// True while a call owns the process (an exit then is reported by the call, not by the exit watcher).
    private var inCall = false
    private var queue: [CheckedContinuation<Void, Never>] = []
    private var busy = false
    private var stderrWindow = (start: Date.distantPast, lines: 0, dropped: 0)

    /// A supervisor for a valid manifest.
    public init(manifest: PluginManifest, configuration: PluginHostConfiguration, logger: Logger) {
        self.manifest = manifest
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "duban.plugin"] = .string(manifest.name)
        self.logger = logger
        self.machine = PluginSupervisorStateMachine(
            configuration: .init(initialDelay: manifest.restartDelay, maximumDelay: manifest.restartDelayMaximum))
        self.stats = PluginStatistics(
            name: manifest.name, state: .stopped, capabilities: manifest.capabilities, executable: manifest.executable,
            file: manifest.file)
    }

    /// A placeholder for a manifest that could not be read: state ``PluginState/invalid``, its problems as the
    /// last error, never started.
    public init(invalidManifest name: String, file: String, problems: String, configuration: PluginHostConfiguration, logger: Logger) {
        self.manifest = PluginManifest(name: name, executable: "", capabilities: [], file: file)
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "duban.plugin"] = .string(name)
        self.logger = logger
        self.machine = PluginSupervisorStateMachine(invalid: true)
        self.stats = PluginStatistics(
            name: name, state: .invalid, capabilities: [], executable: "", file: file, failures: 1, lastError: problems,
            lastErrorAt: configuration.now())
    }

    /// The plugin's statistics now.
    public func statistics() -> PluginStatistics {
        var result = stats
        result.state = machine.state
        result.retryAt = machine.retryAt
        result.pid = process.map { Int32($0.pid) }
        result.starts = machine.starts
        return result
    }

    /// Counts a message the notifier reported as never deliverable (shown by `dubanctl plugins`).
    public func recordDeliveryFailure(_ error: String) {
        stats.undeliverable += 1
        stats.lastUndeliverable = error
        stats.lastUndeliverableAt = configuration.now()
    }

    // MARK: Calls

    /// Delivers a batch of events (`notify`).
    public func notify(_ params: NotifyParams) async throws(PluginError) -> NotifyResult {
        try await call(.notify, capability: .notifier, params: params, as: NotifyResult.self) { result throws(PluginProtocolError) in
            try result.validate(against: params)
        }
    }

    /// Checks occurrences of a task (`check`).
    public func check(_ params: CheckParams) async throws(PluginError) -> CheckResult {
        try await call(.check, capability: .checker, params: params, as: CheckResult.self) { result throws(PluginProtocolError) in
            try result.validate(against: params)
        }
    }

    /// Turns a document into a draft plan (`import`).
    public func importDocument(_ params: ImportParams) async throws(PluginError) -> ImportResult {
        try await call(.import, capability: .importer, params: params, as: ImportResult.self) { result throws(PluginProtocolError) in
            try result.validate()
        }
    }

    /// Makes one call: waits its turn, starts the plugin when needed, sends the request, reads and checks the
    /// reply. Every failure is recorded (statistics, journal) before it is thrown.
    func call<Params: Encodable & Sendable, Result: Decodable & Sendable>(
        _ method: PluginMethod, capability: PluginCapability, params: Params, as type: Result.Type,
        validate: (Result) throws(PluginProtocolError) -> Void
    ) async throws(PluginError) -> Result {
        await acquire()
        defer { release() }
        stats.calls += 1
        guard manifest.capabilities.contains(capability) else {
            let error = PluginError(code: .notOffered, message: "the manifest does not declare `\(capability)`")
            stats.failures += 1
            stats.lastError = error.description
            stats.lastErrorAt = configuration.now()
            throw error
        }
        let process = try await ensureReady()
        let reply: Swift.Result<Result, RPCErrorObject>
        do {
            reply = try await exchange(process, method: method, params: params, as: type)
        } catch {
            throw await fault(error, permanent: false)
        }
        switch reply {
        case .failure(let remote):
            let error = PluginError(code: .remote, message: "\(method) answered with error \(remote.code): \(remote.message)", remote: remote)
            machine.callSucceeded()
            record(error, event: .failed)
            throw error
        case .success(let result):
            do {
                try validate(result)
            } catch {
                throw await fault(PluginError(code: .protocolViolation, message: "\(method): \(error)"), permanent: false)
            }
            machine.callSucceeded()
            stats.lastSuccessAt = configuration.now()
            return result
        }
    }

    /// Sends one request and reads its reply with the manifest's deadline.
    private func exchange<Params: Encodable & Sendable, Result: Decodable & Sendable>(
        _ process: PluginProcess, method: PluginMethod, params: Params?, as type: Result.Type
    ) async throws(PluginError) -> Swift.Result<Result, RPCErrorObject> {
        let codec = LineCodec()
        let stray = process.stdout.takeQueued()
        if let first = stray.first {
            throw PluginError(code: .protocolViolation, message: "output nobody asked for: \(Self.describe(first))")
        }
        let id = nextRequestID
        nextRequestID += 1
        let line: Data
        do {
            line = try codec.encodeRequest(id: id, method: method, params: params)
        } catch {
            throw PluginError(code: .protocolViolation, message: "cannot encode the \(method) request: \(error)")
        }
        inCall = true
        defer { inCall = false }
        let deadline = Date().addingTimeInterval(manifest.timeout)
        // The write itself counts against the deadline: a plugin that does not read cannot stall the host.
        let written = await withDeadline(deadline) { await process.write(line) }
        guard written == true else {
            if written == nil {
                throw PluginError(code: .timedOut, message: "\(method) not read within \(manifest.timeout) s")
            }
            let exit = await process.waitForExit(timeout: 1)
            throw PluginError(code: .exited, message: "stdin closed before \(method)" + (exit.map { " (\($0))" } ?? ""))
        }
        while true {
            switch await process.stdout.next(timeout: deadline.timeIntervalSinceNow) {
            case .timedOut:
                throw PluginError(code: .timedOut, message: "no reply to \(method) within \(Self.seconds(manifest.timeout))")
            case .endOfStream:
                let exit = await process.waitForExit(timeout: 1)
                throw PluginError(
                    code: .exited, message: "exited during \(method)" + (exit.map { " (\($0))" } ?? " (stdout closed)"))
            case .item(.oversized(let prefix)):
                throw PluginError(
                    code: .outputTooLarge,
                    message: "a line longer than \(manifest.maximumOutputBytes) bytes (max_output): \(LineCodec.excerpt(prefix.prefix(80)))")
            case .item(.line(let bytes)):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                do {
                    return try codec.decodeReply(bytes, id: id, as: type)
                } catch {
                    throw PluginError(code: .protocolViolation, message: "\(method): \(error)")
                }
            }
        }
    }

    /// Runs `body`, returning nil when `deadline` passes first (the body keeps running detached).
    private func withDeadline<T: Sendable>(_ deadline: Date, _ body: @escaping @Sendable () async -> T) async -> T? {
        let box = OneShot<T?>()
        Task { box.fulfil(await body()) }
        Task {
            try? await Task.sleep(for: .milliseconds(Int64(max(0, deadline.timeIntervalSinceNow) * 1000)))
            box.fulfil(nil)
        }
        return await box.value()
    }

    // MARK: Starting

    /// The running process, started (with `initialize`) when needed.
    private func ensureReady() async throws(PluginError) -> PluginProcess {
        let now = configuration.now()
        switch machine.callRequested(now: now) {
        case .ready:
            if let process, process.exit == nil { return process }
            // Exited since the last call and not yet noticed: that is a fault of its own.
            let exit = process?.exit
            throw await fault(
                PluginError(code: .exited, message: "exited while idle" + (exit.map { " (\($0))" } ?? "")), permanent: false)
        case .waitUntil(let date):
            throw PluginError(
                code: .unavailable, message: "restarting after a failure at \(date): \(stats.lastError ?? "")", retryAt: date)
        case .unavailable:
            throw PluginError(
                code: machine.state == .stopping ? .shuttingDown : .refused,
                message: stats.lastError ?? "plugin is \(machine.state.rawValue)")
        case .start:
            return try await start()
        }
    }

    private func start() async throws(PluginError) -> PluginProcess {
        var environment = configuration.baseEnvironment
        environment["DUBAN_PLUGIN_NAME"] = manifest.name
        environment["DUBAN_PROTOCOL_VERSION"] = ProtocolVersion.current.description
        for (key, value) in manifest.environment { environment[key] = value }
        let started: PluginProcess
        do {
            started = try PluginProcess(
                executable: manifest.executable, arguments: manifest.arguments, environment: environment,
                maximumLineBytes: manifest.maximumOutputBytes, stderrLineLimit: configuration.stderrLineLimit,
                stderrLine: { [weak self] line, truncated in
                    guard let self else { return }
                    Task { await self.logStderr(line, truncated: truncated) }
                },
                onExit: { [weak self] exit in
                    guard let self else { return }
                    Task { await self.processExited(exit) }
                })
        } catch {
            // A missing or non-executable file does not heal by restarting, but an admin may install it: back off.
            throw await fault(PluginError(code: .spawnFailed, message: "\(error)"), permanent: false)
        }
        process = started
        let params = InitializeParams(
            host: HostInfo(name: configuration.hostName, version: configuration.hostVersion), locale: configuration.locale,
            settings: manifest.settings)
        let reply: Swift.Result<InitializeResult, RPCErrorObject>
        do {
            reply = try await exchange(started, method: .initialize, params: params, as: InitializeResult.self)
        } catch {
            throw await fault(PluginError(code: error.code, message: "initialize: \(error.message)"), permanent: false)
        }
        let result: InitializeResult
        switch reply {
        case .failure(let remote):
            throw await fault(
                PluginError(code: .remote, message: "initialize answered with error \(remote.code): \(remote.message)", remote: remote),
                permanent: false)
        case .success(let value): result = value
        }
        do {
            try result.validate(host: .current)
        } catch let error where error.code == .incompatibleVersion {
            throw await fault(
                PluginError(code: .refused, message: "protocol \(result.protocolVersion) refused: duband speaks \(ProtocolVersion.current) (major \(ProtocolVersion.current.major))"),
                permanent: true)
        } catch {
            throw await fault(PluginError(code: .protocolViolation, message: "initialize: \(error)"), permanent: false)
        }
        let missing = manifest.capabilities.filter { !result.capabilities.contains($0) }
        if !missing.isEmpty {
            throw await fault(
                PluginError(
                    code: .refused,
                    message: "the manifest declares \(missing.map(\.rawValue).joined(separator: ", ")) but the plugin offers only \(result.capabilities.map(\.rawValue).joined(separator: ", "))"),
                permanent: true)
        }
        machine.started()
        stats.pluginVersion = result.version
        stats.protocolVersion = result.protocolVersion.description
        logger.notice(
            "插件已启动 / plugin started: \(manifest.name) \(result.version) (protocol \(result.protocolVersion), pid \(started.pid))",
            metadata: configuration.eventMetadata(.started).merging([
                "duban.plugin_pid": .string("\(started.pid)"), "duban.plugin_version": .string(result.version),
            ]) { _, new in new })
        return started
    }

    // MARK: Faults

    /// Records a fault, kills the process, and schedules the restart (or refuses for good). Returns the error
    /// to throw.
    private func fault(_ error: PluginError, permanent: Bool) async -> PluginError {
        let process = self.process
        self.process = nil
        let now = configuration.now()
        let retryAt = machine.faulted(now: now, permanent: permanent)
        record(error, event: permanent ? .refused : .failed, retryAt: retryAt)
        if let process {
            let exit = await process.terminate(grace: configuration.terminationGrace)
            if exit == nil {
                logger.error("插件进程无法结束 / plugin process would not die (pid \(process.pid))")
            }
        }
        return error
    }

    /// Counts and logs a failure.
    private func record(_ error: PluginError, event: PluginHostEvent, retryAt: Date? = nil) {
        stats.failures += 1
        stats.lastError = error.description
        stats.lastErrorAt = configuration.now()
        let action: String
        if event == .refused {
            action = "已停用,重新加载配置后再试 / disabled until reload"
        } else if let retryAt {
            action = "将于 \(Self.seconds(retryAt.timeIntervalSince(configuration.now()))) 后重启 / restart in \(Self.seconds(retryAt.timeIntervalSince(configuration.now())))"
        } else {
            action = "继续运行 / still running"
        }
        logger.error(
            "插件出错 / plugin failed: \(manifest.name): \(error) — \(action)",
            metadata: configuration.eventMetadata(event).merging([
                "duban.plugin_error": .string(error.code.description), "duban.errors": .string(error.message),
            ]) { _, new in new })
    }

    /// The exit watcher saw the process end.
    private func processExited(_ exit: PluginExit) async {
        // Only an exit of the current process while no call owns it is news; calls and kills report their own.
        guard let process, process.exit != nil, !inCall, !busy else { return }
        _ = await fault(PluginError(code: .exited, message: "exited while idle (\(exit))"), permanent: false)
    }

    private func logStderr(_ line: String, truncated: Bool) {
        let now = Date()
        if now.timeIntervalSince(stderrWindow.start) >= 60 {
            if stderrWindow.dropped > 0 {
                logger.warning("插件标准错误输出过多,已略去 \(stderrWindow.dropped) 行 / \(stderrWindow.dropped) stderr lines dropped")
            }
            stderrWindow = (now, 0, 0)
        }
        guard stderrWindow.lines < configuration.stderrLinesPerMinute else {
            stderrWindow.dropped += 1
            return
        }
        stderrWindow.lines += 1
        logger.info("\(line)\(truncated ? "…" : "")", metadata: configuration.eventMetadata(.output))
    }

    // MARK: Shutdown

    /// Asks the plugin to stop (`shutdown`, then end of stdin) and refuses further calls. The grace period covers
    /// the write, the answer and the exit together; a plugin still running after it gets SIGTERM, and SIGKILL a
    /// grace period later (docs/plugin-protocol.md), so a stop never takes longer than twice the grace period
    /// once a call in progress has ended.
    public func shutdown() async {
        await acquire()
        defer { release() }
        machine.stopping()
        guard let process else { return }
        self.process = nil
        if process.exit == nil {
            inCall = true
            let grace = min(configuration.terminationGrace, manifest.timeout)
            let deadline = Date().addingTimeInterval(grace)
            let codec = LineCodec()
            if let line = try? codec.encodeRequest(id: nextRequestID, method: .shutdown, params: NoParams?.none) {
                nextRequestID += 1
                _ = await withDeadline(deadline) { await process.write(line) }
                _ = await process.stdout.next(timeout: max(0, deadline.timeIntervalSinceNow))
            }
            process.closeStdin()
            if await process.waitForExit(timeout: max(0, deadline.timeIntervalSinceNow)) == nil {
                _ = await process.terminate(grace: grace)
            }
            inCall = false
        }
        logger.info("插件已停止 / plugin stopped: \(manifest.name)")
    }

    // MARK: One call at a time

    private func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { queue.append($0) }
    }

    private func release() {
        if queue.isEmpty {
            busy = false
        } else {
            queue.removeFirst().resume()
        }
    }

    static func describe(_ item: LineFramer.Item) -> String {
        switch item {
        case .line(let bytes): LineCodec.excerpt(bytes)
        case .oversized(let prefix): "a line over the limit: " + LineCodec.excerpt(prefix.prefix(80))
        }
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.1f s", value) : "\(Int(value.rounded())) s"
    }
}
