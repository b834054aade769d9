public import DubanCalendar
public import DubanCore
import Foundation
internal import Synchronization

/// A consistent set of plans and the org directory they are assigned in: what the daemon runs on.
public struct PlanSet: Sendable {
    public var plans: [Plan]
    public var directory: OrgDirectory
    /// Warnings found while loading (the set loaded regardless).
    public var warnings: [Diagnostic]
    /// The plan files read, in order.
    public var planFiles: [String]
    /// The org directory file read.
    public var orgFile: String
    /// School calendars (校历) read from the school calendar directory, if any.
    public var schoolCalendars: [SchoolCalendar] = []
}

/// Where plans and the org directory are, as given on a command line or in the config.
public struct PlanSources: Sendable, Hashable {
    public var planFiles: [String]
    public var orgFile: String?
    /// A directory of school calendar files (校历), if any.
    public var schoolDirectory: String?

    public init(planFiles: [String], orgFile: String?, schoolDirectory: String? = nil) {
        self.planFiles = planFiles
        self.orgFile = orgFile
        self.schoolDirectory = schoolDirectory
    }

    /// Resolves paths the way `dubanctl check` takes them: a file is a plan; a directory with a `plans/` folder
    /// contributes that folder's `*.yaml`/`*.yml`, any other directory its own (except org.yaml and duban.yaml). The org directory is `org` when given,
    /// else an `org.yaml` found in a given directory or its parent.
    public static func resolve(paths: [String], org: String?, schoolDirectory: String? = nil) throws(DiagnosticsError)
        -> PlanSources
    {
        let fm = FileManager.default
        var plans: [String] = []
        var orgCandidates: [String] = []
        var schoolCandidates: [String] = []
        var problems: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(
                    Diagnostic(
                        at: .init(file: path), code: "not-found",
                        message: .init(zh: "找不到文件或目录", en: "no such file or directory")))
                continue
            }
            if isDirectory.boolValue {
                let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
                // A directory laid out like examples/ (org.yaml, plans/, school-calendars/, duban.yaml) takes its
                // plans from plans/ only; a plain directory of plans takes every *.yaml but org.yaml and duban.yaml.
                let nested = directory + "/plans"
                if fm.fileExists(atPath: nested) {
                    plans += yamlFiles(in: nested)
                } else {
                    plans += yamlFiles(in: directory).filter { !isOrgFile($0) && !isConfigFile($0) }
                }
                orgCandidates += [
                    directory + "/org.yaml",
                    URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("org.yaml").path,
                ]
                schoolCandidates += [
                    directory + "/school-calendars",
                    URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("school-calendars").path,
                ]
            } else if isOrgFile(path) && org == nil {
                orgCandidates.insert(path, at: 0)
            } else {
                plans.append(path)
                orgCandidates.append(URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("org.yaml").path)
                orgCandidates.append(
                    URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent()
                        .appendingPathComponent("org.yaml").path)
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        let orgFile = org ?? orgCandidates.first { fm.fileExists(atPath: $0) }
        let schools = schoolDirectory ?? schoolCandidates.first { fm.fileExists(atPath: $0) }
        return PlanSources(planFiles: plans, orgFile: orgFile.map(tidy), schoolDirectory: schools.map(tidy))
    }

    static func isConfigFile(_ path: String) -> Bool {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name == "duban.yaml" || name == "duban.yml"
    }

    static func isOrgFile(_ path: String) -> Bool {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name == "org.yaml" || name == "org.yml"
    }

    static func yamlFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
            .sorted().map { tidy(directory + "/" + $0) }
    }

    static func tidy(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path.replacingOccurrences(of: "/./", with: "/")
    }
}

/// Loads a whole plan set: every file parsed, then checked together (unique plan ids, assignees that exist in
/// the org directory, dependencies that exist and form no cycle). All or nothing: any error means no set.
public enum PlanSetLoader {
    /// Reads a file as UTF-8 text, or returns a diagnostic.
    public static func readText(_ path: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(
                Diagnostic(at: .init(file: path), code: "unreadable", message: .init(zh: "无法读取文件", en: "cannot read the file")))
        }
        guard var text = String(data: data, encoding: .utf8) else {
            return .failure(
                Diagnostic(
                    at: .init(file: path), code: "yaml-encoding",
                    message: .init(zh: "文件不是 UTF-8 编码", en: "the file is not UTF-8 encoded")))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return .success(text)
    }

