public import DubanCalendar
public import DubanCore

/// A 督办单's document number (文号): prefix, year and sequence, written `临教督〔2026〕12号`. Sequences run per
/// prefix per year from 1; the daemon keeps the last one issued (``next(after:prefix:issuedOn:)``).
public struct SupervisionNoticeNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `临教督`, `督` (``EscalationRules/noticePrefix``).
    public var prefix: String
    public var year: Int
    /// From 1 within the prefix and year.
    public var sequence: Int

    public init(prefix: String, year: Int, sequence: Int) {
        self.prefix = prefix
        self.year = year
        self.sequence = sequence
    }

    /// `临教督〔2026〕12号`.
    public var description: String { "\(prefix)〔\(year)〕\(sequence)号" }

    /// Parses `临教督〔2026〕12号`; nil for anything else (no prefix, a year outside 1900–2199, sequence < 1).
    public init?(text: String) {
        guard text.hasSuffix("号"), let open = text.firstIndex(of: "〔"), let close = text.firstIndex(of: "〕"),
            open < close, open > text.startIndex
        else { return nil }
        let yearText = text[text.index(after: open)..<close]
        let sequenceText = text[text.index(after: close)..<text.index(before: text.endIndex)]
        guard yearText.count == 4, (1...6).contains(sequenceText.count),
            yearText.allSatisfy(\.isASCIIDigit), sequenceText.allSatisfy(\.isASCIIDigit),
            let year = Int(yearText), (1900...2199).contains(year), let sequence = Int(sequenceText), sequence >= 1
        else { return nil }
        self.init(prefix: String(text[..<open]), year: year, sequence: sequence)
    }

    /// The number for a notice issued on `day`, after `last` (the last one issued): the next sequence when
    /// `last` has the same prefix and year, 1 otherwise.
    public static func next(after last: SupervisionNoticeNumber?, prefix: String, issuedOn day: CivilDate)
        -> SupervisionNoticeNumber
    {
        let year = day.year
        guard let last, last.prefix == prefix, last.year == year else {
            return SupervisionNoticeNumber(prefix: prefix, year: year, sequence: 1)
        }
        return SupervisionNoticeNumber(prefix: prefix, year: year, sequence: last.sequence + 1)
    }

    /// Numbers for the 督办单 among `events`, in issue order (by day, then key), continuing from `last`.
    /// Other events get none.
    public static func numbering(
        _ events: [EscalationEvent], prefix: String, after last: SupervisionNoticeNumber?
    ) -> [(event: EscalationEvent, number: SupervisionNoticeNumber)] {
        var last = last
        return events.filter { $0.level == .notice }
            .sorted { ($0.day, $0.key) < ($1.day, $1.key) }
            .map { event in
                let number = next(after: last, prefix: prefix, issuedOn: event.day)
                last = number
                return (event, number)
            }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
