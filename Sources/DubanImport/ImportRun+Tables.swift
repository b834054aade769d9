import DubanCalendar
import DubanCore
import Foundation

extension ImportRun {
    /// One row of an indicator or project table under a dated caption.
    mutating func readTableRow(_ line: SourceLine) {
        guard var state = table else { return }
        let cells = TableState.cells(line.text)
        if state.header == nil {
            state.readHeader(cells)
            table = state
            return
        }
        let quote = line.quote(0..<line.original.count)
        if state.kind == .tasks {
            readTaskRow(cells, state: state, line: line, quote: quote)
            return
        }
        guard let date = state.date, let due = date.due else { return }
        switch state.kind {
        case .other, .tasks:
            return
        case .projects:
            guard let name = cells.first(where: { $0.contains(where: \.isHan) }) else { return }
            let title = Self.stripNumber(name)
            add(
                DraftItem(
                    kind: .deadline, title: Self.shortTitle(title), line: line.number, quote: quote, dueText: state.dateText,
                    due: due, windowStart: date.windowStart, dueImplied: true,
                    flags: ["表格行:期限取自表题“\(state.caption)” / due from the table caption"]))
        case .indicators:
            guard let metricCell = cells.first(where: { $0.contains(where: \.isHan) }) else { return }
            var value: Double?
            var metric = Self.stripNumber(metricCell)
            // 其中本科及以上占60: the value sits in the metric cell.
            if let at = metric.offset(of: "占"), let number = Double(metric.slice(at + 1..<metric.count)) {
                value = number
                metric = metric.slice(0..<at)
            } else if let header = state.header {
                let targetColumns = header.indices.filter { header[$0].contains("目标") || header[$0].contains("指标值") }
                for column in targetColumns.reversed() where column < cells.count {
                    if let number = Self.leadingNumber(cells[column]) {
                        value = number
                        break
                    }
                }
                if value == nil {
                    value = cells.reversed().compactMap(Self.leadingNumber).first
                }
            }
            guard let value else { return }
            var unit: String?
            for (written, name) in [("(%)", "%"), ("(人)", "人"), ("(亿元)", "亿元"), ("(万元)", "万元"), ("(所)", "所"), ("(个)", "个")] {
                if metric.contains(written) {
                    unit = name
                    metric = metric.replacingOccurrences(of: written, with: "")
                }
            }
            if unit == nil, let header = state.header, header.joined().contains("%") || header.joined().contains("占比") {
                unit = "%"
            }
            metric = metric.trimmingCharacters(in: .separators)
            let target = TargetSpec(metric: metric, value: value, unit: unit, comparator: .atLeast)
            add(
                DraftItem(
                    kind: .target, title: Self.shortTitle("\(metric)达到\(Self.format(value))\(unit ?? "")"),
                    line: line.number, quote: quote, dueText: state.dateText, due: due, dueImplied: true, target: target,
                    flags: ["表格行:期限取自表题“\(state.caption)” / due from the table caption"]))
        }
    }

    /// A row of a task table: the task, its owners and its deadline, each from its column.
    mutating func readTaskRow(_ cells: [String], state: TableState, line: SourceLine, quote: String) {
        guard let deadlineColumn = state.deadlineColumn, deadlineColumn < cells.count else { return }
        let taskColumn = state.taskColumn ?? cells.indices.first { index in
            index != deadlineColumn && index != state.ownerColumn && cells[index].count > 4 && cells[index].contains(where: \.isHan)
        }
        guard let taskColumn, taskColumn < cells.count, !cells[taskColumn].isEmpty else { return }
        let task = Self.stripNumber(cells[taskColumn])
        let written = cells[deadlineColumn].trimmingCharacters(in: .separators)
        let owners = state.ownerColumn.flatMap { $0 < cells.count ? OwnerFinder.split(cells[$0]) : nil } ?? []
        let reading = try? TimeExpression.interpret(written, conventions: conventions)
        var item = DraftItem(
            kind: .deadline, title: Self.shortTitle(task), line: line.number, quote: quote, dueText: written,
            due: reading?.due, windowStart: reading?.windowStart, owners: owners)
        if reading?.ongoing == true {
            item.kind = .ongoing
        } else if let recurrence = reading?.recurrence {
            item.kind = .recurring
            item.recurrence = recurrence
        } else if reading?.due == nil {
            item.flags.append("完成时限“\(written)”无法识别,请填写日期 / cannot read the deadline; fill in a date")
            unmapped.append(UnmappedSentence(line: line.number, text: Self.cut(quote, 80), expressions: [written]))
        }
        add(item)
    }

    /// The number a table cell starts with (95以上 → 95); nil for 无 or text.
    static func leadingNumber(_ cell: String) -> Double? {
        let digits = cell.prefix { $0.isASCIIDigit || $0 == "." }
        guard !digits.isEmpty, cell.count - digits.count <= 3 else { return nil }
        return Double(digits)
    }

    /// Drops a leading 1、 / 1. / (1) numbering.
    static func stripNumber(_ text: String) -> String {
        var chars = Substring(text)
        while let first = chars.first, first.isASCIIDigit || Heading.numerals.contains(first) { chars = chars.dropFirst() }
        while let first = chars.first, "、.. ".contains(first) { chars = chars.dropFirst() }
        let result = String(chars)
        return result.isEmpty ? text : result
    }

    /// A number without a trailing .0.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A title of at most 30 characters.
    static func shortTitle(_ text: String) -> String {
        var title = text.replacingOccurrences(of: "()", with: "").trimmingCharacters(in: .separators)
        if let heading = Heading.parse(title), let at = title.offset(of: heading.title), at > 0, at <= 5 {
            title = title.slice(at..<title.count).trimmingCharacters(in: .separators)
        }
        for lead in ["工作任务:", "要", "并"] where title.hasPrefix(lead) && title.count > lead.count + 2 {
            title = String(title.dropFirst(lead.count))
        }
        if title.count > 30 { title = String(title.prefix(30)) + "…" }
        return title
    }
}
