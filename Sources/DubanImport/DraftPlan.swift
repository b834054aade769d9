public import DubanCalendar
public import DubanCore
import Foundation

/// A plan file drafted from a published action-plan document: every schedulable item found, each with its source
/// line and a short quote, plus the sentences with a time expression the importer could not map.
///
/// A draft is not a valid plan yet: assignees, vague dates and unstated periods are left for an admin to fill.
/// `DraftPlanWriter` renders it as plan-file YAML with `待填写` placeholders and `# 待填写 / TODO` comments.
public struct DraftPlan: Hashable, Sendable {
    /// The plan id the file will carry (`[a-z0-9-]`).
    public var id: String
    /// The plan title: the document's title line when one was found, else the document name.
    public var title: String
    /// True when `title` was guessed from the document name rather than read from a title line.
    public var titleGuessed: Bool
    /// The issuing body, when the document names one (发布机构, 印发单位).
    public var issuer: String?
    /// The document number (临州教发〔2021〕81号), when found.
    public var documentNumber: String?
    /// The publication date, when found.
    public var published: CivilDate?
    /// The document's file name, kept as the plan's `source`.
    public var sourceName: String
    /// The plan period: the span most of the document's 到X年 / X—Y年 expressions point at.
    public var horizon: DateSpan?
    /// How the horizon was found, for the comment above it.
    public var horizonNote: String?
    /// The items, in document order.
    public var items: [DraftItem]
    /// Sentences that hold a time-like expression no item was made from.
    public var unmapped: [UnmappedSentence]

    public init(
        id: String, title: String, titleGuessed: Bool = false, issuer: String? = nil, documentNumber: String? = nil,
        published: CivilDate? = nil, sourceName: String, horizon: DateSpan? = nil, horizonNote: String? = nil,
        items: [DraftItem] = [], unmapped: [UnmappedSentence] = []
    ) {
        self.id = id
        self.title = title
        self.titleGuessed = titleGuessed
        self.issuer = issuer
        self.documentNumber = documentNumber
        self.published = published
        self.sourceName = sourceName
        self.horizon = horizon
        self.horizonNote = horizonNote
        self.items = items
        self.unmapped = unmapped
    }

    /// How many items of each kind the draft holds.
    public var countsByKind: [TaskKind: Int] {
        items.reduce(into: [:]) { counts, item in counts[item.kind, default: 0] += 1 }
    }
}

/// One schedulable item found in the document: a future task of the plan.
public struct DraftItem: Hashable, Sendable {
    /// Task id, unique in the draft (`l279-deadline`, `l95-target-2`).
    public var id: String
    public var kind: TaskKind
    /// A short Chinese title made from the source clause.
    public var title: String
    /// 1-based line of the document the item comes from.
    public var line: Int
    /// A verbatim piece of that line (at most 60 characters).
    public var quote: String
    /// The time expression as written (`2024年9月底`, `到2025年`, `每年`), if the text states one.
    public var dueText: String?
    /// What `dueText` means, or the implied horizon end.
    public var due: CivilDate?
    /// The first day of a range (`2024—2026年`), a 十四五 period or a start date (自2019年3月1日起).
    public var windowStart: CivilDate?
    /// True when `due` was not written in the item's sentence but implied by its paragraph or the plan horizon.
    public var dueImplied: Bool
    /// For recurring items.
    public var recurrence: Recurrence?
    /// For a once-a-year duty at a fixed point: 年初, 年中, 年底.
    public var recurrenceAt: String?
    public var quota: QuotaSpec?
    public var target: TargetSpec?
    /// For procedural items.
    public var limit: ProceduralLimit?
    /// The event that starts a procedural clock (收到申请).
    public var trigger: String?
    /// Further evidence merged into this item (an extension sentence for a procedural limit).
    public var alsoCovers: [SourceSpan]
    /// Owners as the text names them (各县市教育局, 州教育局).
    public var owners: [String]
    /// Owners mapped to org ids, when an org directory was given and every owner was found in it.
    public var assignees: [String]
    /// What an admin must fill or confirm, one line each ("未写明周期").
    public var flags: [String]

    public init(
        id: String = "", kind: TaskKind, title: String, line: Int, quote: String, dueText: String? = nil,
        due: CivilDate? = nil, windowStart: CivilDate? = nil, dueImplied: Bool = false, recurrence: Recurrence? = nil,
        recurrenceAt: String? = nil, quota: QuotaSpec? = nil, target: TargetSpec? = nil, limit: ProceduralLimit? = nil,
        trigger: String? = nil, alsoCovers: [SourceSpan] = [], owners: [String] = [], assignees: [String] = [],
        flags: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.line = line
        self.quote = quote
        self.dueText = dueText
        self.due = due
        self.windowStart = windowStart
        self.dueImplied = dueImplied
        self.recurrence = recurrence
        self.recurrenceAt = recurrenceAt
        self.quota = quota
        self.target = target
        self.limit = limit
        self.trigger = trigger
        self.alsoCovers = alsoCovers
        self.owners = owners
        self.assignees = assignees
        self.flags = flags
    }
}

/// A line and a verbatim piece of it.
public struct SourceSpan: Hashable, Sendable, Codable {
    public var line: Int
    public var quote: String

    public init(line: Int, quote: String) {
        self.line = line
        self.quote = quote
    }
}

/// A sentence with a time-like expression that no item was made from.
public struct UnmappedSentence: Hashable, Sendable, Codable {
    public var line: Int
    /// The sentence (at most 80 characters).
    public var text: String
    /// The time-like words found in it.
    public var expressions: [String]

    public init(line: Int, text: String, expressions: [String]) {
        self.line = line
        self.text = text
        self.expressions = expressions
    }
}
