import DubanCalendar
import DubanCore
import Foundation

/// One import: the lines, the state of the walk through them, and what was found so far.
struct ImportRun {
    let options: ImportOptions
    let lines: [SourceLine]
    var items: [DraftItem] = []
    var unmapped: [UnmappedSentence] = []
    var horizon: DateSpan?
    var horizonNote: String?
    /// While inside a retrospective section: the heading level that ends it.
    var skipUntilLevel: Int?
    /// The table being read, if any.
    var table: TableState?
    /// Index into `items` where the current task block (numbered task or heading) starts, for 责任单位 lines.
    var blockStart = 0
    /// Owners from a label on the line being read (任务…。责任单位:县教育局。), for the line's items.
    var pendingOwners: [String]?
    /// Indices of items whose owners came from a 责任单位 label (a later label does not override them).
    var labelledOwners: Set<Int> = []
    /// A goal date (到2020年,…) carried from a paragraph into the numbered sub-goals right after it
    /// ((一)城区中小学校建设任务全部完成…), while they state no date of their own.
    var carriedDate: DatePhrase?
    /// A phase heading's period (第一阶段(2024年1月—2024年6月)) and the heading level it ends at: the date
    /// undated goals in the phase fall due on.
    var phaseDate: (phrase: DatePhrase, level: Int)?

