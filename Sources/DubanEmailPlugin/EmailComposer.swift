public import DubanMail
public import DubanPluginProtocol
public import Foundation

/// Turns a `notify` event into a message: recipients from the event (the org unit's contacts with an email
/// address), the daemon's subject and text when it sent them (else ``ReminderText``'s), details of the
/// occurrence under the text, and a `Message-ID` derived from the event key so a retry repeats the same id.
public struct EmailComposer: Sendable {
    public var settings: EmailSettings

    public init(settings: EmailSettings) {
        self.settings = settings
    }

    /// The message for `event`, dated `now`.
    /// - Throws: ``MailError`` with code `noRecipients` when no recipient has an email address, or another code
    ///   when an address cannot be written.
    public func message(for event: NotifyEvent, now: Date) throws(MailError) -> MailMessage {
        var seen = Set<String>()
        let to = event.recipients.compactMap { recipient -> MailAddress? in
            guard let email = recipient.email?.trimmingCharacters(in: .whitespaces), !email.isEmpty,
                seen.insert(email.lowercased()).inserted
            else { return nil }
            return MailAddress(name: recipient.name, address: email)
        }
        guard !to.isEmpty else {
            throw MailError(
                code: .noRecipients,
                message: "事件没有带邮箱的收件人(请在组织目录中为\(event.occurrence.orgName)填写联系人邮箱)"
                    + " / the event has no recipient with an email address (add a contact email for"
                    + " \(event.occurrence.org) in the org directory)"
            )
        }
        let occurrence = event.occurrence
        let facts = ReminderText.Facts(
            kind: event.kind,
            planTitle: occurrence.planTitle,
            taskTitle: occurrence.taskTitle,
            orgName: occurrence.orgName,
            due: occurrence.due,
            workingDays: occurrence.workingDaysLeft,
            occurrence: occurrence.id
        )
        let own = ReminderText(facts)
        let subjects = [
            "zh-Hans": nonEmpty(event.subject.zhHans) ?? own.subjectZh,
            "en": nonEmpty(event.subject.en) ?? own.subjectEn,
        ]
        let leads = ["zh-Hans": nonEmpty(event.text.zhHans), "en": nonEmpty(event.text.en)]
        let written = ReminderText(facts, leadZh: leads["zh-Hans"] ?? nil, leadEn: leads["en"] ?? nil)
        var bodies = ["zh-Hans": written.bodyZh, "en": written.bodyEn]
        var extra: [HeaderField] = [.text("X-Duban-Event", event.key), .text("X-Duban-Occurrence", occurrence.id)]
        if event.kind == "digest" {
            // A digest (protocol 1.1) is written whole by duband from its templates: its text is the body.
            for (language, lead) in leads { if let lead { bodies[language] = lead } }
            if let items = event.items, !items.isEmpty {
                extra.append(.text("X-Duban-Events", items.map(\.key).joined(separator: " ")))
            }
        }
        let primary = settings.languages.first ?? "zh-Hans"
        return MailMessage(
            from: settings.from,
            to: to,
            replyTo: settings.replyTo,
            subject: subjects[primary] ?? own.subjectZh,
            date: now,
            timeZone: settings.timeZone,
            messageID: MessageID.derive(fromKey: event.key, domain: settings.from.domain),
            parts: settings.languages.map { MailMessage.TextPart(language: $0, text: bodies[$0] ?? written.bodyZh) },
            extraHeaders: extra
        )
    }

    func nonEmpty(_ text: String) -> String? {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }
}
