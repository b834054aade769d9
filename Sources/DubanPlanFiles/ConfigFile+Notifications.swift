import DubanCalendar
import DubanCore
import Foundation
import Yams

extension ConfigFile {
    static let notificationKeys = [
        "digest_time", "immediate", "escalate_after", "templates", "routes", "default", "behind_pace_tolerance",
    ]
    static let routeKeys = ["match", "to", "via", "settings"]
    static let matchKeys = ["plan", "org", "kind", "task_kind", "tag", "severity"]
    static let taskKindNames = TaskKind.allCases.map(\.rawValue)

    /// `notifications:` (docs/notifications.md): digest time, immediate severities, escalation, templates, routes.
    static func notificationPolicy(
        _ n: MappingReader,
        collector: DiagnosticCollector,
        path: (String) -> String
    ) -> NotificationPolicy {
        var policy = NotificationPolicy()
        if let node = n.value("digest_time") {
            if let text = node.scalar?.string, let time = TimeOfDay(text) {
                policy.digestTime = time
            } else {
                collector.error(
                    node,
                    "bad-value",
                    zh: "`digest_time` 应写作 HH:MM,如 08:30",
                    en: "`digest_time` must look like 08:30"
                )
            }
        }
        if let list = n.stringList("immediate") {
            policy.immediate = Set(
                list.compactMap { severity($0.0, node: $0.1, key: "immediate", collector: collector) }
            )
        }
        if let value = n.int("escalate_after", range: 0...100) { policy.escalateAfter = value }
        if let value = n.double("behind_pace_tolerance") {
            if (0...1).contains(value) {
                policy.behindPaceTolerance = value
            } else {
                collector.error(
                    n.value("behind_pace_tolerance"),
                    "out-of-range",
                    zh: "`behind_pace_tolerance` 应在 0 到 1 之间",
                    en: "`behind_pace_tolerance` must be between 0 and 1"
                )
            }
        }
        if let dir = n.string("templates") { policy.templateDirectory = path(dir) }
        if let node = n.value("default") {
            if let route = self.route(node, collector: collector, allowMatch: false) { policy.defaultRoute = route }
        }
        if let nodes = n.sequence("routes") {
            policy.routes = nodes.compactMap { route($0, collector: collector, allowMatch: true) }
        }
        n.finish(known: notificationKeys)
        return policy
    }

    static func severity(_ text: String, node: Node, key: String, collector: DiagnosticCollector) -> NoticeSeverity? {
        if let value = NoticeSeverity(rawValue: text) { return value }
        collector.error(
            node,
            "bad-value",
            zh: "`\(key)` 的值应为 info、warning 或 critical,实为 \(text)",
            en: "`\(key)` must be info, warning or critical, got \(text)"
        )
        return nil
    }

    static func route(_ node: Node, collector: DiagnosticCollector, allowMatch: Bool) -> NotificationRoute? {
        guard let r = MappingReader(node, collector: collector, context: .init(zh: "路由", en: "a route")) else {
            return nil
        }
        var receivers: [NotificationReceiver] = []
        if let list = r.stringList("to", required: true) {
            for (text, item) in list {
                switch text {
                case "unit": receivers.append(.unit)
                case "parent": receivers.append(.parent)
                case let t where t.hasPrefix("org:") && t.count > 4: receivers.append(.org(String(t.dropFirst(4))))
                case let t where Identifiers.isEmail(t): receivers.append(.email(t))
                default:
                    collector.error(
                        item,
                        "bad-value",
                        zh: "收件方应为 unit、parent、org:单位编号 或邮箱地址,实为 \(text)",
                        en: "a receiver must be unit, parent, org:UNIT or an email address, got \(text)"
                    )
                }
            }
        }
        var route = NotificationRoute(to: receivers)
        let location = collector.location(node)
        route.location = "\(collector.file):\(location.line):\(location.column)"
        if let via = r.stringList("via") {
            route.via = via.map(\.0)
            for (name, item) in via {
                let at = collector.location(item)
                route.viaLocations[name] = "\(collector.file):\(at.line):\(at.column)"
            }
        }
        if let m = r.mapping("settings", context: .init(zh: "`settings`", en: "`settings`")) {
            for key in m.keys {
                guard let node = m.value(key), let text = node.scalar?.string else {
                    collector.error(
                        m.value(key), "wrong-type", zh: "`settings` 的值应为文字或数字:\(key)",
                        en: "a value of `settings` must be text or a number: \(key)")
                    continue
                }
                route.settings[key] = text
            }
            m.finish(known: m.keys)
        }
        if allowMatch, let m = r.mapping("match", context: .init(zh: "`match`", en: "`match`")) {
            if let v = m.stringList("plan") { route.plans = Set(v.map(\.0)) }
            if let v = m.stringList("org") { route.orgs = Set(v.map(\.0)) }
            if let v = m.stringList("tag") { route.tags = Set(v.map(\.0)) }
            if let v = m.stringList("kind") {
                for (text, item) in v {
                    if let kind = NoticeKind(rawValue: text) {
                        route.kinds.insert(kind)
                    } else {
                        let list = NoticeKind.allCases.map(\.rawValue).joined(separator: ", ")
                        collector.error(
                            item,
                            "bad-value",
                            zh: "`kind` 的值应为以下之一:\(list),实为 \(text)",
                            en: "`kind` must be one of: \(list); got \(text)"
                        )
                    }
                }
            }
            if let v = m.stringList("task_kind") {
                for (text, item) in v {
                    if taskKindNames.contains(text) {
                        route.taskKinds.insert(text)
                    } else {
                        let list = taskKindNames.joined(separator: ", ")
                        collector.error(
                            item,
                            "bad-value",
                            zh: "`task_kind` 的值应为以下之一:\(list),实为 \(text)",
                            en: "`task_kind` must be one of: \(list); got \(text)"
                        )
                    }
                }
            }
            if let node = m.value("severity"), let text = node.scalar?.string {
                route.minimumSeverity = severity(text, node: node, key: "severity", collector: collector)
            }
            m.finish(known: matchKeys)
        }
        r.finish(known: allowMatch ? routeKeys : ["to", "via", "settings"])
        return receivers.isEmpty ? nil : route
    }

}
