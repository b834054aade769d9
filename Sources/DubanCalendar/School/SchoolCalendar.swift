/// A county's (or any org unit's) school year: its terms with exam weeks; the breaks are the gaps between terms.
///
/// It applies to its org unit and every unit below it, unless a nearer unit has a calendar of its own.
public struct SchoolCalendar: Hashable, Sendable {
    /// The org unit it belongs to.
    public var org: String
    public var name: String?
    public var source: String?
    /// Terms in date order.
    public var terms: [SchoolTerm]
    /// When true, reminders that would fall in a break move to the last working day before it.
    public var quietDuringBreaks: Bool

    public init(org: String, name: String? = nil, source: String? = nil, terms: [SchoolTerm], quietDuringBreaks: Bool = true) {
        self.org = org
        self.name = name
        self.source = source
        self.terms = terms.sorted { $0.start < $1.start }
        self.quietDuringBreaks = quietDuringBreaks
    }

    /// The term `reference` names, if this calendar has it.
    public func term(_ reference: TermReference) -> SchoolTerm? {
        terms.first { $0.reference == reference }
    }

    /// The term's dates: this calendar's when it has the term, the conventions' otherwise.
    public func span(of reference: TermReference, conventions: TimeConventions) -> ClosedRange<CivilDate> {
        term(reference).map { $0.start...$0.end } ?? reference.defaultSpan(conventions)
    }

    /// The breaks between consecutive terms.
    public var breaks: [SchoolBreak] {
        zip(terms, terms.dropFirst()).compactMap { earlier, later in
            let start = earlier.end.adding(days: 1)
            let end = later.start.adding(days: -1)
            guard start <= end else { return nil }
            let name =
                earlier.season == .autumn
                ? LocalizedText(zh: "寒假", en: "winter break") : LocalizedText(zh: "暑假", en: "summer break")
            return SchoolBreak(name: name, start: start, end: end)
        }
    }

    /// The break `date` falls in, if any.
    public func schoolBreak(containing date: CivilDate) -> SchoolBreak? {
        breaks.first { $0.start <= date && date <= $0.end }
    }
}
