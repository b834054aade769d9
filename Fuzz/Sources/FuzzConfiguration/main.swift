import DubanCalendar
import DubanCore
import DubanNotify
import DubanPlanFiles
import Foundation
import FuzzSupport

// The daemon's configuration (duban.yaml) with its notification policy, and a notification template override:
// parse the configuration; route, time and compose a digest with it; then read the same text as the `body`
// template (and the part after a NUL byte as the `subject`) and render a digest with the overrides.

let directory = Examples.directory
let calendar = Examples.calendar
let day = CivilDate(year: 2022, month: 12, day: 27)!

func items(_ settings: SiteSettings) -> [NoticeItem] {
    let at = settings.instant(day, at: settings.officeStart)
    return [
        NoticeItem(
            key: "p/t/kangle/once#due", kind: .due, severity: .warning, at: at, occurrence: "p/t/kangle/once",
            plan: "p", planTitle: "计划", task: "t", title: "建立县级资源库", taskKind: "deadline", org: "kangle",
            orgName: "康乐县教育局", due: day),
        NoticeItem(
            key: "p/t/kangle/once#overdue-2", kind: .overdue, severity: .critical, at: at, title: "完成网络升级",
            org: "kangle", due: day.adding(days: -20), repeatIndex: 2, escalated: true),
    ]
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = FuzzInput(data, size)
    let (config, _) = ConfigFile.parse(input.text, file: "duban.yaml")
    if let config {
        let policy = config.notifications
        let router = NotificationRouter(policy: policy, directory: directory, notifiers: ["email", "wecom"])
        let timing = DigestTiming(policy: policy, settings: config.site, calendar: calendar)
        for item in items(config.site) {
            for route in router.routes(for: item) {
                _ = router.recipients(of: route.receiver)
                _ = router.receiverName(route.receiver)
            }
            _ = timing.sendAt(item.at, severity: item.severity)
        }
        _ = timing.nextDigest(atOrAfter: config.site.instant(day, at: config.site.officeStart))
    }
    let (body, subject) = input.pair
    var templates = NotificationTemplates()
    let problems =
        templates.override(name: "body", language: .zhHans, text: body, file: "body.zh-Hans.mustache")
        + templates.override(name: "subject", language: .zhHans, text: subject, file: "subject.zh-Hans.mustache")
    if problems.isEmpty {
        let composer = DigestComposer(templates: templates, calendar: calendar)
        _ = composer.compose(items(SiteSettings()), receiverName: "康乐县教育局", day: day)
        _ = composer.compose(Array(items(SiteSettings()).prefix(1)), receiverName: "康乐县教育局", day: day)
    }
    return 0
}

@_cdecl("FuzzConfiguration_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
