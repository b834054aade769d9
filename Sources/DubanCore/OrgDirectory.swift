/// A person or mailbox that hears about an org unit's work.
public struct Contact: Hashable, Sendable, Codable {
    public var name: String
    public var email: String?
    public var role: String?
    public var phone: String?

    public init(name: String, email: String? = nil, role: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.role = role
        self.phone = phone
    }
}

/// What kind of body an org unit is.
public enum OrgKind: String, Hashable, Sendable, Codable, CaseIterable {
    case province, prefecture, county, school, office, other
}

/// An org unit that can be assigned work: a bureau, a county bureau, a school, an office.
public struct OrgUnit: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var nameEn: String?
    public var kind: OrgKind
    /// The unit this one reports to (roll-up and escalation go there).
    public var parent: String?
    public var contacts: [Contact]

    public init(
        id: String, name: String, nameEn: String? = nil, kind: OrgKind = .other, parent: String? = nil,
        contacts: [Contact] = []
    ) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.kind = kind
        self.parent = parent
        self.contacts = contacts
    }
}

/// A named set of units such as 各县市教育局; a task assigned to it fans out to every member.
public struct OrgGroup: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// Member unit ids, resolved (groups named inside a group are flattened), sorted, without duplicates.
    public var members: [String]

    public init(id: String, name: String, members: [String]) {
        self.id = id
        self.name = name
        self.members = members
    }
}

/// The org directory: units with parent links, and groups. Validated on construction by the file reader.
public struct OrgDirectory: Sendable {
    /// Units sorted by id.
    public let units: [OrgUnit]
    public let groups: [OrgGroup]
    private let unitIndex: [String: Int]
    private let groupIndex: [String: Int]
    private let childIndex: [String: [String]]

    /// Builds a directory; callers (the file reader) have already checked uniqueness and references.
    public init(units: [OrgUnit], groups: [OrgGroup] = []) {
        let sorted = units.sorted { $0.id < $1.id }
        self.units = sorted
        self.groups = groups
        self.unitIndex = Dictionary(sorted.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.groupIndex = Dictionary(groups.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [String: [String]] = [:]
        for unit in sorted {
            if let parent = unit.parent { children[parent, default: []].append(unit.id) }
        }
        self.childIndex = children
    }

    /// The unit with `id`.
    public func unit(_ id: String) -> OrgUnit? {
        unitIndex[id].map { units[$0] }
    }

    /// The position of unit `id` in `units` (ordered by id).
    public func index(ofUnit id: String) -> Int? {
        unitIndex[id]
    }

    /// The group with `id`.
    public func group(_ id: String) -> OrgGroup? {
        groupIndex[id].map { groups[$0] }
    }

    /// True when `id` names a unit or a group.
    public func contains(_ id: String) -> Bool {
        unitIndex[id] != nil || groupIndex[id] != nil
    }

    /// The unit ids an assignee id stands for: itself for a unit, the members for a group, empty if unknown.
    public func resolve(_ id: String) -> [String] {
        if unitIndex[id] != nil { return [id] }
        return group(id)?.members ?? []
    }

    /// The direct children of `id`, sorted by id.
    public func children(of id: String) -> [String] {
        childIndex[id] ?? []
    }

    /// The chain of parents of `id`, nearest first.
    public func ancestors(of id: String) -> [String] {
        var result: [String] = []
        var current = unit(id)?.parent
        while let parent = current, !result.contains(parent) {
            result.append(parent)
            current = unit(parent)?.parent
        }
        return result
    }

    /// The display name of a unit or group id, or the id itself.
    public func displayName(_ id: String) -> String {
        unit(id)?.name ?? group(id)?.name ?? id
    }
}
