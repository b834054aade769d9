public import DubanCore

/// Where one notice goes: a receiver through one notifier.
public struct NoticeRoute: Hashable, Sendable, Comparable {
    /// The notifier plugin's name (`email`).
    public var notifier: String
    /// The receiver: `org:UNIT` (that unit's contacts) or `email:ADDRESS`.
    public var receiver: String

    public init(notifier: String, receiver: String) {
        self.notifier = notifier
        self.receiver = receiver
    }

    public static func < (a: NoticeRoute, b: NoticeRoute) -> Bool {
        (a.notifier, a.receiver) < (b.notifier, b.receiver)
    }
}

/// A notifier as routing sees it: its name, what a receiver must have for it to reach them, and the lowest severity
/// it gets from routes that do not name it (the manifest's `receives` and `min_severity`).
public struct NotifierProfile: Hashable, Sendable {
    /// What a notifier addresses.
    public enum Address: String, Hashable, Sendable, CaseIterable {
        /// A contact's e-mail address (or an `email:` receiver).
        case email
        /// A contact's mobile number.
        case mobile
        /// The unit's 企业微信 group robot.
        case wecom
        /// The unit's 钉钉 group robot.
        case dingtalk
    }

    public var name: String
    public var receives: Address?
    public var minimumSeverity: NoticeSeverity?

    public init(name: String, receives: Address? = nil, minimumSeverity: NoticeSeverity? = nil) {
        self.name = name
        self.receives = receives
        self.minimumSeverity = minimumSeverity
    }
}

/// Applies the policy's routes to notices (pure). Every route whose match holds adds its receivers; when none
/// holds, the default route applies. A route's `org` matches that unit and every unit below it. An escalated
/// overdue notice also goes to the parent unit. A system notice (no unit) whose routes name no receiver goes to
/// the top units of the org tree (those without a parent). Journald is not a route: it gets every event.
///
/// A notifier that names what it `receives` (a group robot, a mobile number) gets only receivers that have it: a
/// unit without a 企业微信 robot gets its notices by the other channels. A notifier with a `minimumSeverity` gets
/// less from routes that do not name it (SMS: only what is critical); a route naming it sends what it matches.
public struct NotificationRouter: Sendable {
    public let policy: NotificationPolicy
    public let directory: OrgDirectory
    /// The notifier plugins that are running, by name.
    public let notifiers: [String]
    let profiles: [String: NotifierProfile]

    public init(policy: NotificationPolicy, directory: OrgDirectory, notifiers: [String]) {
        self.init(policy: policy, directory: directory, profiles: notifiers.map { NotifierProfile(name: $0) })
    }

