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
