import DubanMail
public import DubanPluginKit
public import DubanPluginProtocol
public import Foundation

/// The email plugin: capability `notifier`. Each event becomes one message handed to the sendmail command on
/// its standard input; exit status 0 means the message was accepted (delivered, for duban), anything else, a
/// timeout or a command that cannot start is a retryable failure carrying the command's standard error. An
/// event without a recipient email address fails for good (retrying cannot help).
///
/// Keys delivered by this process are remembered, so a batch the host repeats (after a timeout, say) sends
/// nothing twice; across restarts the host's outbox is what keeps delivery exactly-once.
public struct EmailNotifier: PluginHandler {
    public static let version = "0.1.0"

    public var settings: EmailSettings?
    /// Keys handed to sendmail successfully by this process.
    public private(set) var delivered: Set<String> = []
    /// The clock for the `Date` header.
    let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    public mutating func initialize(_ params: InitializeParams) throws(RPCErrorObject) -> InitializeResult {
        settings = try EmailSettings(settings: params.settings)
        return InitializeResult(name: "duban-email", version: Self.version, capabilities: [.notifier])
    }

    public mutating func notify(_ params: NotifyParams) throws(RPCErrorObject) -> NotifyResult {
        guard let settings else {
            throw RPCErrorObject(code: RPCErrorObject.invalidRequest, message: "notify before initialize")
        }
        let composer = EmailComposer(settings: settings)
        var result = NotifyResult(delivered: [], failed: [])
        for event in params.events {
            if delivered.contains(event.key) {
                result.delivered.append(event.key)
                continue
            }
            let text: String
            do {
                text = try composer.message(for: event, now: now()).rendered()
            } catch {
                result.failed.append(NotifyFailure(key: event.key, error: error.message, retryable: false))
                continue
            }
            switch send(text, with: settings) {
            case nil:
                delivered.insert(event.key)
                result.delivered.append(event.key)
            case let error?:
                result.failed.append(NotifyFailure(key: event.key, error: error, retryable: true))
            }
        }
        return result
    }

    /// Pipes `message` to the sendmail command; nil when it exited 0 in time, else why not.
    func send(_ message: String, with settings: EmailSettings) -> String? {
        let command = settings.sendmail
        let program = command.arguments.first ?? "sendmail"
        do {
            let outcome = try command.run(input: Data(message.utf8), timeout: settings.sendTimeout)
            if outcome.succeeded { return nil }
            let detail = outcome.stderrExcerpt.isEmpty ? "" : ":\(outcome.stderrExcerpt)"
            if outcome.timedOut {
                return "\(program) 超时未完成 / \(program) timed out" + detail
            }
            return "\(program) 退出码 \(outcome.status) / \(program) exited with status \(outcome.status)" + detail
        } catch {
            return error.message
        }
    }
}

/// The `duban-email` executable's whole work: serve protocol v1 on stdin/stdout; returns the exit status.
public func runEmailPlugin() -> Int32 {
    var server = PluginServer(handler: EmailNotifier())
    return server.run()
}
