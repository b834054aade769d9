import DubanMail
import Testing

@Suite struct ReminderTextTests {
    static func facts(kind: String, days: Int) -> ReminderText.Facts {
        ReminderText.Facts(
            kind: kind,
            planTitle: "教育信息化2.0",
            taskTitle: "建立县级资源库",
            orgName: "临夏县教育局",
            due: "2022-12-30",
            workingDays: days,
            occurrence: "plan/resources/linxia-county/once"
        )
    }

    @Test func reminderSubjectAndBody() {
        let text = ReminderText(Self.facts(kind: "reminder", days: 3))
        #expect(text.subjectZh == "【督办提醒】建立县级资源库(临夏县教育局)将于2022年12月30日(星期五)到期,剩余3个工作日")
        #expect(text.subjectEn == "[duban reminder] 建立县级资源库 (临夏县教育局) is due 2022-12-30 (Friday), 3 working day(s) left")
        #expect(text.bodyZh.contains("截止日期:2022年12月30日(星期五)"))
        #expect(text.bodyZh.contains("事项编号:plan/resources/linxia-county/once"))
        #expect(text.bodyEn.contains("Due: 2022-12-30 (Friday)"))
    }

    @Test func dueAndOverdue() {
        #expect(
            ReminderText(Self.facts(kind: "due", days: 0)).subjectZh == "【督办提醒】建立县级资源库(临夏县教育局)今日到期(2022年12月30日(星期五))"
        )
        let overdue = ReminderText(Self.facts(kind: "overdue", days: -5))
        #expect(overdue.subjectZh == "【督办催办】建立县级资源库(临夏县教育局)已逾期5个工作日(原定2022年12月30日(星期五))")
        #expect(overdue.bodyEn.contains("5 working day(s) overdue"))
    }

    @Test func weekdaysAcrossYears() {
        let cases = [("2024-02-29", "星期四"), ("2000-01-01", "星期六"), ("2026-10-01", "星期四"), ("1969-12-31", "星期三")]
        for (date, weekday) in cases {
            var facts = Self.facts(kind: "reminder", days: 1)
            facts.due = date
            #expect(ReminderText(facts).subjectZh.contains("(\(weekday))"), "\(date)")
        }
        var bad = Self.facts(kind: "reminder", days: 1)
        bad.due = "2023-02-29"
        #expect(ReminderText(bad).subjectZh.contains("将于2023-02-29到期"))
    }
}
