import Foundation

/// A mailbox: an optional display name (any Unicode text) and an address (`local@domain`, printable ASCII).
public struct MailAddress: Hashable, Sendable {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The part after the last `@` (the domain), or nil for an address without one.
    public var domain: String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...]
        return domain.isEmpty ? nil : String(domain)
    }

    /// Checks the address is `local@domain` with both sides non-empty and only printable ASCII other than
    /// space, `<`, `>`, `,`, `(`, `)`, `"`, `;` and `\` (the characters that would break an `addr-spec`).
    public func validated() throws(MailError) -> MailAddress {
        let forbidden: Set<Character> = [" ", "<", ">", ",", "(", ")", "\"", ";", "\\", "[", "]", ":"]
        let ok =
            address.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
            && !address.contains(where: forbidden.contains)
        guard ok, let at = address.lastIndex(of: "@"), at != address.startIndex, domain != nil,
            address.firstIndex(of: "@") == at
        else {
            throw MailError(code: .invalidAddress, message: "邮件地址无效:\(address) / invalid email address: \(address)")
        }
        return self
    }

    /// The address list `To:` and `Cc:` carry, one mailbox after another separated by `, `: each as
    /// `display-name <addr>` with the name as RFC 2047 encoded words when it is not plain ASCII, as a quoted string
    /// when it holds specials, or `addr` alone without a name.
    static func tokens(_ mailboxes: [MailAddress]) -> [HeaderToken] {
        var tokens: [HeaderToken] = []
        for (index, mailbox) in mailboxes.enumerated() {
            let separator = index < mailboxes.count - 1 ? "," : ""
            guard let name = mailbox.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
                tokens.append(.atom("<\(mailbox.address)>" + separator))
                continue
            }
            tokens.append(.phrase(name))
            tokens.append(.atom("<\(mailbox.address)>" + separator))
        }
        return tokens
    }
}
