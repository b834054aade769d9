public import DubanCalendar

/// duband's configuration (`/etc/duban/duban.yaml`): where things are and the site's conventions. Every key has a
/// default, documented in docs/configuration.md; relative paths in a file resolve against the file's directory.
public struct DubanConfiguration: Hashable, Sendable {
    /// The plan directory: every `*.yaml` in it is a plan. Default `/etc/duban/plans`.
    public var plans: String
    /// The org directory file. Default `/etc/duban/org.yaml`.
    public var org: String
    /// Holiday year files that add to or replace the bundled ones. Default `[/etc/duban/calendars]`.
    public var calendarDirectories: [String]
    /// School calendars (校历). Default `/etc/duban/school-calendars`.
    public var schoolCalendars: String
    /// Where the state database lives. Default `/var/lib/duban`.
    public var stateDirectory: String
    /// The control socket, when not socket-activated. Default `/run/duban/control.sock`.
    public var socket: String
    /// Plugin manifests. Default `/etc/duban/plugins.d`.
    public var pluginDirectory: String
    /// The language of messages. Default zh-Hans.
    public var locale: Language
    /// Time zone, office hours, reminder defaults, roll rule and expression conventions.
    public var site: SiteSettings
    /// Repeat the overdue notice every this many working days (default 5).
    public var overdueEvery: Int = 5
    /// At most this many overdue notices per occurrence (default 3).
    public var overdueRepeats: Int = 3
    /// Members of this group (and root) may make changes over the control socket; everyone who can connect may
    /// read. Default `duban-admin`.
    public var adminGroup: String = "duban-admin"
    /// Routes, digests, escalation and templates (`notifications:`).
    public var notifications = NotificationPolicy()
    /// `roles:`: who holds which role of the supervision loop (officers and leaders of units, supervisors, admins).
    public var roles: [RoleGrant] = []
    /// `scoring:`: the points and weights of the score (考核).
    public var scoring = ScoringRules()
    /// `supervision:`: the 签收时限, the yellow window and the escalation ladder.
    public var supervision = SupervisionSettings()

    public init(
        plans: String = "/etc/duban/plans",
        org: String = "/etc/duban/org.yaml",
        calendarDirectories: [String] = ["/etc/duban/calendars"],
        schoolCalendars: String = "/etc/duban/school-calendars",
        stateDirectory: String = "/var/lib/duban",
        socket: String = "/run/duban/control.sock",
        pluginDirectory: String = "/etc/duban/plugins.d",
        locale: Language = .zhHans,
        site: SiteSettings = .init()
    ) {
        self.plans = plans
        self.org = org
        self.calendarDirectories = calendarDirectories
        self.schoolCalendars = schoolCalendars
        self.stateDirectory = stateDirectory
        self.socket = socket
        self.pluginDirectory = pluginDirectory
        self.locale = locale
        self.site = site
    }
}
