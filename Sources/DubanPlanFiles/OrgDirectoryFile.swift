public import DubanCore
import DubanCalendar
import DubanPluginProtocol
import Foundation
import Yams

/// Reads the org directory file (`org.yaml`): units with parent links and contacts, and groups.
public enum OrgDirectoryFile {
    static let unitKeys = ["id", "name", "name_en", "kind", "parent", "contacts", "wecom", "dingtalk", "note"]
    static let contactKeys = ["name", "email", "role", "phone", "mobile"]
    static let groupKeys = ["id", "name", "members", "children_of", "kind", "note"]

    /// Parses `text` (the content of `file`). Returns the directory only when there are no errors.
    public static func parse(_ text: String, file: String) -> (OrgDirectory?, [Diagnostic]) {
        let collector = DiagnosticCollector(file: file)
        guard let root = collector.compose(text),
            let top = MappingReader(root, collector: collector, context: .init(zh: "组织机构文件", en: "the org directory"))
        else { return (nil, collector.diagnostics) }
        var units: [OrgUnit] = []
        var idNodes: [String: Node] = [:]
        var parentNodes: [(String, String, Node)] = []
        for item in top.sequence("units", required: true) ?? [] {
            guard let m = MappingReader(item, collector: collector, context: .init(zh: "机构", en: "a unit")) else { continue }
            let id = m.string("id", required: true)
            let name = m.string("name", required: true)
            let kind = m.oneOf("kind", OrgKind.allCases.map(\.rawValue)).flatMap(OrgKind.init(rawValue:)) ?? .other
            var contacts: [Contact] = []
            for contactNode in m.sequence("contacts") ?? [] {
                guard let c = MappingReader(contactNode, collector: collector, context: .init(zh: "联系人", en: "a contact"))
                else { continue }
                let contactName = c.string("name", required: true)
                let email = c.string("email")
                if let email, !Identifiers.isEmail(email) {
                    collector.error(c.value("email"), "bad-email", zh: "邮箱地址格式不正确:\(email)", en: "not an email address: \(email)")
                }
                var mobile = c.string("mobile")
                if let text = mobile {
                    // Written with +86, spaces or dashes as people do; kept as 11 digits.
                    var digits = text.filter { !" -".contains($0) }
                    if digits.hasPrefix("+86") { digits.removeFirst(3) }
                    if Contact.isMobile(digits) {
                        mobile = digits
                    } else {
                        collector.error(
                            c.value("mobile"), "bad-mobile", zh: "手机号码应为以 1 开头的 11 位数字:\(text)",
                            en: "a mobile number has 11 digits starting with 1: \(text)")
                        mobile = nil
                    }
                }
                let contact = Contact(
                    name: contactName ?? "", email: email, role: c.string("role"), phone: c.string("phone"), mobile: mobile)
                c.finish(known: contactKeys)
                if contactName != nil { contacts.append(contact) }
            }
            let parent = m.string("parent")
            let nameEn = m.string("name_en")
            var robots: [String: String] = [:]
            for key in ["wecom", "dingtalk"] {
                guard let robot = m.string(key) else { continue }
                // A robot's name is what its credential file is called, so it follows the plugin-name rule.
                if PluginManifest.isValidName(robot) {
                    robots[key] = robot
                } else {
                    collector.error(
                        m.value(key), "bad-robot",
                        zh: "`\(key)` 应为机器人名称(小写字母、数字、-、_,不超过 64 个字符),密钥放在插件的凭据文件中:\(robot)",
                        en: "`\(key)` names a robot (lowercase letters, digits, -, _, at most 64); its key belongs in the plugin's credential files: \(robot)")
                }
            }
            _ = m.string("note")
            m.finish(known: unitKeys)
            guard let id, let name else { continue }
            if !Identifiers.isValid(id) {
                collector.error(m.value("id"), "bad-id", zh: Identifiers.rule.zh + ":\(id)", en: Identifiers.rule.en + ": \(id)")
                continue
            }
            if idNodes[id] != nil {
                collector.error(m.value("id"), "duplicate-id", zh: "机构编号 `\(id)` 重复", en: "duplicate unit id `\(id)`")
                continue
            }
            idNodes[id] = m.value("id")
            if let parent, let node = m.value("parent") { parentNodes.append((id, parent, node)) }
            units.append(
                OrgUnit(
                    id: id, name: name, nameEn: nameEn, kind: kind, parent: parent, contacts: contacts,
                    wecom: robots["wecom"], dingtalk: robots["dingtalk"]))
        }
        // Parents exist, and parent links form no cycle.
        let unitIDs = Set(units.map(\.id))
        let parentOf = Dictionary(units.compactMap { u in u.parent.map { (u.id, $0) } }, uniquingKeysWith: { a, _ in a })
        for (id, parent, node) in parentNodes {
            if !unitIDs.contains(parent) {
                collector.error(
                    node, "dangling-reference", zh: "上级机构 `\(parent)` 不存在", en: "parent unit `\(parent)` does not exist")
                continue
            }
            var seen: Set<String> = [id]
            var current: String? = parent
            while let c = current {
                if seen.contains(c) {
                    collector.error(
                        node, "cycle", zh: "上级关系形成循环:\(id) → … → \(id)", en: "parent links form a cycle: \(id) → … → \(id)")
                    break
                }
                seen.insert(c)
                current = parentOf[c]
            }
        }
        // Groups: members (units or earlier/later groups) and/or children_of (+ kind filter).
        struct RawGroup {
            var id: String
            var name: String
            var members: [(String, Node)]
            var childrenOf: (String, Node)?
            var kind: OrgKind?
            var node: Node
        }
        var rawGroups: [RawGroup] = []
        for item in top.sequence("groups") ?? [] {
            guard let m = MappingReader(item, collector: collector, context: .init(zh: "机构组", en: "a group")) else { continue }
            let id = m.string("id", required: true)
            let name = m.string("name", required: true)
            let members = m.stringList("members") ?? []
            let childrenOf = m.string("children_of").map { ($0, m.value("children_of")!) }
            let kind = m.oneOf("kind", OrgKind.allCases.map(\.rawValue)).flatMap(OrgKind.init(rawValue:))
            _ = m.string("note")
            m.finish(known: groupKeys)
            guard let id, let name else { continue }
            if !Identifiers.isValid(id) {
                collector.error(m.value("id"), "bad-id", zh: Identifiers.rule.zh + ":\(id)", en: Identifiers.rule.en + ": \(id)")
                continue
            }
            if idNodes[id] != nil {
                collector.error(m.value("id"), "duplicate-id", zh: "编号 `\(id)` 重复", en: "duplicate id `\(id)`")
                continue
            }
            idNodes[id] = m.value("id")
            if members.isEmpty && childrenOf == nil {
                collector.error(
                    item, "empty-group", zh: "机构组 `\(id)` 须写 members 或 children_of",
                    en: "group `\(id)` needs `members` or `children_of`")
            }
            rawGroups.append(RawGroup(id: id, name: name, members: members, childrenOf: childrenOf, kind: kind, node: item))
        }
        let rawByID = Dictionary(rawGroups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let unitsByID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func resolve(_ group: RawGroup, visiting: Set<String>) -> Set<String> {
            var result = Set<String>()
            for (member, node) in group.members {
                if unitIDs.contains(member) {
                    result.insert(member)
                } else if let inner = rawByID[member] {
                    if visiting.contains(member) {
                        collector.error(node, "cycle", zh: "机构组相互包含:\(member)", en: "groups contain each other: \(member)")
                    } else {
                        result.formUnion(resolve(inner, visiting: visiting.union([member])))
                    }
                } else {
                    collector.error(
                        node, "dangling-reference", zh: "机构或机构组 `\(member)` 不存在", en: "unit or group `\(member)` does not exist")
                }
            }
            if let (parent, node) = group.childrenOf {
                if !unitIDs.contains(parent) {
                    collector.error(node, "dangling-reference", zh: "机构 `\(parent)` 不存在", en: "unit `\(parent)` does not exist")
                } else {
                    for unit in units where unit.parent == parent && (group.kind == nil || unit.kind == group.kind) {
                        result.insert(unit.id)
                    }
                }
            }
            return result
        }
        var groups: [OrgGroup] = []
        for raw in rawGroups {
            let members = resolve(raw, visiting: [raw.id]).sorted()
            if members.isEmpty, !(raw.members.isEmpty && raw.childrenOf == nil) {
                collector.error(raw.node, "empty-group", zh: "机构组 `\(raw.id)` 没有任何成员", en: "group `\(raw.id)` has no members")
            }
            groups.append(OrgGroup(id: raw.id, name: raw.name, members: members))
        }
        _ = unitsByID
        top.finish(known: ["units", "groups"])
        if collector.hasErrors { return (nil, collector.diagnostics) }
        return (OrgDirectory(units: units, groups: groups), collector.diagnostics)
    }
}

/// The rules for ids in admin files.
enum Identifiers {
    static let rule = LocalizedText(
        zh: "编号只能由字母、数字、点、下划线和连字符组成,且以字母或数字开头",
        en: "ids may contain only letters, digits, '.', '_' and '-', and must start with a letter or digit")

    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isAlnum(first) else { return false }
        return id.unicodeScalars.allSatisfy { isAlnum($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}
