import DubanMail
import Foundation
import Testing

@Suite struct MailMessageTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    static func message(
        subject: String = "【督办提醒】建立县级资源库(临夏县教育局)将于2022年12月30日(星期五)到期,剩余3个工作日",
        to: [MailAddress] = [MailAddress(name: "马国栋(示例)", address: "linxia-city-xxb@example.org")],
        parts: [MailMessage.TextPart] = [.init(language: "zh-Hans", text: "第一行\n第二行")]
    ) -> MailMessage {
        MailMessage(
            from: MailAddress(name: "督办系统", address: "duban@example.org"),
            to: to,
            replyTo: MailAddress(address: "office@example.org"),
            subject: subject,
            date: Date(timeIntervalSince1970: 1_672_360_200),  // 2022-12-30 00:30:00 UTC
            timeZone: shanghai,
            messageID: MessageID.derive(fromKey: "p/t/o/once#reminder-3", domain: "example.org"),
            parts: parts,
            extraHeaders: [.raw("X-Duban-Event", "p/t/o/once#reminder-3")]
        )
    }

    @Test func headersDecodeBackAndCarryTheFixedFields() throws {
        let text = try Self.message().rendered()
        let parsed = try ParsedMessage(text)
        #expect(parsed.header("Subject") == "【督办提醒】建立县级资源库(临夏县教育局)将于2022年12月30日(星期五)到期,剩余3个工作日")
        #expect(parsed.header("From") == "督办系统 <duban@example.org>")
        #expect(parsed.header("To") == "马国栋(示例) <linxia-city-xxb@example.org>")
        #expect(parsed.header("Reply-To") == "<office@example.org>")
        #expect(parsed.header("Date") == "Fri, 30 Dec 2022 08:30:00 +0800")
        #expect(parsed.header("Auto-Submitted") == "auto-generated")
        #expect(parsed.header("MIME-Version") == "1.0")
        #expect(parsed.header("X-Duban-Event") == "p/t/o/once#reminder-3")
        #expect(parsed.header("Message-ID")?.hasSuffix("@example.org>") == true)
        #expect(parsed.parts.count == 1)
        #expect(parsed.parts[0].headers["content-type"] == "text/plain; charset=UTF-8")
        #expect(parsed.text(language: "zh-Hans") == "第一行\r\n第二行\r\n")
    }

    @Test func everyLineEndsWithCRLFAndStaysWithinLimits() throws {
        let text = try Self.message().rendered()
        #expect(text.hasSuffix("\r\n"))
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at byte \(index)")
        }
        #expect(!text.utf8.contains(where: { $0 >= 0x80 }), "the message must be 7-bit")
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.count <= 76, "line too long: \(line)")
        }
    }

    @Test func longSubjectsSplitIntoWordsOfAtMost75WithoutCuttingCharacters() throws {
        // CJK (3 bytes), a 4-byte emoji, a 25-byte family emoji sequence, ASCII: cut points fall everywhere.
        let subjects = [
            String(repeating: "督办提醒建立县级资源库", count: 12),
            "【督办】" + String(repeating: "👨‍👩‍👧‍👦a𝄞é", count: 9) + " end",
            String(repeating: "x", count: 200),
            "plain ascii subject that is long enough to need folding across more than one line of the header",
        ]
        for subject in subjects {
            let text = try Self.message(subject: subject).rendered()
            let parsed = try ParsedMessage(text)
            #expect(parsed.header("Subject") == subject)
            let subjectIndex = try #require(parsed.headerLines.firstIndex { $0.hasPrefix("Subject:") })
            var lines = [parsed.headerLines[subjectIndex]]
            lines += parsed.headerLines[(subjectIndex + 1)...].prefix { $0.hasPrefix(" ") }
            for line in lines {
                #expect(line.count <= 76, "\(line)")
                for word in ParsedMessage.words(in: line) {
                    #expect(word.count <= 75, "\(word)")
                    let payload = String(word.dropFirst(10).dropLast(2))
                    let data = try #require(Data(base64Encoded: payload))
                    #expect(String(data: data, encoding: .utf8) != nil, "word \(word) is not UTF-8 on its own")
                }
            }
        }
    }

    @Test func encodedWordsFitTheirSlots() {
        for length in 0...80 {
            let words = EncodedWord.encode(String(repeating: "中", count: 50), firstLength: length, otherLength: 75)
            if EncodedWord.payloadBytes(fittingIn: length) < 3 {
                #expect(words.first == "")
            } else {
                #expect((words.first?.count ?? 0) <= min(length, 75))
            }
            #expect(words.allSatisfy { $0.count <= 75 })
        }
        #expect(EncodedWord.payloadBytes(fittingIn: 75) == 45)
        #expect(EncodedWord.isPlain("Hello world"))
        #expect(!EncodedWord.isPlain("Hello =?x?="))
        #expect(!EncodedWord.isPlain("督办"))
    }

    @Test func displayNamesAreEncodedQuotedOrPlain() throws {
        let to = [
            MailAddress(name: "John Smith", address: "john@example.org"),
            MailAddress(name: "Smith, John", address: "smith@example.org"),
            MailAddress(name: "赵红梅(示例)", address: "zhao@example.org"),
            MailAddress(address: "bare@example.org"),
        ]
        let parsed = try ParsedMessage(try Self.message(to: to).rendered())
        let raw = try #require(parsed.headers.first { $0.name == "to" }?.value)
        #expect(raw.contains("John Smith <john@example.org>,"))
        #expect(raw.contains("\"Smith, John\" <smith@example.org>,"))
        #expect(raw.contains("=?UTF-8?B?"))
        #expect(
            parsed.header("To")
                == "John Smith <john@example.org>, \"Smith, John\" <smith@example.org>, 赵红梅(示例) <zhao@example.org>, <bare@example.org>"
        )
    }

    @Test func twoLanguagesMakeAnAlternativeWithChineseLast() throws {
        let parts: [MailMessage.TextPart] = [
            .init(language: "zh-Hans", text: "中文正文"), .init(language: "en", text: "English body"),
        ]
        let text = try Self.message(parts: parts).rendered()
        let parsed = try ParsedMessage(text)
        #expect(parsed.header("Content-Type")?.hasPrefix("multipart/alternative; boundary=") == true)
        #expect(parsed.parts.map { $0.headers["content-language"] } == ["en", "zh-Hans"])
        #expect(parsed.text(language: "zh-Hans") == "中文正文\r\n")
        #expect(parsed.text(language: "en") == "English body\r\n")
    }

    @Test func bodiesWrapAt76() throws {
        let body = String(repeating: "教育信息化2.0行动计划。", count: 40)
        let text = try Self.message(parts: [.init(language: "zh-Hans", text: body)]).rendered()
        let bodyLines = text.components(separatedBy: "\r\n\r\n")[1].components(separatedBy: "\r\n").filter {
            !$0.isEmpty
        }
        #expect(bodyLines.count > 10)
        #expect(bodyLines.dropLast().allSatisfy { $0.count == 76 })
        #expect(try ParsedMessage(text).text(language: "zh-Hans") == body + "\r\n")
    }

    @Test func messageIDsAreDeterministicPerKey() {
        let first = MessageID.derive(fromKey: "plan/task/org/once#reminder-3", domain: "example.org")
        #expect(first == MessageID.derive(fromKey: "plan/task/org/once#reminder-3", domain: "example.org"))
        #expect(first != MessageID.derive(fromKey: "plan/task/org/once#due", domain: "example.org"))
        #expect(first.hasPrefix("<duban.") && first.hasSuffix("@example.org>") && first.count == 7 + 32 + 13)
        #expect(MessageID.derive(fromKey: "k", domain: nil).hasSuffix("@localhost>"))
    }

    @Test func datesInOtherZonesAndYears() {
        let utc = TimeZone(identifier: "UTC")!
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 0), in: utc) == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(
            RFC5322Date.format(Date(timeIntervalSince1970: 951_782_400), in: utc) == "Tue, 29 Feb 2000 00:00:00 +0000"
        )
        let newYork = TimeZone(identifier: "America/New_York")!
        #expect(
            RFC5322Date.format(Date(timeIntervalSince1970: 1_672_360_200), in: newYork)
                == "Thu, 29 Dec 2022 19:30:00 -0500"
        )
    }

    @Test func refusesWhatCannotBeSent() {
        #expect(throws: MailError.self) { try Self.message(to: []).rendered() }
        #expect(throws: MailError.self) { try Self.message(to: [MailAddress(address: "no-at-sign")]).rendered() }
        #expect(throws: MailError.self) {
            try Self.message(to: [MailAddress(address: "a@b.org>\r\nBcc: x@y.org")]).rendered()
        }
        #expect(throws: MailError.self) { try Self.message(parts: []).rendered() }
        var injected = Self.message()
        injected.extraHeaders = [.raw("X-Evil", "a\r\nBcc: x@y.org")]
        #expect(throws: MailError.self) { try injected.rendered() }
        // A line break in the subject cannot inject a header: it becomes a space.
        let parsed = try? ParsedMessage(try Self.message(subject: "a\r\nBcc: x@y.org").rendered())
        #expect(parsed?.header("Subject") == "a Bcc: x@y.org")
        #expect(parsed?.header("Bcc") == nil)
    }
}
