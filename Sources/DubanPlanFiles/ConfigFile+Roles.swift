import DubanCalendar
import DubanCore
import Yams

extension ConfigFile {
    static let roleKeys = ["user", "group", "role", "unit"]

    /// `roles:`, a list of `{user: NAME | group: NAME, role: officer | leader | supervisor | admin, unit: ID}`;
    /// officers and leaders name their unit, supervisors and admins none. Units are checked against the org
    /// directory when the plans load (``RoleGrant/location`` says where).
    static func roleGrants(_ nodes: [Node], collector: DiagnosticCollector) -> [RoleGrant] {
        var grants: [RoleGrant] = []
        for node in nodes {
            guard let m = MappingReader(node, collector: collector, context: .init(zh: "角色(roles)", en: "a role"))
            else { continue }
            let user = m.string("user")
            let group = m.string("group")
            let kind = m.oneOf("role", ["officer", "leader", "supervisor", "admin"], required: true)
            let unit = m.string("unit")
            m.finish(known: roleKeys)
            let holder: RoleGrant.Holder
            switch (user, group) {
            case (let user?, nil) where !user.isEmpty: holder = .user(user)
            case (nil, let group?) where !group.isEmpty: holder = .group(group)
            default:
                collector.error(
                    node, "bad-value", zh: "角色应写明 user 或 group 之一", en: "a role names exactly one of `user` or `group`")
                continue
            }
            let role: SupervisionRole
            switch kind {
            case "officer", "leader":
                guard let unit, !unit.isEmpty else {
                    collector.error(
                        node, "missing-key", zh: "\(kind ?? "")角色须写明单位(unit)", en: "an \(kind ?? "") role names its `unit`")
                    continue
                }
                role = kind == "officer" ? .officer(unit: unit) : .leader(unit: unit)
            case "supervisor", "admin":
                if unit != nil {
                    collector.error(
                        m.value("unit"), "bad-value",
                        zh: "\(kind ?? "")角色不属于某个单位,不写 unit", en: "a \(kind ?? "") role has no `unit`")
                    continue
                }
                role = kind == "admin" ? .admin : .supervisor
            default:
                continue
            }
            let location = collector.location(node)
            grants.append(
                RoleGrant(holder: holder, role: role, location: "\(collector.file):\(location.line):\(location.column)"))
        }
        return grants
    }
}
