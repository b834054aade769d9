import Foundation

/// An RFC 5322 message with MIME text parts in UTF-8, ready for `sendmail -t`: CRLF line endings, folded
/// headers, RFC 2047 encoded display names and subject, base64 bodies wrapped at 76 characters.
///
/// One language gives a single `text/plain` body. Several give `multipart/alternative`, each part with its
/// `Content-Language`; the parts are written least preferred first, because RFC 2046 §5.1.4 has readers show the
/// last part they can display, so the first element of ``parts`` (zh-Hans) is what people see by default.
public struct MailMessage: Hashable, Sendable {
    /// One text body in one language.
    public struct TextPart: Hashable, Sendable {
        /// A BCP 47 tag: `zh-Hans`, `en`.
        public var language: String
        public var text: String

        public init(language: String, text: String) {
            self.language = language
            self.text = text
        }
    }

    public var from: MailAddress
    public var to: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var date: Date
    /// The zone the `Date` header is written in.
    public var timeZone: TimeZone
    /// With its angle brackets: `<duban.…@example.org>`.
    public var messageID: String
    /// Most preferred first.
    public var parts: [TextPart]
    /// More fields written after the standard ones (`X-Duban-Event`, say).
    public var extraHeaders: [HeaderField]

    public init(
        from: MailAddress,
        to: [MailAddress],
        replyTo: MailAddress? = nil,
        subject: String,
        date: Date,
        timeZone: TimeZone,
        messageID: String,
        parts: [TextPart],
        extraHeaders: [HeaderField] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.parts = parts
        self.extraHeaders = extraHeaders
    }

    /// The whole message, CRLF line endings, ending with a CRLF.
    public func rendered() throws(MailError) -> String {
        guard !to.isEmpty else {
            throw MailError(code: .noRecipients, message: "邮件没有收件人 / the message has no recipients")
        }
        guard !parts.isEmpty else {
            throw MailError(code: .noBody, message: "邮件没有正文 / the message has no body")
        }
        for mailbox in [from] + to + (replyTo.map { [$0] } ?? []) { _ = try mailbox.validated() }
        for field in extraHeaders {
            let nameOK =
                !field.name.isEmpty && field.name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            guard nameOK, !field.tokens.contains(where: \.hasLineBreak) else {
                throw MailError(code: .invalidHeader, message: "邮件头无效:\(field.name) / invalid header: \(field.name)")
            }
        }
        guard !messageID.contains(where: { $0.isNewline || $0 == " " }) else {
            throw MailError(code: .invalidHeader, message: "Message-ID 无效 / invalid Message-ID")
        }
        // A subject is one line: line breaks become spaces.
        let oneLineSubject = subject.split(whereSeparator: \.isNewline).joined(separator: " ")
        var fields: [HeaderField] = [
            .raw("Date", RFC5322Date.format(date, in: timeZone)),
            .addresses("From", [from]),
            .addresses("To", to),
        ]
        if let replyTo { fields.append(.addresses("Reply-To", [replyTo])) }
        fields += [
            .text("Subject", oneLineSubject),
            .raw("Message-ID", messageID),
            .raw("Auto-Submitted", "auto-generated"),
            .raw("X-Auto-Response-Suppress", "All"),
        ]
        fields += extraHeaders
        fields.append(.raw("MIME-Version", "1.0"))

        var lines = fields.flatMap { $0.lines() }
        if parts.count == 1 {
            lines += Self.partHeaders(parts[0])
            lines.append("")
            lines += Self.base64Lines(parts[0].text)
        } else {
            let boundary = "=_duban_" + messageID.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.suffix(40)
            lines += HeaderField.raw("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"").lines()
            lines.append("")
            lines.append("This is a multi-part message in MIME format.")
            for part in parts.reversed() {
                lines.append("--" + boundary)
                lines += Self.partHeaders(part)
                lines.append("")
                lines += Self.base64Lines(part.text)
            }
            lines.append("--" + boundary + "--")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `Content-Type`, `Content-Language` and `Content-Transfer-Encoding` of a text part.
    static func partHeaders(_ part: TextPart) -> [String] {
        let language = part.language.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return [
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Language: " + (language.isEmpty ? "und" : language),
            "Content-Transfer-Encoding: base64",
        ]
    }

    /// The text with CRLF line endings, in UTF-8, base64 encoded in lines of 76 characters.
    static func base64Lines(_ text: String) -> [String] {
        var normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if !normalized.hasSuffix("\n") { normalized += "\n" }
        let encoded = Data(normalized.replacingOccurrences(of: "\n", with: "\r\n").utf8).base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }
}

extension HeaderToken {
    /// Whether the token carries a CR or LF (which would inject a header).
    var hasLineBreak: Bool {
        switch self {
        case .atom(let text), .phrase(let text), .text(let text): return text.contains(where: \.isNewline)
        }
    }
}
