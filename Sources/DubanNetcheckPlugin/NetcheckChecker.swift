import DubanNetcheck
public import DubanPluginKit
public import DubanPluginProtocol
public import Foundation

/// The netcheck plugin: capability `checker`. On each `check` it reads the inventory afresh, optionally probes
/// the schools of the counties asked about, and answers per occurrence (org unit = county): `done` when every
/// school of the county meets the task's measure, and always a `reading` (the percentage of schools meeting it)
/// and an evidence text such as `临夏市:城镇学校12/12达200M,农村学校30/34达100M,IPv6 40/46`.
///
/// Progress is reported as a reading rather than `progress`: the protocol adds `progress` to a quota on every
/// check, while a share measured again each day is a reading.
public struct NetcheckChecker: PluginHandler {
    public static let version = "0.1.0"

    public var settings: NetcheckSettings?
    /// The clock for probe timestamps.
    let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    public mutating func initialize(_ params: InitializeParams) throws(RPCErrorObject) -> InitializeResult {
        settings = try NetcheckSettings(settings: params.settings)
        return InitializeResult(name: "duban-netcheck", version: Self.version, capabilities: [.checker])
    }

    public mutating func check(_ params: CheckParams) throws(RPCErrorObject) -> CheckResult {
        // The settings sent with the check are the manifest's too; read them when they differ from initialize's.
        let settings =
            params.settings.objectValue?.isEmpty == false
            ? try NetcheckSettings(settings: params.settings) : self.settings
        guard let settings else {
            throw RPCErrorObject(code: RPCErrorObject.invalidRequest, message: "check before initialize")
        }
        var inventory = try Self.readInventory(settings.inventory)
        let wanted = Dictionary(
            params.occurrences.map { (Self.county(for: $0, settings: settings, known: inventory), $0.id) },
            uniquingKeysWith: { first, _ in first }
        )
        if let probe = settings.probe {
            inventory = probed(
                inventory,
                counties: Set(wanted.keys.compactMap { $0 }),
                probe: probe,
                timeout: settings.probeTimeout
            )
        }
        let measure = settings.measure(forPlan: params.task.plan, task: params.task.id)
        let report = NetworkReport(inventory: inventory, targets: settings.targets, measure: measure)
        Self.log("\(params.task.plan)/\(params.task.id) [\(measure.rawValue)] \(report.overall.evidence)")
        var results: [CheckOutcome] = []
        for occurrence in params.occurrences {
            let county = Self.county(for: occurrence, settings: settings, known: inventory)
            guard let county, let progress = report.progress(of: county),
                progress.schools > 0 || !progress.problemLines.isEmpty
            else {
                let name = occurrence.orgName ?? occurrence.org
                results.append(
                    CheckOutcome(
                        occurrence: occurrence.id,
                        evidence:
                            "学校网络清单中没有\(name)的学校(可在设置 counties 中指定县区名称)"
                                + " / the inventory has no school of \(occurrence.org)"
                    )
                )
                continue
            }
            let percent = (progress.share * 1000).rounded() / 10
            results.append(
                CheckOutcome(
                    occurrence: occurrence.id,
                    state: progress.isComplete ? .done : nil,
                    reading: percent,
                    evidence: progress.evidence
                )
            )
        }
        return CheckResult(results: results)
    }

    /// The inventory file, read and parsed.
    static func readInventory(_ path: String) throws(RPCErrorObject) -> NetworkInventory {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RPCErrorObject(
                code: RPCErrorObject.temporaryFailure,
                message: "无法读取学校网络清单 \(path) / cannot read the inventory \(path): \(error.localizedDescription)"
            )
        }
        do {
            let inventory = try NetworkInventory(parsing: text)
            for problem in inventory.problems { log("\(path):\(problem.line): \(problem.message)") }
            return inventory
        } catch {
            throw RPCErrorObject(
                code: RPCErrorObject.invalidParams,
                message: "\(path):\(error.line): \(error.message)",
                data: .object(["file": .string(path), "line": .number(Double(error.line))])
            )
        }
    }

    /// The inventory's county for an occurrence's org unit: the `counties` setting, else a county named like the
    /// unit's id, its name, or its name without 教育局/教育体育局/教体局.
    static func county(for occurrence: CheckOccurrence, settings: NetcheckSettings, known: NetworkInventory) -> String?
    {
        if let mapped = settings.counties[occurrence.org] { return mapped }
        let names = Set(known.measurements.map(\.county)).union(known.problemCounties.values)
        var candidates = [occurrence.org]
        if let name = occurrence.orgName {
            candidates.append(name)
            for suffix in ["教育体育局", "教育和体育局", "教体局", "教育局"] where name.hasSuffix(suffix) {
                candidates.append(String(name.dropLast(suffix.count)))
            }
        }
        return candidates.first(where: names.contains)
    }

    /// The inventory with a fresh measurement for each school of `counties` whose probe printed a number.
    func probed(_ inventory: NetworkInventory, counties: Set<String>, probe: ChildCommand, timeout: Duration)
        -> NetworkInventory
    {
        var result = inventory
        let stamp = Self.timestamp(now())
        for school in inventory.latest where counties.contains(school.county) {
            let command = ChildCommand(
                arguments: probe.arguments.map {
                    $0.replacingOccurrences(of: "{school}", with: school.school).replacingOccurrences(
                        of: "{county}",
                        with: school.county
                    )
                }
            )
            do {
                let outcome = try command.run(timeout: timeout)
                let text = String(decoding: outcome.stdout, as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines
                )
                guard outcome.succeeded,
                    let mbps = NetworkInventory.mbps(
                        text.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
                    )
                else {
                    Self.log(
                        "探测失败,沿用清单数据 / probe failed, keeping the inventory figure: "
                            + "\(school.school): \(outcome.status) \(outcome.stderrExcerpt)"
                    )
                    continue
                }
                var fresh = school
                fresh.downlinkMbps = mbps
                fresh.measuredAt = max(stamp, school.measuredAt)
                result.measurements.append(fresh)
            } catch {
                Self.log("探测无法启动 / probe cannot start: \(error.message)")
                return result
            }
        }
        return result
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    /// A line on stderr (the host puts it in the journal under the plugin's name).
    static func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// The `duban-netcheck` executable's whole work: serve protocol v1 on stdin/stdout; returns the exit status.
public func runNetcheckPlugin() -> Int32 {
    var server = PluginServer(handler: NetcheckChecker())
    return server.run()
}