    /// Loads `sources`; throws every error found, in file order.
    public static func load(_ sources: PlanSources, settings: SiteSettings = .init()) throws(DiagnosticsError) -> PlanSet {
        var diagnostics: [Diagnostic] = []
        guard let orgFile = sources.orgFile else {
            throw DiagnosticsError([
                Diagnostic(
                    at: .init(file: sources.planFiles.first ?? "."), code: "no-org-directory",
                    message: .init(
                        zh: "找不到组织机构文件 org.yaml(可用 --org 指定)",
                        en: "no org directory file org.yaml found (give one with --org)"))
            ])
        }
        var directory: OrgDirectory?
        switch readText(orgFile) {
        case .failure(let d): diagnostics.append(d)
        case .success(let text):
            let (parsed, found) = OrgDirectoryFile.parse(text, file: orgFile)
            diagnostics += found
            directory = parsed
        }
        var parsedPlans: [ParsedPlan] = []
        for (parsed, found) in parsePlanFiles(sources.planFiles, settings: settings) {
            diagnostics += found
            if let parsed { parsedPlans.append(parsed) }
        }
        if sources.planFiles.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, at: .init(file: orgFile), code: "no-plans",
                    message: .init(zh: "没有找到任何计划文件", en: "no plan files found")))
        }
        var schools: [SchoolCalendar] = []
        if let directory {
            diagnostics += crossCheck(parsedPlans, directory: directory)
            if let schoolDirectory = sources.schoolDirectory {
                do {
                    schools = try SchoolCalendarFile.loadDirectory(schoolDirectory, orgDirectory: directory)
                } catch {
                    diagnostics += error.diagnostics
                }
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(diagnostics) }
        return PlanSet(
            plans: parsedPlans.map(\.plan), directory: directory!, warnings: diagnostics, planFiles: sources.planFiles,
            orgFile: orgFile, schoolCalendars: schools)
    }

    /// Reads and parses every plan file, on all cores (files are independent; the time-expression cache is
    /// shared), returning the results in file order so diagnostics keep their order.
    static func parsePlanFiles(_ files: [String], settings: SiteSettings) -> [(ParsedPlan?, [Diagnostic])] {
        let cache = InterpretationCache(conventions: settings.conventions)
        let results = Mutex<[(ParsedPlan?, [Diagnostic])?]>(Array(repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result: (ParsedPlan?, [Diagnostic])
            switch readText(files[index]) {
            case .failure(let d): result = (nil, [d])
            case .success(let text): result = PlanFile.parse(text, file: files[index], settings: settings, cache: cache)
            }
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    static func crossCheck(_ plans: [ParsedPlan], directory: OrgDirectory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var planIDs: [String: Diagnostic.Location] = [:]
        for parsed in plans {
            if let first = planIDs[parsed.plan.id] {
                diagnostics.append(
                    Diagnostic(
                        at: parsed.idLocation, code: "duplicate-id",
                        message: .init(
                            zh: "计划编号 `\(parsed.plan.id)` 与 \(first) 重复", en: "plan id `\(parsed.plan.id)` also used at \(first)")))
            } else {
                planIDs[parsed.plan.id] = parsed.idLocation
            }
        }
        var allTasks: Set<String> = []
        for parsed in plans {
            for task in parsed.plan.tasks { allTasks.insert(parsed.plan.id + "/" + task.id) }
        }
        var edges: [String: [(String, Diagnostic.Location)]] = [:]
        for parsed in plans {
            for task in parsed.plan.tasks {
                // Assignees (or the lead) and co-units must be units or groups of the org directory.
                for (units, zh, en) in [
                    (parsed.assigneeLocations[task.id] ?? [], "承办单位", "assignee"),
                    (parsed.coUnitLocations[task.id] ?? [], "协办单位", "co-unit"),
                ] {
                    for (unit, location) in units where !directory.contains(unit) {
                        diagnostics.append(
                            Diagnostic(
                                at: location, code: "dangling-reference",
                                message: .init(
                                    zh: "\(zh) `\(unit)` 不在组织机构文件中", en: "\(en) `\(unit)` is not in the org directory")))
                    }
                }
                if let responsible = task.responsible, let lead = task.lead, let unit = directory.unit(lead),
                    !unit.contacts.contains(where: { $0.name == responsible })
                {
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: parsed.responsibleLocations[task.id] ?? .init(file: parsed.plan.file ?? ""),
                            code: "unknown-contact",
                            message: .init(
                                zh: "责任人“\(responsible)”不在牵头单位 `\(lead)` 的联系人中",
                                en: "responsible “\(responsible)” is not a contact of the lead unit `\(lead)`")))
                }
                let key = parsed.plan.id + "/" + task.id
                for (dependency, location) in parsed.dependencyLocations[task.id] ?? [] {
                    let target = dependency.contains("/") ? dependency : parsed.plan.id + "/" + dependency
                    if target == key {
                        diagnostics.append(
                            Diagnostic(
                                at: location, code: "cycle",
                                message: .init(zh: "任务不能依赖自身", en: "a task cannot depend on itself")))
                    } else if !allTasks.contains(target) {
                        diagnostics.append(
                            Diagnostic(
                                at: location, code: "dangling-reference",
                                message: .init(zh: "依赖的任务 `\(dependency)` 不存在", en: "dependency `\(dependency)` does not exist")))
                    } else {
                        edges[key, default: []].append((target, location))
                    }
                }
            }
        }
        // Dependency cycles (longer than one edge): depth-first search, one report per cycle entry edge.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ node: String) {
            state[node] = 1
            for (next, location) in edges[node] ?? [] {
                if state[next] == 1 {
                    diagnostics.append(
                        Diagnostic(
                            at: location, code: "cycle",
                            message: .init(zh: "任务依赖形成循环:\(node) → \(next)", en: "task dependencies form a cycle: \(node) → \(next)")))
                } else if state[next] == nil {
                    visit(next)
                }
            }
            state[node] = 2
        }
        for node in edges.keys.sorted() where state[node] == nil { visit(node) }
        return diagnostics
    }
}
