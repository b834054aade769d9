import DubanCalendar
public import DubanCore
public import DubanNotify
import DubanPlanFiles

/// What the manifests in `plugin_dir` provide, as the routes' check needs it: the notifiers with what they
/// address, and every manifest's name (a disabled or unreadable manifest is reported on its own, so a route naming
/// it is not a second error).
public struct PluginCatalog: Sendable {
    public var notifiers: [NotifierProfile]
    /// Plugins without the notifier capability.
    public var others: Set<String>
    /// Manifests disabled or refused.
    public var unavailable: Set<String>

    public init(notifiers: [NotifierProfile], others: Set<String> = [], unavailable: Set<String> = []) {
        self.notifiers = notifiers
        self.others = others
        self.unavailable = unavailable
    }

    /// Every route's `via` names a notifier a manifest provides, and a route naming a notifier that addresses a
    /// group robot or a mobile number reaches at least one receiver that has it: errors at the place in
    /// duban.yaml (`file:line:column`).
    func check(_ policy: NotificationPolicy, directory: OrgDirectory) -> [Diagnostic] {
        let profiles = Dictionary(notifiers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        for route in policy.routes + [policy.defaultRoute] {
            for name in route.via {
                let location = PlanRuntime.location(route.viaLocations[name] ?? route.location, otherwise: "notifications")
                guard let profile = profiles[name] else {
                    if unavailable.contains(name) { continue }
                    let known = notifiers.map(\.name).sorted().joined(separator: ", ")
                    diagnostics.append(
                        Diagnostic(
                            .error, at: location, code: others.contains(name) ? "not-a-notifier" : "unknown-notifier",
                            message: others.contains(name)
                                ? LocalizedText(
                                    zh: "插件 \(name) 不是通知类插件(notifier),不能用于 `via`",
                                    en: "plugin \(name) is not a notifier and cannot be named in `via`")
                                : LocalizedText(
                                    zh: "`via` 中的通知插件 \(name) 没有对应的插件清单(已有:\(known.isEmpty ? "无" : known))",
                                    en: "no plugin manifest provides the notifier \(name) named in `via` (known: \(known.isEmpty ? "none" : known))")))
                    continue
                }
                guard let address = profile.receives else { continue }
                if !reachable(route, address, directory: directory) {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: location, code: "unreachable-receiver",
                            message: LocalizedText(
                                zh: "通知插件 \(name) 需要收件方的\(Self.addressName(address, .zhHans)),但此路由的收件方都没有(见组织目录 org.yaml)",
                                en: "notifier \(name) needs the receiver's \(Self.addressName(address, .en)), and none of this route's receivers has one (see org.yaml)")))
                }
            }
        }
        return diagnostics
    }

    static func addressName(_ address: NotifierProfile.Address, _ language: Language) -> String {
        switch (address, language) {
        case (.email, .zhHans): "邮箱地址 (email)"
        case (.email, .en): "e-mail address"
        case (.mobile, .zhHans): "手机号码 (mobile)"
        case (.mobile, .en): "mobile number"
        case (.wecom, .zhHans): "企业微信群机器人 (wecom)"
        case (.wecom, .en): "WeCom group robot (wecom)"
        case (.dingtalk, .zhHans): "钉钉群机器人 (dingtalk)"
        case (.dingtalk, .en): "DingTalk group robot (dingtalk)"
        }
    }

    /// Whether any receiver the route can reach has `address`.
    func reachable(_ route: NotificationRoute, _ address: NotifierProfile.Address, directory: OrgDirectory) -> Bool {
        // The units the route's `match.org` covers: those units and every unit below them (all units without one).
        let covered: [OrgUnit] =
            route.orgs.isEmpty
            ? directory.units
            : directory.units.filter { unit in
                route.orgs.contains(unit.id) || !route.orgs.isDisjoint(with: directory.ancestors(of: unit.id))
            }
        var units: [OrgUnit] = []
        for receiver in route.to {
            switch receiver {
            case .unit: units += covered
            case .parent: units += covered.compactMap { $0.parent.flatMap { directory.unit($0) } }
            case .org(let id): units += directory.unit(id).map { [$0] } ?? []
            case .email: if address == .email { return true }
            }
        }
        return units.contains { unit in
            switch address {
            case .wecom: unit.wecom != nil
            case .dingtalk: unit.dingtalk != nil
            case .mobile: unit.contacts.contains { $0.mobile != nil }
            case .email: unit.contacts.contains { $0.email != nil }
            }
        }
    }
}
