/// A role in the supervision loop (docs/supervision.md, "Who may do what").
public enum SupervisionRole: Sendable, Hashable, Codable {
    /// 经办人 of a unit: acts on the unit's own occurrences.
    case officer(unit: String)
    /// 分管领导 / the unit's leader: acts as its officers do, and approves and reviews for the units below.
    case leader(unit: String)
    /// 督查室 / the bureau's supervisors: read everything, approve, review, strike off, pause and resume.
    case supervisor
    /// Everything, including 免办 and corrections.
    case admin

    /// The unit an officer or leader belongs to.
    public var unit: String? {
        switch self {
        case .officer(let unit), .leader(let unit): unit
        case .supervisor, .admin: nil
        }
    }
}

/// One line of the configuration's `roles:`: a Unix user or group, and the role it holds.
public struct RoleGrant: Sendable, Hashable {
    public enum Holder: Sendable, Hashable {
        case user(String)
        case group(String)
    }

    public var holder: Holder
    public var role: SupervisionRole
    /// `file:line:column` of the grant, for errors found later (a unit the org directory does not hold).
    public var location: String

    public init(holder: Holder, role: SupervisionRole, location: String = "") {
        self.holder = holder
        self.role = role
        self.location = location
    }

    /// The roles `user`, a member of `groups`, holds under `grants` (each once, in the grants' order).
    public static func roles(of user: String, groups: [String], in grants: [RoleGrant]) -> [SupervisionRole] {
        var roles: [SupervisionRole] = []
        for grant in grants {
            let holds: Bool
            switch grant.holder {
            case .user(let name): holds = name == user
            case .group(let name): holds = groups.contains(name)
            }
            if holds, !roles.contains(grant.role) { roles.append(grant.role) }
        }
        return roles
    }
}
