public import DubanMail
public import DubanPluginKit
public import DubanPluginProtocol
public import Foundation

/// The email plugin's manifest `settings`, read and checked in `initialize`.
///
/// ```yaml
/// settings:
///   from: 督办系统 <duban@jyj.example.gov.cn>   # required
///   sendmail: /usr/sbin/sendmail -t -i        # default; msmtp -t … for an SMTP relay (docs/email.md)
///   languages: [zh-Hans, en]                  # default [zh-Hans]; en adds an English alternative
///   reply_to: 办公室 <office@jyj.example.gov.cn>
///   time_zone: Asia/Shanghai                  # default; the zone of the Date header
///   send_timeout: 20                          # seconds per message, default 20
/// ```
public struct EmailSettings: Hashable, Sendable {
    public var from: MailAddress
    public var replyTo: MailAddress?
    public var sendmail: ChildCommand
    /// Most preferred first; the first is also the language of the subject.
    public var languages: [String]
    public var timeZone: TimeZone
    public var sendTimeout: Duration

    /// The sendmail command used when the settings name none.
    public static let defaultSendmail = "/usr/sbin/sendmail -t -i"
    static let supportedLanguages = ["zh-Hans", "en"]

    public init(
        from: MailAddress,
        replyTo: MailAddress? = nil,
        sendmail: ChildCommand,
        languages: [String] = ["zh-Hans"],
        timeZone: TimeZone,
        sendTimeout: Duration = .seconds(20)
    ) {
        self.from = from
        self.replyTo = replyTo
        self.sendmail = sendmail
        self.languages = languages
        self.timeZone = timeZone
        self.sendTimeout = sendTimeout
    }

    /// Reads `settings`.
    /// - Throws: an `invalidParams` error naming the setting and what is wrong with it, in both languages.
    public init(settings: JSONValue) throws(RPCErrorObject) {
        func invalid(_ zh: String, _ en: String) -> RPCErrorObject {
            RPCErrorObject(code: RPCErrorObject.invalidParams, message: "邮件插件设置有误:\(zh) / email settings: \(en)")
        }
        guard let object = settings.objectValue else { throw invalid("settings 须为映射", "settings must be a mapping") }
        let known: Set = ["from", "sendmail", "languages", "reply_to", "time_zone", "send_timeout"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw invalid("未知设置项 \(unknown)", "unknown setting \(unknown)")
        }
        guard let fromText = object["from"]?.stringValue else {
            throw invalid("缺少 from(发件人地址)", "from (the sender address) is required")
        }
        do {
            from = try Self.mailbox(fromText).validated()
            replyTo = try object["reply_to"]?.stringValue.map { text throws(MailError) in
                try Self.mailbox(text).validated()
            }
        } catch {
            throw invalid(error.message, error.message)
        }
        if object["reply_to"] != nil, replyTo == nil { throw invalid("reply_to 须为字符串", "reply_to must be a string") }
        switch object["sendmail"] {
        case nil:
            sendmail = try! ChildCommand(parsing: Self.defaultSendmail)
        case .string(let text)?:
            do { sendmail = try ChildCommand(parsing: text) } catch { throw invalid(error.message, error.message) }
        case .array(let words)? where !words.isEmpty && words.allSatisfy({ $0.stringValue != nil }):
            sendmail = ChildCommand(arguments: words.compactMap(\.stringValue))
        default:
            throw invalid("sendmail 须为命令字符串或字符串列表", "sendmail must be a command string or a list of strings")
        }
        switch object["languages"] {
        case nil:
            languages = ["zh-Hans"]
        case .array(let items)?:
            let names = items.compactMap(\.stringValue)
            guard names.count == items.count, !names.isEmpty, Set(names).count == names.count,
                names.allSatisfy(Self.supportedLanguages.contains)
            else {
                throw invalid("languages 须为 zh-Hans、en 组成的列表", "languages must be a list of zh-Hans and en")
            }
            languages = names
        default:
            throw invalid("languages 须为列表", "languages must be a list")
        }
        let zoneName = object["time_zone"]?.stringValue ?? "Asia/Shanghai"
        guard let zone = TimeZone(identifier: zoneName) else {
            throw invalid("未知时区 \(zoneName)", "unknown time zone \(zoneName)")
        }
        timeZone = zone
        switch object["send_timeout"] {
        case nil: sendTimeout = .seconds(20)
        case .number(let seconds)? where seconds > 0 && seconds <= 3600:
            sendTimeout = .milliseconds(Int(seconds * 1000))
        default: throw invalid("send_timeout 须为 1–3600 秒", "send_timeout must be 1–3600 seconds")
        }
    }

    /// `Name <addr>`, `<addr>` or `addr`.
    static func mailbox(_ text: String) -> MailAddress {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            return MailAddress(address: trimmed)
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        return MailAddress(name: name.isEmpty ? nil : name, address: address)
    }
}
