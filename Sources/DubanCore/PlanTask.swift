public import DubanCalendar

/// The six kinds of time-bound work a plan holds.
public enum TaskKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// One-off: 完成时限:2022年8月底.
    case deadline
    /// Repeated every period: 每年不少于2次监督检查.
    case recurring
    /// A count per period: 州级年培训校长300名.
    case quota
    /// An indicator by a date: 到2025年毛入园率达到98%.
    case target
    /// A limit counted from an event: 15个工作日内予以答复.
    case procedural
    /// 长期坚持: no end, reviewed periodically.
    case ongoing

    /// The Chinese name shown to officials.
    public var chinese: String {
        switch self {
        case .deadline: return "限时任务"
        case .recurring: return "周期任务"
        case .quota: return "数量指标"
        case .target: return "目标指标"
        case .procedural: return "程序时限"
        case .ongoing: return "长期坚持"
        }
    }
}

/// Where a task comes from in the published document.
public struct SourceRef: Hashable, Sendable, Codable {
    public var document: String?
    public var line: Int?
    public var quote: String?

    public init(document: String? = nil, line: Int? = nil, quote: String? = nil) {
        self.document = document
        self.line = line
        self.quote = quote
    }
}

/// A due date as written and as understood: `text` is what the admin wrote (an ISO date or a Chinese expression).
public struct DueSpec: Hashable, Sendable, Codable {
    public var text: String
    public var interpretation: TimeInterpretation

    public init(text: String, interpretation: TimeInterpretation) {
        self.text = text
        self.interpretation = interpretation
    }
}

/// An inclusive span of days.
public struct DateSpan: Hashable, Sendable, Codable {
    public var start: CivilDate
    public var end: CivilDate

    public init(start: CivilDate, end: CivilDate) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: CivilDate) -> Bool {
        start <= date && date <= end
    }
}

/// What a quota counts per period.
public struct QuotaSpec: Hashable, Sendable, Codable {
    /// Whether the count is per year, per semester, or for the whole cycle.
    public enum Per: String, Hashable, Sendable, Codable, CaseIterable {
        case year, semester, cycle
    }

    public var count: Double
    public var unit: String
    public var subject: String?
    public var per: Per
    public var cycle: QuotaCycle?
    public var atLeast: Bool

    public init(
        count: Double, unit: String, subject: String? = nil, per: Per = .year, cycle: QuotaCycle? = nil,
        atLeast: Bool = false
    ) {
        self.count = count
        self.unit = unit
        self.subject = subject
        self.per = per
        self.cycle = cycle
        self.atLeast = atLeast
    }
}

/// An indicator to reach.
public struct TargetSpec: Hashable, Sendable, Codable {
    public enum Comparator: String, Hashable, Sendable, Codable, CaseIterable {
        case atLeast = ">="
        case atMost = "<="
        case equal = "="
        case greater = ">"
        case less = "<"
    }

    public var metric: String
    public var value: Double?
    public var valueMax: Double?
    public var unit: String?
    public var comparator: Comparator
    public var qualifier: String?

    public init(
        metric: String, value: Double?, valueMax: Double? = nil, unit: String? = nil, comparator: Comparator = .atLeast,
        qualifier: String? = nil
    ) {
        self.metric = metric
        self.value = value
        self.valueMax = valueMax
        self.unit = unit
        self.comparator = comparator
        self.qualifier = qualifier
    }

    /// True when `reading` meets the target.
    public func isMet(by reading: Double) -> Bool {
        guard let value else { return false }
        switch comparator {
        case .atLeast: return reading >= value
        case .atMost: return reading <= value
        case .equal: return valueMax.map { reading >= value && reading <= $0 } ?? (reading == value)
        case .greater: return reading > value
        case .less: return reading < value
        }
    }
}

/// A limit counted from an event.
public struct ProceduralSpec: Hashable, Sendable, Codable {
    public var limit: ProceduralLimit
    /// The event that starts the clock, e.g. 收到申请.
    public var trigger: String?

