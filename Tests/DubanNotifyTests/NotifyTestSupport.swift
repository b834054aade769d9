import DubanCalendar
import DubanCore
import DubanNotify
import DubanPlanFiles
import Foundation

enum NotifyFixtures {
    static let calendar = WorkingDayCalendar(years: CalendarLoader.bundledYears())
    static let settings = SiteSettings()

    /// A prefecture with two counties, one with a school below it.
    static let directory = OrgDirectory(units: [
        OrgUnit(
            id: "pref",
            name: "州教育局",
            kind: .prefecture,
            contacts: [Contact(name: "办公室", email: "pref@example.org")]
        ),
        OrgUnit(
            id: "a",
            name: "甲县教育局",
            kind: .county,
            parent: "pref",
            contacts: [Contact(name: "甲", email: "a@example.org")]
        ),
        OrgUnit(
            id: "b",
            name: "乙县教育局",
            kind: .county,
            parent: "pref",
            contacts: [Contact(name: "乙", email: "b@example.org")]
        ),
        OrgUnit(id: "a-school", name: "甲县一中", kind: .school, parent: "a"),
    ])

    static func item(
        _ kind: NoticeKind,
        org: String? = "a",
        plan: String = "p",
        taskKind: String = "deadline",
        tags: [String] = [],
        due: CivilDate? = CivilDate(year: 2022, month: 12, day: 30)!,
        repeatIndex: Int? = nil,
        escalated: Bool = false,
        title: String = "建立县级资源库",
        key: String? = nil
    ) -> NoticeItem {
        NoticeItem(
            key: key ?? "\(plan)/t/\(org ?? "-")/once#\(kind.rawValue)\(repeatIndex.map { "-\($0)" } ?? "")",
            kind: kind,
            severity: NoticeItem.defaultSeverity(kind, escalated: escalated),
            at: Date(timeIntervalSince1970: 0),
            occurrence: org.map { "\(plan)/t/\($0)/once" },
            plan: plan,
            planTitle: "信息化行动计划",
            task: "t",
            title: title,
            taskKind: taskKind,
            tags: tags,
            org: org,
            orgName: org.map { directory.displayName($0) },
            period: "once",
            due: due,
            repeatIndex: repeatIndex,
            escalated: escalated
        )
    }

    /// An instant in Beijing time.
    static func beijing(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) -> Date {
        settings.instant(CivilDate(year: y, month: m, day: d)!, at: TimeOfDay(hour: h, minute: min))
    }
}