    public init(policy: NotificationPolicy, directory: OrgDirectory, profiles: [NotifierProfile]) {
        self.policy = policy
        self.directory = directory
        self.notifiers = profiles.map(\.name)
        self.profiles = Dictionary(profiles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The notifiers a route sends `item` through: those it names, or (naming none) every notifier whose
    /// minimum severity the item reaches.
    func notifiers(of route: NotificationRoute, for item: NoticeItem) -> [String] {
        if !route.via.isEmpty { return route.via.filter { profiles[$0] != nil } }
        return implicitNotifiers(for: item)
    }

    func implicitNotifiers(for item: NoticeItem) -> [String] {
        notifiers.filter { name in profiles[name]?.minimumSeverity.map { item.severity >= $0 } ?? true }
    }

    /// Whether `notifier` can reach `receiver`: the receiver has what the notifier addresses.
    public func reaches(_ notifier: String, _ receiver: String) -> Bool {
        guard let address = profiles[notifier]?.receives else { return true }
        switch address {
        case .wecom, .dingtalk:
            guard let unit = unitID(of: receiver).flatMap({ directory.unit($0) }) else { return false }
            return (address == .wecom ? unit.wecom : unit.dingtalk) != nil
        case .mobile:
            return recipients(of: receiver).contains { $0.mobile != nil }
        case .email:
            return recipients(of: receiver).contains { $0.email != nil }
        }
    }

    /// The unit behind `org:UNIT` and `leader:UNIT`.
    public func unitID(of receiver: String) -> String? {
        if receiver.hasPrefix("org:") { return String(receiver.dropFirst(4)) }
        if receiver.hasPrefix("leader:") { return String(receiver.dropFirst(7)) }
        return nil
    }

    /// The settings of the routes that send any of `items` to `receiver` through `notifier`, merged in the
    /// order of the routes (a later route's value wins).
    public func settings(notifier: String, receiver: String, items: [NoticeItem]) -> [String: String] {
        var merged: [String: String] = [:]
        for (index, route) in (policy.routes + [policy.defaultRoute]).enumerated() where !route.settings.isEmpty {
            let isDefault = index == policy.routes.count
            let sends = items.contains { item in
                let applies = isDefault ? !policy.routes.contains { matches($0, item) } : matches(route, item)
                guard applies, notifiers(of: route, for: item).contains(notifier) else { return false }
                return route.to.flatMap { receiverKeys($0, item) }.contains {
                    $0 == receiver || (item.kind == .supervisionNotice && "leader:" + $0.dropFirst(4) == receiver)
                }
            }
            if sends { merged.merge(route.settings) { _, new in new } }
        }
        return merged
    }

    /// Whether `route`'s match holds for `item`.
    public func matches(_ route: NotificationRoute, _ item: NoticeItem) -> Bool {
        if !route.plans.isEmpty, !route.plans.contains(item.plan ?? "") { return false }
        if !route.kinds.isEmpty, !route.kinds.contains(item.kind) { return false }
        if !route.taskKinds.isEmpty, !route.taskKinds.contains(item.taskKind ?? "") { return false }
        if !route.tags.isEmpty, route.tags.isDisjoint(with: item.tags) { return false }
        if let minimum = route.minimumSeverity, item.severity < minimum { return false }
        if !route.orgs.isEmpty {
            guard let org = item.org else { return false }
            // Inheritance down the tree: a route for a unit covers its descendants.
            if !route.orgs.contains(org), route.orgs.isDisjoint(with: directory.ancestors(of: org)) { return false }
        }
        return true
    }

    /// The routes of `item`, sorted, without duplicates.
    public func routes(for item: NoticeItem) -> [NoticeRoute] {
        let matched = policy.routes.filter { matches($0, item) }
        var result = Set<NoticeRoute>()
        for route in matched.isEmpty ? [policy.defaultRoute] : matched {
            let via = notifiers(of: route, for: item)
            let receivers = route.to.flatMap { receiverKeys($0, item) }
            for notifier in via {
                for receiver in receivers { result.insert(NoticeRoute(notifier: notifier, receiver: receiver)) }
            }
        }
        // A 督办单 goes to the unit's leader in charge (分管领导) in place of its contacts.
        if item.kind == .supervisionNotice, let org = item.org {
            result = Set(
                result.map {
                    $0.receiver == "org:" + org ? NoticeRoute(notifier: $0.notifier, receiver: "leader:" + org) : $0
                })
        }
        if item.escalated, let org = item.org, let parent = directory.unit(org)?.parent {
            for notifier in implicitNotifiers(for: item) {
                result.insert(NoticeRoute(notifier: notifier, receiver: "org:" + parent))
            }
        }
        if result.isEmpty, item.org == nil {
            for unit in directory.units where unit.parent == nil {
                for notifier in implicitNotifiers(for: item) {
                    result.insert(NoticeRoute(notifier: notifier, receiver: "org:" + unit.id))
                }
            }
        }
        return result.filter { reaches($0.notifier, $0.receiver) }.sorted()
    }

    func receiverKeys(_ receiver: NotificationReceiver, _ item: NoticeItem) -> [String] {
        switch receiver {
        case .unit: return item.org.map { ["org:" + $0] } ?? []
        case .parent: return item.org.flatMap { directory.unit($0)?.parent }.map { ["org:" + $0] } ?? []
        case .org(let id): return directory.contains(id) ? ["org:" + id] : []
        case .email(let address): return ["email:" + address.lowercased()]
        }
    }

    /// The contact role of a unit's leader in charge (docs/plan-format.md).
    public static let leaderRole = "分管领导"

    /// The people behind a receiver key: a unit's contacts, or the address itself.
    public func recipients(of receiver: String) -> [Contact] {
        if receiver.hasPrefix("org:") { return directory.unit(String(receiver.dropFirst(4)))?.contacts ?? [] }
        if receiver.hasPrefix("leader:") {
            // The unit's leaders in charge; its contacts when it names none.
            let contacts = directory.unit(String(receiver.dropFirst(7)))?.contacts ?? []
            let leaders = contacts.filter { $0.role == Self.leaderRole }
            return leaders.isEmpty ? contacts : leaders
        }
        if receiver.hasPrefix("email:") {
            let address = String(receiver.dropFirst(6))
            return [Contact(name: address, email: address)]
        }
        return []
    }

    /// How a receiver is addressed in a message: the unit's name, or the address.
    public func receiverName(_ receiver: String) -> String {
        if receiver.hasPrefix("org:") { return directory.displayName(String(receiver.dropFirst(4))) }
        if receiver.hasPrefix("leader:") { return directory.displayName(String(receiver.dropFirst(7))) + "分管领导" }
        return String(receiver.drop { $0 != ":" }.dropFirst())
    }
}