    public init(limit: ProceduralLimit, trigger: String? = nil) {
        self.limit = limit
        self.trigger = trigger
    }
}

/// 紧急程度: how urgent a task is. Urgent items may start higher on the escalation ladder and weigh more in
/// scores (docs/supervision.md).
public enum TaskUrgency: String, Hashable, Sendable, Codable, CaseIterable {
    /// 一般 (the default).
    case normal
    /// 急办.
    case urgent
    /// 特急.
    case extraUrgent = "extra_urgent"

    public var zh: String {
        switch self {
        case .normal: "一般"
        case .urgent: "急办"
        case .extraUrgent: "特急"
        }
    }

    /// From a plan file: the Chinese word or the English name.
    public init?(text: String) {
        if let value = TaskUrgency(rawValue: text) {
            self = value
        } else if let value = TaskUrgency.allCases.first(where: { $0.zh == text }) {
            self = value
        } else {
            return nil
        }
    }
}

/// One task of a plan, as the admin wrote it (validated).
public struct PlanTask: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var kind: TaskKind
    /// Unit or group ids as written.
    public var assignees: [String]
    public var due: DueSpec?
    /// The span the work may happen in; nil means "derived" (see `Schedule`).
    public var window: DateSpan?
    /// Lead times in working days, largest first.
    public var reminders: [Int]
    public var roll: RollRule
    /// Task ids: `task` in the same plan or `plan/task`.
    public var dependsOn: [String]
    public var tags: [String]
    public var source: SourceRef?
    public var note: String?
    public var recurrence: Recurrence?
    /// For a once-a-year duty: the day in each year it falls due (年初 → 03-31); nil means the year's end.
    public var recurrenceAt: MonthDay?
    public var quota: QuotaSpec?
    public var target: TargetSpec?
    public var procedural: ProceduralSpec?
    /// 来源: where the work comes from (领导批示, 会议议定 …; one of ``SiteSettings/origins``).
    public var origin: String?
    /// 紧急程度; nil is 一般.
    public var urgency: TaskUrgency?
    /// 牵头单位: the one unit that leads and closes it (then ``assignees`` is that unit alone).
    public var lead: String?
    /// 协办单位: units that work with the lead, get its reminders and report progress; the lead closes.
    public var coUnits: [String] = []
    /// 责任人: a contact of the lead unit.
    public var responsible: String?
    /// 进展反馈: how often the lead and co-units report progress; nil: no cadence.
    public var feedback: FeedbackCadence?

    public init(
        id: String, title: String, kind: TaskKind, assignees: [String], due: DueSpec? = nil, window: DateSpan? = nil,
        reminders: [Int] = [10, 3], roll: RollRule = .next, dependsOn: [String] = [], tags: [String] = [],
        source: SourceRef? = nil, note: String? = nil, recurrence: Recurrence? = nil, quota: QuotaSpec? = nil,
        target: TargetSpec? = nil, procedural: ProceduralSpec? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.assignees = assignees
        self.due = due
        self.window = window
        self.reminders = reminders
        self.roll = roll
        self.dependsOn = dependsOn
        self.tags = tags
        self.source = source
        self.note = note
        self.recurrence = recurrence
        self.quota = quota
        self.target = target
        self.procedural = procedural
    }
}

/// One plan file: metadata and tasks.
public struct Plan: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var issuer: String?
    public var document: String?
    public var published: CivilDate?
    public var source: String?
    /// The plan period (e.g. 2022—2025年), the default window of recurring, quota and ongoing tasks.
    public var horizon: DateSpan?
    public var tasks: [PlanTask]
    /// The file it was read from (for messages).
    public var file: String?

    public init(
        id: String, title: String, issuer: String? = nil, document: String? = nil, published: CivilDate? = nil,
        source: String? = nil, horizon: DateSpan? = nil, tasks: [PlanTask], file: String? = nil
    ) {
        self.id = id
        self.title = title
        self.issuer = issuer
        self.document = document
        self.published = published
        self.source = source
        self.horizon = horizon
        self.tasks = tasks
        self.file = file
    }
}
