import DubanCalendar
import DubanCore
import DubanNotify
import Foundation
import Testing

/// Each routing rule on its own: match fields, org inheritance, the default route, escalation, system notices.
struct RoutingTests {
    let directory = NotifyFixtures.directory

    func router(
        _ routes: [NotificationRoute],
        default defaultRoute: NotificationRoute? = nil,
        notifiers: [String] = ["email"]
    )
        -> NotificationRouter
    {
        var policy = NotificationPolicy()
        policy.routes = routes
        if let defaultRoute { policy.defaultRoute = defaultRoute }
        return NotificationRouter(policy: policy, directory: directory, notifiers: notifiers)
    }

    func receivers(_ router: NotificationRouter, _ item: NoticeItem) -> [String] {
        router.routes(for: item).map { "\($0.notifier)→\($0.receiver)" }
    }

    @Test func defaultRouteSendsToTheAssignedUnitThroughEveryNotifier() {
        let r = router([], notifiers: ["email", "sms"])
        #expect(receivers(r, NotifyFixtures.item(.reminder)) == ["email→org:a", "sms→org:a"])
    }

    @Test func orgMatchInheritsDownTheTree() {
        var route = NotificationRoute(to: [.email("inspector@example.org")])
        route.orgs = ["a"]
        let r = router([route])
        // The unit itself and a unit below it match; a sibling does not and falls to the default route.
        #expect(receivers(r, NotifyFixtures.item(.reminder, org: "a")) == ["email→email:inspector@example.org"])
        #expect(receivers(r, NotifyFixtures.item(.reminder, org: "a-school")) == ["email→email:inspector@example.org"])
        #expect(receivers(r, NotifyFixtures.item(.reminder, org: "b")) == ["email→org:b"])
    }

    @Test func everyMatchingRouteAddsItsReceivers() {
        var overdue = NotificationRoute(to: [.unit, .parent])
        overdue.kinds = [.overdue]
        var quota = NotificationRoute(to: [.org("pref")])
        quota.taskKinds = ["quota"]
        let r = router([overdue, quota])
        #expect(receivers(r, NotifyFixtures.item(.overdue, repeatIndex: 1)) == ["email→org:a", "email→org:pref"])
        #expect(receivers(r, NotifyFixtures.item(.reminder, taskKind: "quota")) == ["email→org:pref"])
        #expect(
            receivers(r, NotifyFixtures.item(.overdue, taskKind: "quota", repeatIndex: 1)) == [
                "email→org:a", "email→org:pref",
            ]
        )
        // A reminder of a deadline matches neither: the default route.
        #expect(receivers(r, NotifyFixtures.item(.reminder)) == ["email→org:a"])
    }

    @Test func planTagAndSeverityMatch() {
        var byPlan = NotificationRoute(to: [.email("plan-owner@example.org")])
        byPlan.plans = ["it-2022"]
        var byTag = NotificationRoute(to: [.email("network@example.org")])
        byTag.tags = ["网络", "ipv6"]
        var bySeverity = NotificationRoute(to: [.email("director@example.org")])
        bySeverity.minimumSeverity = .warning
        let r = router([byPlan, byTag, bySeverity])
        #expect(receivers(r, NotifyFixtures.item(.reminder, plan: "it-2022")) == ["email→email:plan-owner@example.org"])
        #expect(receivers(r, NotifyFixtures.item(.reminder, tags: ["ipv6"])) == ["email→email:network@example.org"])
        #expect(receivers(r, NotifyFixtures.item(.due)) == ["email→email:director@example.org"])
        #expect(receivers(r, NotifyFixtures.item(.reminder)) == ["email→org:a"])
    }

    @Test func viaNamesOnlyRunningNotifiers() {
        let r = router(
            [],
            default: NotificationRoute(to: [.unit], via: ["email", "wechat"]),
            notifiers: ["email", "sms"]
        )
        #expect(receivers(r, NotifyFixtures.item(.reminder)) == ["email→org:a"])
    }

    @Test func escalatedOverdueAlsoGoesToTheParentUnit() {
        let r = router([])
        #expect(
            receivers(r, NotifyFixtures.item(.overdue, repeatIndex: 3, escalated: true)) == [
                "email→org:a", "email→org:pref",
            ]
        )
        // A top unit has no parent: nothing is added.
        #expect(
            receivers(r, NotifyFixtures.item(.overdue, org: "pref", repeatIndex: 3, escalated: true)) == [
                "email→org:pref"
            ]
        )
    }

    @Test func systemNoticesGoToTheTopUnitsWhenNoRouteNamesAReceiver() {
        let r = router([])
        let failure = NoticeItem(
            key: "plugin/email/failure/2024-05-06",
            kind: .pluginFailure,
            severity: .critical,
            at: .init(timeIntervalSince1970: 0),
            title: "插件 email"
        )
        #expect(receivers(r, failure) == ["email→org:pref"])
        var admins = NotificationRoute(to: [.email("admin@example.org")])
        admins.kinds = [.pluginFailure, .calendarMissing]
        #expect(receivers(router([admins]), failure) == ["email→email:admin@example.org"])
    }

    @Test func recipientsAndNamesOfReceivers() {
        let r = router([])
        #expect(r.recipients(of: "org:a").map(\.email) == ["a@example.org"])
        #expect(r.recipients(of: "email:x@example.org").map(\.email) == ["x@example.org"])
        #expect(r.receiverName("org:pref") == "州教育局")
        #expect(r.receiverName("email:x@example.org") == "x@example.org")
    }
}

