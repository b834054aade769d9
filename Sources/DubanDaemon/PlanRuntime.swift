public import DubanCalendar
public import DubanCore
public import DubanNotify
public import DubanPlanFiles
import Foundation

/// Everything duband schedules from: the plans, the org directory, the calendars, as one consistent value.
public struct LoadedPlans: Sendable {
    public var schedule: Schedule
    public var set: PlanSet
    /// Years the schedule touches that have no holiday data (dates there are provisional).
    public var missingYears: [Int]
    /// The notification templates: built-in, with the admin's overrides (`notifications.templates`).
    public var templates: NotificationTemplates = NotificationTemplates()
}

/// Loads the plan set, holiday years and school calendars named by the configuration, all or nothing: a reload
/// with any error leaves the previous set in force and returns every diagnostic.
public struct PlanRuntime: Sendable {
    /// Routes naming a unit the org directory does not hold (a typo, or a unit removed from org.yaml): an error at
    /// the route's place, so nothing is silently routed nowhere.
    static func unknownUnits(in policy: NotificationPolicy, directory: OrgDirectory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for route in policy.routes + [policy.defaultRoute] {
            var named = Array(route.orgs)
            for case .org(let id) in route.to { named.append(id) }
            for id in named.sorted() where !directory.contains(id) {
                let location = Self.location(route.location, otherwise: "notifications")
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: location,
                        code: "unknown-unit",
                        message: LocalizedText(
                            zh: "通知路由中的单位 \(id) 不在组织目录中",
                            en: "the notification route names unit \(id), which is not in the org directory"
                        )
                    )
                )
            }
        }
        return diagnostics
    }

    /// Roles of units the org directory does not hold: an error at the grant's place.
    static func unknownUnits(in grants: [RoleGrant], directory: OrgDirectory) -> [Diagnostic] {
        grants.compactMap { grant -> Diagnostic? in
            guard let unit = grant.role.unit, !directory.contains(unit) else { return nil }
            return Diagnostic(
                .error,
                at: Self.location(grant.location, otherwise: "roles"),
                code: "unknown-unit",
                message: LocalizedText(
                    zh: "角色中的单位 \(unit) 不在组织目录中", en: "a role names unit \(unit), which is not in the org directory")
            )
        }
    }

    /// A `file:line:column` kept as text (a route's or a grant's place) as a location; `otherwise` names the file
    /// when the text has no line and column.
    static func location(_ text: String, otherwise: String) -> Diagnostic.Location {
        let parts = text.split(separator: ":")
        guard parts.count >= 3 else { return Diagnostic.Location(file: otherwise) }
        return Diagnostic.Location(
            file: parts.dropLast(2).joined(separator: ":"),
            line: Int(parts[parts.count - 2]) ?? 0,
            column: Int(parts[parts.count - 1]) ?? 0
        )
    }

    public let configuration: DubanConfiguration
    /// The notifiers the manifests provide, and the names of every manifest (disabled and unreadable ones
    /// included), for the check of routes' `via`; nil skips that check (tests without plugins).
    let plugins: PluginCatalog?

    public init(configuration: DubanConfiguration, plugins: PluginCatalog? = nil) {
        self.configuration = configuration
        self.plugins = plugins
    }

    /// Reads everything afresh; throws every problem found, never a partial set.
    public func load(today: CivilDate) throws(DiagnosticsError) -> LoadedPlans {
        let fm = FileManager.default
        let calendarDirectories = configuration.calendarDirectories.filter { fm.fileExists(atPath: $0) }
        let calendar = try CalendarLoader.load(overrideDirectories: calendarDirectories)
        let schools = fm.fileExists(atPath: configuration.schoolCalendars) ? configuration.schoolCalendars : nil
        let sources = try PlanSources.resolve(
            paths: [configuration.plans],
            org: configuration.org,
            schoolDirectory: schools
        )
        let set = try PlanSetLoader.load(sources, settings: configuration.site)
        let schedule = Schedule(
            plans: set.plans,
            directory: set.directory,
            calendar: calendar,
            settings: configuration.site,
            schoolCalendars: set.schoolCalendars
        )
        var (templates, problems) = NotificationTemplatesFile.load(configuration.notifications.templateDirectory)
        problems += Self.unknownUnits(in: configuration.notifications, directory: set.directory)
        problems += Self.unknownUnits(in: configuration.roles, directory: set.directory)
        if let plugins { problems += plugins.check(configuration.notifications, directory: set.directory) }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return LoadedPlans(
            schedule: schedule,
            set: set,
            missingYears: calendar.missingYears(in: today.year...(today.year + 1)),
            templates: templates
        )
    }
}
