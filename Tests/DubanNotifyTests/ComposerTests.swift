import DubanCalendar
import DubanCore
import DubanNotify
import Foundation
import Testing

/// Subjects and bodies: the single-notice subject, the digest's summary and urgency order, overrides.
struct ComposerTests {
    let composer = DigestComposer(calendar: NotifyFixtures.calendar)
    let day = CivilDate(year: 2022, month: 12, day: 27)!

    @Test func aSingleReminderReadsAsItself() {
        let message = composer.compose([NotifyFixtures.item(.reminder)], receiverName: "甲县教育局", day: day)
        #expect(message.subject.zh == "【督办提醒】建立县级资源库 将于2022年12月30日(星期五)到期,剩余3个工作日")
        #expect(message.subject.en == "[duban] 建立县级资源库 is due 2022-12-30 (Friday), 3 working day(s) left")
        #expect(message.text.zh.hasPrefix("甲县教育局:\n\n以下督办事项请及时办理:\n\n1. 建立县级资源库(甲县教育局)将于2022年12月30日(星期五)到期"))
        #expect(message.text.zh.contains("   所属计划:信息化行动计划;周期:once\n"))
    }

    @Test func aDigestIsOrderedByUrgencyUnderASummaryLine() {
        let items = [
            NotifyFixtures.item(.reminder, title: "甲", key: "k1"),
            NotifyFixtures.item(.reminder, due: CivilDate(year: 2022, month: 12, day: 29)!, title: "乙", key: "k2"),
            NotifyFixtures.item(
                .overdue,
                due: CivilDate(year: 2022, month: 12, day: 20)!,
                repeatIndex: 1,
                title: "丙",
                key: "k3"
            ),
            NotifyFixtures.item(.reminder, due: CivilDate(year: 2023, month: 1, day: 10)!, title: "丁", key: "k4"),
        ]
        let message = composer.compose(items, receiverName: "甲县教育局", day: day)
        #expect(message.subject.zh == "【督办提醒】3项即将到期、1项已逾期")
        #expect(message.subject.en == "[duban] 3 due soon, 1 overdue")
        let lines = message.text.zh.split(separator: "\n").filter {
            $0.first?.isNumber == true && $0.dropFirst().hasPrefix(". ")
        }
        #expect(lines.map { String($0.prefix(4)) } == ["1. 丙", "2. 乙", "3. 甲", "4. 丁"], "\(lines)")
        #expect(lines[0].contains("已逾期5个工作日(原定2022年12月20日(星期二)),第1次催办"), "\(lines[0])")
        #expect(message.text.zh.contains("2022年12月27日(星期二)督办事项共4项(3项即将到期、1项已逾期),按紧急程度排列:"))
    }

    @Test func escalatedAndDueTodayWordings() {
        let escalated = composer.compose(
            [
                NotifyFixtures.item(
                    .overdue,
                    due: CivilDate(year: 2022, month: 12, day: 20)!,
                    repeatIndex: 3,
                    escalated: true
                )
            ],
            receiverName: "州教育局",
            day: day
        )
        #expect(escalated.subject.zh == "【督办催办】建立县级资源库 已逾期5个工作日(原定2022年12月20日(星期二)),第3次催办,已抄报上级单位")
        let due = composer.compose([NotifyFixtures.item(.due, due: day)], receiverName: "甲县教育局", day: day)
        #expect(due.subject.zh == "【督办提醒】建立县级资源库 今日到期(2022年12月27日(星期二))")
    }

    @Test func daysLeftCountFromTheDayTheMessageGoesOut() {
        // A reminder held over the 元旦 holiday says what is left on the day it is read.
        let later = composer.compose(
            [NotifyFixtures.item(.reminder, due: CivilDate(year: 2023, month: 1, day: 6)!)],
            receiverName: "甲",
            day: CivilDate(year: 2023, month: 1, day: 3)!
        )
        #expect(later.subject.zh.hasSuffix("剩余3个工作日"))
    }

    @Test func anOverrideReplacesATemplateAndBadOnesAreRefusedWithTheirPlace() {
        var templates = NotificationTemplates()
        #expect(
            templates.override(
                name: "digest-subject",
                language: .zhHans,
                text: "[县局督办]{{summary}}({{count}}项)",
                file: "t"
            ).isEmpty
        )
        let custom = DigestComposer(templates: templates, calendar: NotifyFixtures.calendar)
        let items = [NotifyFixtures.item(.reminder, key: "x"), NotifyFixtures.item(.due, key: "y")]
        #expect(custom.compose(items, receiverName: "甲", day: day).subject.zh == "[县局督办]1项即将到期、1项今日到期(2项)")
        let unknown = templates.override(
            name: "subject",
            language: .zhHans,
            text: "{{title}}\n  {{deadline}}",
            file: "s.mustache"
        )
        #expect(unknown.map { "\($0.file):\($0.line):\($0.column)" } == ["s.mustache:2:3"])
        let broken = templates.override(
            name: "body",
            language: .en,
            text: "{{#items}}\n{{title}}\n{{/item}}",
            file: "b.mustache"
        )
        #expect(broken.count == 1 && broken[0].line == 3, "\(broken)")
        #expect(broken.first?.message.en.contains("closing tag does not match") == true, "\(broken)")
        let name = templates.override(name: "subjet", language: .en, text: "x", file: "subjet.en.mustache")
        #expect(name.first?.message.en.contains("unknown template name subjet") == true)
        // The refused overrides left the defaults in force.
        #expect(
            custom.compose([NotifyFixtures.item(.due, due: day)], receiverName: "甲", day: day).subject.zh.hasPrefix(
                "【督办提醒】建立县级资源库"
            )
        )
    }

    @Test func everyKindHasAStatusLineInBothLanguages() {
        for kind in NoticeKind.allCases {
            var item = NotifyFixtures.item(kind)
            item.detail = LocalizedText(zh: "说明", en: "detail")
            let message = composer.compose([item], receiverName: "甲", day: day)
            #expect(!message.subject.zh.hasSuffix(" "), "\(kind): \(message.subject.zh)")
            #expect(message.subject.zh.count > "【督办提醒】建立县级资源库".count, "\(kind)")
            #expect(message.subject.en.count > "[duban] 建立县级资源库".count, "\(kind)")
        }
    }
}