/// Protocol 1.2 profiles: a notifier that addresses robots or mobiles gets only the receivers that have one, and
/// one with `min_severity` is left out of the implicit routes below it; route settings reach the receiver.
struct NotifierProfileRoutingTests {
    let directory: OrgDirectory = {
        var units = NotifyFixtures.directory.units
        for index in units.indices where units[index].id == "a" {
            units[index].wecom = "a-group"
            units[index].contacts.append(Contact(name: "甲县领导", role: "分管领导", mobile: "13800001111"))
        }
        return OrgDirectory(units: units)
    }()

    func router(_ routes: [NotificationRoute] = []) -> NotificationRouter {
        var policy = NotificationPolicy()
        policy.routes = routes
        return NotificationRouter(
            policy: policy,
            directory: directory,
            profiles: [
                NotifierProfile(name: "email", receives: .email),
                NotifierProfile(name: "wecom", receives: .wecom),
                NotifierProfile(name: "sms", receives: .mobile, minimumSeverity: .critical),
            ]
        )
    }

    func receivers(_ router: NotificationRouter, _ item: NoticeItem) -> [String] {
        router.routes(for: item).map { "\($0.notifier)→\($0.receiver)" }.sorted()
    }

    @Test func robotsAndMobilesDecideWhoANotifierReaches() {
        let r = router()
        // Unit a has a WeCom robot; unit b has none; SMS stays out of a reminder (below critical).
        #expect(receivers(r, NotifyFixtures.item(.reminder, org: "a")) == ["email→org:a", "wecom→org:a"])
        #expect(receivers(r, NotifyFixtures.item(.reminder, org: "b")) == ["email→org:b"])
        #expect(r.reaches("sms", "org:a") && !r.reaches("sms", "org:b"))
        #expect(r.reaches("wecom", "org:a") && !r.reaches("wecom", "org:b") && !r.reaches("wecom", "email:x@y.cn"))
        // A critical notice (an escalated overdue) also goes by SMS to the unit that has a mobile.
        let escalated = NotifyFixtures.item(.overdue, org: "a", repeatIndex: 3, escalated: true)
        #expect(receivers(r, escalated).contains("sms→org:a"), "\(receivers(r, escalated))")
    }

    @Test func routeSettingsReachTheChannelsReceiver() {
        var route = NotificationRoute(to: [.unit], via: ["wecom"])
        route.orgs = ["a"]
        route.settings = ["mention": "always"]
        let r = router([route])
        let item = NotifyFixtures.item(.reminder, org: "a")
        #expect(r.settings(notifier: "wecom", receiver: "org:a", items: [item]) == ["mention": "always"])
        #expect(r.settings(notifier: "wecom", receiver: "org:b", items: [item]).isEmpty)
    }
}