    init(options: ImportOptions, text: String) {
        self.options = options
        let raw = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        self.lines = raw.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            SourceLine(number: $0.offset + 1, text: String($0.element))
        }
    }

    var conventions: TimeConventions { options.conventions }

    mutating func run() -> DraftPlan {
        estimateHorizon()
        for line in lines {
            process(line)
        }
        assignIDs()
        var plan = DraftPlan(
            id: options.planID ?? Self.planID(from: options.documentName), title: options.documentName,
            titleGuessed: true, sourceName: options.documentName, horizon: horizon, horizonNote: horizonNote,
            items: items, unmapped: unmapped)
        readMetadata(into: &plan)
        return plan
    }

    // MARK: - Lines

    mutating func process(_ line: SourceLine) {
        let text = line.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return }
        let isTableLine = text.filter({ $0 == "|" }).count >= 2
        if skipUntilLevel != nil, isTableLine || text.hasPrefix("表") { return }
        if let caption = TableState.caption(text, conventions: conventions) {
            table = caption
            return
        }
        if isTableLine {
            // A table without a caption is read when its header names a deadline column (任务 | 责任单位 | 完成时限).
            if table == nil {
                var state = TableState.uncaptioned(line: line.number)
                state.header = TableState.cells(text)
                if state.deadlineColumn != nil {
                    state.readHeader(TableState.cells(text))
                    table = state
                }
                return
            }
            readTableRow(line)
            return
        }
        table = nil
        let heading = Heading.parse(text)
        // Only numbered sub-items with a body keep a carried date; anything else ends it.
        let headingOnly = heading.map { $0.standalone && !text.hasSuffix("。") } ?? false
        if heading == nil || headingOnly || CompletionLabel.find(in: text) != nil { carriedDate = nil }
        if let heading {
            if let level = skipUntilLevel, heading.level <= level { skipUntilLevel = nil }
            if let phase = phaseDate, heading.level <= phase.level { phaseDate = nil }
            if heading.level <= 2,
                let phrase = DatePhrase.find(in: text, conventions: conventions).first(where: {
                    $0.role == .deadline && $0.interpretation?.windowStart != nil && $0.interpretation?.due != nil
                })
            {
                phaseDate = (phrase, heading.level)
            }
            if heading.isRetrospective, heading.standalone {
                skipUntilLevel = heading.level
                return
            }
            blockStart = items.count
        }
        if skipUntilLevel != nil { return }
        pendingOwners = nil
        if let owners = OwnerFinder.labelled(text) {
            if OwnerFinder.labels.contains(where: { text.hasPrefix($0) }) {
                applyLabelledOwners(owners)
                return
            }
            pendingOwners = owners
        }
        defer { pendingOwners = nil }
        if let label = CompletionLabel.find(in: text) {
            readTaskWithDeadline(line, label: label)
            return
        }
        // The paragraph's date: the first sentence-opening deadline (到2024年底,…) governs the undated sentences of
        // the line, before it as well as after it.
        let sentences = Sentence.split(line)
        var lineDate: DatePhrase?
        for sentence in sentences where lineDate == nil {
            lineDate = DatePhrase.find(in: sentence.text, conventions: conventions).first {
                $0.role == .deadline && $0.opensSentence && $0.interpretation?.due != nil && !$0.text.contains("十四五")
            }
        }
        if lineDate == nil {
            lineDate = carriedDate ?? phaseDate?.phrase
        } else if heading == nil {
            carriedDate = lineDate
        }
        var breakdown = false
        for sentence in sentences {
            readSentence(sentence, in: line, lineDate: &lineDate, breakdown: &breakdown)
        }
    }

    /// Gives labelled owners (责任单位:…) to the items of the current block that have none from a label.
    mutating func applyLabelledOwners(_ owners: [String]) {
        let assignees = OwnerFinder.map(owners, in: options.directory)
        let start = min(blockStart, items.count)
        for index in start..<items.count where !labelledOwners.contains(index) {
            items[index].owners = owners
            items[index].assignees = assignees
            labelledOwners.insert(index)
        }
    }

    // MARK: - Helpers shared by the readers

    /// Adds `item`, filling owners from a pending label or the clause subject.
    mutating func add(_ item: DraftItem, subject: [String] = []) {
        var item = item
        var fromLabel = false
        if item.owners.isEmpty {
            if let pending = pendingOwners {
                item.owners = pending
                fromLabel = true
            } else {
                item.owners = subject
            }
        }
        if item.assignees.isEmpty { item.assignees = OwnerFinder.map(item.owners, in: options.directory) }
        // The same thing found twice on one line (a list item and its summary) is kept once.
        if items.contains(where: { $0.line == item.line && $0.kind == item.kind && $0.quote == item.quote
            && $0.target == item.target && $0.quota == item.quota && $0.recurrenceAt == item.recurrenceAt
            && $0.limit == item.limit })
        {
            return
        }
        if fromLabel { labelledOwners.insert(items.count) }
        items.append(item)
    }

    /// The due date an undated target or count inherits: the line's date, else the horizon's end.
    func impliedDue(_ lineDate: DatePhrase?) -> (CivilDate?, String?, CivilDate?) {
        if let reading = lineDate?.interpretation, let due = reading.due {
            return (due, lineDate?.text, reading.windowStart)
        }
        return (horizon?.end, nil, nil)
    }

    /// Assigns ids `l<line>-<kind>` with a counter for repeats.
    mutating func assignIDs() {
        var used: [String: Int] = [:]
        for index in items.indices {
            let base = "l\(items[index].line)-\(items[index].kind.rawValue)"
            let count = used[base, default: 0] + 1
            used[base] = count
            items[index].id = count == 1 ? base : "\(base)-\(count)"
        }
        // Give the first of a repeated base a suffix too, so ids read l95-target-1, l95-target-2.
        for (base, count) in used where count > 1 {
            if let index = items.firstIndex(where: { $0.id == base }) { items[index].id = base + "-1" }
        }
    }

    /// A plan id from a file name: lower-case ASCII letters, digits and dashes.
    static func planID(from name: String) -> String {
        var base = name
        if let dot = base.lastIndex(of: "."), base[dot...].count <= 5 { base = String(base[..<dot]) }
        if let slash = base.lastIndex(of: "/") { base = String(base[base.index(after: slash)...]) }
        var id = ""
        for scalar in base.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                id.unicodeScalars.append(scalar)
            } else if !id.hasSuffix("-") {
                id.append("-")
            }
        }
        id = id.trimmingCharacters(in: CharacterSetLite(characters: ["-"]))
        return id.isEmpty ? "imported-plan" : id
    }
}
