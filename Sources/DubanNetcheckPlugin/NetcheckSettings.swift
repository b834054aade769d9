public import DubanNetcheck
public import DubanPluginKit
public import DubanPluginProtocol
public import Foundation

/// The netcheck plugin's manifest `settings`, read in `initialize` (and again from each `check`'s settings).
///
/// ```yaml
/// settings:
///   inventory: /var/lib/duban/network/schools.csv   # required; read afresh at every check
///   urban_mbps: 200                                 # default 200 (城镇学校出口带宽)
///   rural_mbps: 100                                 # default 100 (农村学校)
///   measure: all                                    # all | bandwidth | urban | rural | ipv6 (default all)
///   measures:                                       # per task: `plan/task` patterns with *, the longest match wins
///     "linxia-it-2022/ipv6-deployment": ipv6
///     "linxia-it-2022/school-bandwidth-urban": urban
///   counties:                                       # org unit id → county name in the inventory (optional)
///     linxia-city: 临夏市
///   probe: /usr/local/bin/school-speed {county} {school}   # optional; prints Mbps, overrides the CSV figure
///   probe_timeout: 10                                # seconds per school, default 10
/// ```
public struct NetcheckSettings: Hashable, Sendable {
    public var inventory: String
    public var targets: NetworkTargets
    public var measure: NetworkTargets.Measure
    public var measures: [(pattern: String, measure: NetworkTargets.Measure)]
    public var counties: [String: String]
    public var probe: ChildCommand?
    public var probeTimeout: Duration

    public static func == (lhs: NetcheckSettings, rhs: NetcheckSettings) -> Bool {
        lhs.inventory == rhs.inventory && lhs.targets == rhs.targets && lhs.measure == rhs.measure
            && lhs.measures.map(\.pattern) == rhs.measures.map(\.pattern)
            && lhs.measures.map(\.measure) == rhs.measures.map(\.measure) && lhs.counties == rhs.counties
            && lhs.probe == rhs.probe && lhs.probeTimeout == rhs.probeTimeout
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(inventory)
        hasher.combine(counties)
    }

    /// Reads `settings`.
    /// - Throws: `invalidParams` naming the setting, in both languages.
    public init(settings: JSONValue) throws(RPCErrorObject) {
        func invalid(_ zh: String, _ en: String) -> RPCErrorObject {
            RPCErrorObject(code: RPCErrorObject.invalidParams, message: "网络检查插件设置有误:\(zh) / netcheck settings: \(en)")
        }
        guard let object = settings.objectValue else { throw invalid("settings 须为映射", "settings must be a mapping") }
        let known: Set = [
            "inventory", "urban_mbps", "rural_mbps", "measure", "measures", "counties", "probe", "probe_timeout",
        ]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw invalid("未知设置项 \(unknown)", "unknown setting \(unknown)")
        }
        guard let inventory = object["inventory"]?.stringValue, !inventory.isEmpty else {
            throw invalid("缺少 inventory(学校网络清单 CSV 路径)", "inventory (the CSV path) is required")
        }
        self.inventory = inventory
        func mbps(_ key: String, _ fallback: Double) throws(RPCErrorObject) -> Double {
            guard let value = object[key] else { return fallback }
            guard let number = value.numberValue, number > 0, number.isFinite else {
                throw invalid("\(key) 须为正数(Mbps)", "\(key) must be a positive number of Mbps")
            }
            return number
        }
        targets = NetworkTargets(urbanMbps: try mbps("urban_mbps", 200), ruralMbps: try mbps("rural_mbps", 100))
        func measureValue(_ value: JSONValue?, _ key: String) throws(RPCErrorObject) -> NetworkTargets.Measure {
            guard let text = value?.stringValue, let measure = NetworkTargets.Measure(rawValue: text) else {
                let names = NetworkTargets.Measure.allCases.map(\.rawValue).joined(separator: "、")
                throw invalid("\(key) 须为 \(names) 之一", "\(key) must be one of \(names)")
            }
            return measure
        }
        measure = object["measure"] == nil ? .all : try measureValue(object["measure"], "measure")
        var measures: [(String, NetworkTargets.Measure)] = []
        if let value = object["measures"] {
            guard let mapping = value.objectValue else { throw invalid("measures 须为映射", "measures must be a mapping") }
            for pattern in mapping.keys.sorted() {
                measures.append((pattern, try measureValue(mapping[pattern], "measures.\(pattern)")))
            }
        }
        self.measures = measures
        var counties: [String: String] = [:]
        if let value = object["counties"] {
            guard let mapping = value.objectValue else { throw invalid("counties 须为映射", "counties must be a mapping") }
            for (org, name) in mapping {
                guard let text = name.stringValue, !text.isEmpty else {
                    throw invalid("counties.\(org) 须为县区名称", "counties.\(org) must be a county name")
                }
                counties[org] = text
            }
        }
        self.counties = counties
        switch object["probe"] {
        case nil: probe = nil
        case .string(let text)?:
            do { probe = try ChildCommand(parsing: text) } catch { throw invalid(error.message, error.message) }
        case .array(let words)? where !words.isEmpty && words.allSatisfy({ $0.stringValue != nil }):
            probe = ChildCommand(arguments: words.compactMap(\.stringValue))
        default: throw invalid("probe 须为命令", "probe must be a command")
        }
        switch object["probe_timeout"] {
        case nil: probeTimeout = .seconds(10)
        case .number(let seconds)? where seconds > 0 && seconds <= 600:
            probeTimeout = .milliseconds(Int(seconds * 1000))
        default: throw invalid("probe_timeout 须为 1–600 秒", "probe_timeout must be 1–600 seconds")
        }
    }

    /// The measure for task `plan/task`: the first matching `measures` pattern, else `measure`.
    public func measure(forPlan plan: String, task: String) -> NetworkTargets.Measure {
        let key = plan + "/" + task
        for (pattern, measure) in measures.sorted(by: { $0.pattern.count > $1.pattern.count })
        where Self.matches(key, pattern) {
            return measure
        }
        return measure
    }

    /// `*` matches any text (slashes included); everything else literally.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return text == pattern }
        guard text.hasPrefix(parts[0]) else { return false }
        var rest = Substring(text.dropFirst(parts[0].count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts.last!) && rest.count >= parts.last!.count
    }
}
