/// A person or mailbox that hears about an org unit's work.
public struct Contact: Hashable, Sendable, Codable {
    public var name: String
    public var email: String?
    public var role: String?
    public var phone: String?
    /// A mobile number (11 digits from 1, without +86): SMS and @mentions in 企业微信 and 钉钉 groups.
    public var mobile: String?

    public init(name: String, email: String? = nil, role: String? = nil, phone: String? = nil, mobile: String? = nil) {
        self.name = name
        self.email = email
        self.role = role
        self.phone = phone
        self.mobile = mobile
    }

    /// True for a mainland mobile number as the org file keeps it: 11 digits starting with 1 and a digit 3–9.
    public static func isMobile(_ text: String) -> Bool {
        let digits = Array(text.utf8)
        return digits.count == 11 && digits[0] == UInt8(ascii: "1") && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[1])
            && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
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
    /// The unit's 企业微信 group robot, by name: its webhook key is a credential file of the `duban-wecom`
    /// plugin (docs/wecom.md), never in the org file.
    public var wecom: String?
    /// The unit's 钉钉 group robot, by name: its token and signing secret are credential files (docs/dingtalk.md).
    public var dingtalk: String?

    public init(
        id: String, name: String, nameEn: String? = nil, kind: OrgKind = .other, parent: String? = nil,
        contacts: [Contact] = [], wecom: String? = nil, dingtalk: String? = nil
    ) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.kind = kind
        self.parent = parent
        self.contacts = contacts
        self.wecom = wecom
        self.dingtalk = dingtalk
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
