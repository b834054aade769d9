import DubanCalendar
import DubanCore
import DubanSupervision
import Foundation
import Testing

@Suite struct SupervisionNoticeTests {
    @Test("numbers: 临教督〔2026〕12号, next in the year, 1 in a new year or with a new prefix, parsed back")
    func numbers() throws {
        let twelve = SupervisionNoticeNumber(prefix: "临教督", year: 2026, sequence: 12)
        #expect(twelve.description == "临教督〔2026〕12号")
        #expect(SupervisionNoticeNumber(text: "临教督〔2026〕12号") == twelve)
        for bad in ["〔2026〕12号", "临教督〔26〕12号", "临教督〔2026〕0号", "临教督〔2026〕12", "临教督(2026)12号", "临教督〔2026〕１２号"] {
            #expect(SupervisionNoticeNumber(text: bad) == nil, "\(bad)")
        }
        let next = SupervisionNoticeNumber.next(after: twelve, prefix: "临教督", issuedOn: day("2026-12-31"))
        #expect(next.description == "临教督〔2026〕13号")
        #expect(SupervisionNoticeNumber.next(after: next, prefix: "临教督", issuedOn: day("2027-01-04")).description == "临教督〔2027〕1号")
        #expect(SupervisionNoticeNumber.next(after: next, prefix: "督", issuedOn: day("2026-12-31")).description == "督〔2026〕1号")
        #expect(SupervisionNoticeNumber.next(after: nil, prefix: "督", issuedOn: day("2026-12-31")).sequence == 1)
    }

    @Test("numbering a batch: 督办单 only, by day then key, continuing from the last one issued")
    func numbering() throws {
        let rules = EscalationRules()
        var a = Play("a", assigned: "2026-09-14", due: "2026-09-29")
        try a.step(.acknowledge, "2026-09-14")
        var b = Play("b", assigned: "2026-09-14", due: "2026-09-28")
        try b.step(.acknowledge, "2026-09-14")
        let events = [a.item, b.item].flatMap {
            EscalationLadder.events(for: $0, through: day("2026-10-15"), rules: rules, calendar: calendar)
        }
        let last = SupervisionNoticeNumber(prefix: "临教督", year: 2026, sequence: 11)
        let numbered = SupervisionNoticeNumber.numbering(events, prefix: "临教督", after: last)
        // b: due 9-28 → 9-29 (1), 9-30 (2), 10-8 (3) 督办单, then 10-14 (5 more); a: 10-9, then 10-15.
        #expect(numbered.map { "\($0.event.key) \($0.number)" } == [
            "b#ladder-notice-1 临教督〔2026〕12号", "a#ladder-notice-1 临教督〔2026〕13号",
            "b#ladder-notice-2 临教督〔2026〕14号", "a#ladder-notice-2 临教督〔2026〕15号",
        ])
    }

    /// The first 督办单 of an item due 9-29 and silent since: issued 10-9, 3 working days late.
    func document(title: String = "落实课后服务", unitName: String = "康乐县教育局", prefix: String = "临教督") throws
        -> SupervisionNoticeDocument
    {
        var play = Play("k", unitName: unitName, assigned: "2026-09-14", due: "2026-09-29")
        play.item.title = title
        try play.step(.acknowledge, "2026-09-14")
        var rules = EscalationRules()
        rules.noticePrefix = prefix
        let event = try #require(
            EscalationLadder.events(for: play.item, through: day("2026-10-09"), rules: rules, calendar: calendar)
                .first { $0.level == .notice })
        return SupervisionNoticeDocument.make(
            item: play.item, event: event,
            number: SupervisionNoticeNumber.next(after: nil, prefix: rules.noticePrefix, issuedOn: event.day),
            leaderInCharge: "马局长", copyTo: "临夏州教育局", rules: rules, calendar: calendar)
    }

    @Test("a 督办单 from an event: the limit, the days late, reply by 3 working days after issue")
    func make() throws {
        let notice = try document()
        #expect(notice.issuedOn == day("2026-10-09") && notice.deadline == day("2026-09-29"))
        #expect(notice.workingDaysOverdue == 3 && notice.limit == .due && notice.round == 1)
        #expect(notice.replyBy == day("2026-10-13"), "Sat 10-10 (worked), Mon 10-12, Tue 10-13")
        let text = notice.text(.zhHans)
        #expect(text.hasPrefix("督办单\n"))
        for part in ["编号：临教督〔2026〕1号", "督办事项：落实课后服务", "牵头单位：康乐县教育局", "分管领导：马局长",
            "抄送：临夏州教育局", "办结时限：2026年9月29日", "逾期情况：已超过办结时限3个工作日", "反馈时限：2026年10月13日",
            "签发日期：2026年10月9日", "于2026年10月13日前书面报送"]
        {
            #expect(text.contains(part), "\(part)")
        }
        let english = notice.text(.en)
        #expect(english.hasPrefix("Supervision notice\n") && english.contains("Reply by: 13 Oct 2026"))
        #expect(english.contains("3 working day(s) past the due date"))
        let markdown = notice.markdown()
        #expect(markdown.hasPrefix("## 督办单\n") && markdown.contains("**督办事项**：落实课后服务"))
    }

    @Test("HTML: a whole printable page, every value escaped, no script")
    func html() throws {
        let hostile = #"<script>alert("x&y")</script>' & <img src=x onerror=alert(1)>"#
        let notice = try document(title: hostile, unitName: #"A&B "县""#, prefix: "<b>督")
        let page = notice.html()
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\">"))
        #expect(page.contains("@page { size: A4;") && page.contains("@media print"))
        #expect(!page.lowercased().contains("<script") && !page.contains("<img") && !page.contains("<b>"))
        #expect(page.contains("&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;&#39; &amp; &lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("A&amp;B &quot;县&quot;") && page.contains("&lt;b&gt;督〔2026〕1号"))
        // Every tag on the page is one of ours.
        let tags = Set(page.matches(of: #/<\/?([A-Za-z!][A-Za-z0-9]*)/#).map { String($0.output.1).lowercased() })
        #expect(tags.isSubset(of: ["!doctype", "html", "head", "meta", "title", "style", "body", "main", "h1", "p", "hr", "table", "tr", "th", "td"]), "\(tags)")
        #expect(page.contains("<th scope=\"row\">督办事项</th>"))
        let english = notice.html(.en)
        #expect(english.contains("<html lang=\"en\">") && english.contains("<th scope=\"row\">Item</th>"))
        // Markdown keeps the structure too: metacharacters escaped, one line per field.
        var multiline = notice
        multiline.title = "第一行\n**第二行** [链接](http://x)"
        let markdown = multiline.markdown()
        #expect(markdown.contains(#"**督办事项**：第一行 \*\*第二行\*\* \[链接\]\(http://x\)"#))
    }
}
