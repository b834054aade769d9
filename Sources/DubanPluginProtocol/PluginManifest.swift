/// A plugin as its manifest (`/etc/duban/plugins.d/NAME.yaml`) declares it: what to run, what it offers, and the
/// limits the host holds it to. Read and validated by `DubanPlanFiles.PluginManifestFile`; run by
/// `DubanPluginHost`. See docs/plugin-protocol.md, "Manifest reference".
public struct PluginManifest: Hashable, Sendable {
    /// Unique among the manifests: lowercase letters, digits, `-` and `_`. Names the outbox channel
    /// (`plugin:NAME`), the journal field `DUBAN_PLUGIN` and the actor of a checker's changes (`plugin:NAME`).
    public var name: String
    /// Absolute path of the program.
    public var executable: String
    public var arguments: [String]
    /// Added to a minimal environment (`PATH`, `LANG`, `DUBAN_PLUGIN_NAME`, `DUBAN_PROTOCOL_VERSION`).
    public var environment: [String: String]
    /// What the manifest says the plugin offers; the host checks `initialize` offers at least these.
    public var capabilities: [PluginCapability]
    /// The longest a call (or the `initialize` handshake) may take, in seconds.
    public var timeout: Double
    /// The longest line the plugin may write on stdout, in bytes.
    public var maximumOutputBytes: Int
    /// Passed to the plugin in `initialize` (and `check`), free-form; `{}` when the manifest has none.
    public var settings: JSONValue
    /// For checkers: when to run.
    public var schedule: [PluginScheduleSlot]
    /// For checkers: which tasks, as `plan/task` patterns where `*` matches any run of characters.
    public var tasks: [String]
    /// Notifier batch size: at most this many events per `notify` call.
    public var batchSize: Int
    /// The first restart delay after a failure, in seconds; doubles on each failure in a row up to
    /// ``restartDelayMaximum``.
    public var restartDelay: Double
    public var restartDelayMaximum: Double
    /// For notifiers: what a receiver must have for this notifier to reach it (a unit's 企业微信 or 钉钉 robot, a
    /// contact's mobile or e-mail address); receivers without it are not routed to it. Absent: any receiver.
    public var receives: Address?
    /// For notifiers: the lowest severity routes that do not name it in `via` send it (`critical` for SMS).
    /// Routes naming it send whatever they match. Absent: every severity.
    public var minimumSeverity: String?
    /// The file it was read from (for messages).
    public var file: String

    /// What a notifier addresses: the receiver's property it needs.
    public enum Address: String, Hashable, Sendable, CaseIterable {
        case email, mobile, wecom, dingtalk
    }

    public init(
        name: String, executable: String, arguments: [String] = [], environment: [String: String] = [:],
        capabilities: [PluginCapability], timeout: Double = 30, maximumOutputBytes: Int = LineCodec.defaultMaximumLineBytes,
        settings: JSONValue = .emptyObject, schedule: [PluginScheduleSlot] = [], tasks: [String] = [], batchSize: Int = 50,
        restartDelay: Double = 1, restartDelayMaximum: Double = 300, receives: Address? = nil,
        minimumSeverity: String? = nil, file: String = ""
    ) {
        self.receives = receives
        self.minimumSeverity = minimumSeverity
        self.name = name
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.capabilities = capabilities
        self.timeout = timeout
        self.maximumOutputBytes = maximumOutputBytes
        self.settings = settings
        self.schedule = schedule
        self.tasks = tasks
        self.batchSize = batchSize
        self.restartDelay = restartDelay
        self.restartDelayMaximum = restartDelayMaximum
        self.file = file
    }

    /// The outbox channel of a notifier: `plugin:NAME`.
    public var channel: String { "plugin:\(name)" }

    /// True when `plan/task` matches one of ``tasks``.
    public func checks(plan: String, task: String) -> Bool {
        let key = "\(plan)/\(task)"
        return tasks.contains { PluginManifest.glob($0, matches: key) }
    }

    /// `*` matches any run of characters (including `/`); everything else matches itself.
    public static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern)
        let t = Array(text)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] != "*", p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// True for a valid plugin name.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// When a checker runs: on which days, at what local time (the site's zone).
public struct PluginScheduleSlot: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Days: String, Hashable, Sendable, Codable {
        /// Working days of the Chinese calendar (make-up Saturdays included, holidays excluded).
        case workingDays = "workdays"
        /// Every calendar day.
        case everyDay = "daily"
    }

    public var days: Days
    public var hour: Int
    public var minute: Int

    public init(days: Days, hour: Int, minute: Int) {
        self.days = days
        self.hour = hour
        self.minute = minute
    }

    /// Minutes after midnight.
    public var minuteOfDay: Int { hour * 60 + minute }

    /// `workdays 07:00`.
    public var description: String {
        "\(days.rawValue) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}
