/// One numbered item of a notice, such as 二、春节:2月15日(农历腊月二十八、周日)至23日(…)放假调休,共9天。
/// 2月14日(周六)、2月28日(周六)上班。, and how it becomes a `Holiday`.
///
/// The body is read sentence by sentence (。 or ;). Each date or range waits for the next keyword in its sentence:
/// 放假, 调休, 补休 or 连休 make it a day off, 上班 (and 调休上班) a make-up working day; a date with no keyword
/// after it is refused. 与周末连休 adds the weekend days next to the sentence's days off. 共N天 and 放假N天 must
/// equal the number of days off. Advice (鼓励…, 节假日期间…) and the signature are cut from their sentence, and
/// parentheses that do not follow a date are dropped.
struct NoticeItem {
    /// The item's number: 1 for 一、.
    var number: Int
    /// The holiday's name as the item gives it (normalized), e.g. 中秋节、国庆节.
    var name: String
    /// The text after the colon, up to the next item or the end of the line.
    var body: Range<Int>
    /// The whole item, for quoting.
    var range: Range<Int>

    /// What a keyword makes of the dates before it.
    private enum Kind {
        case off
        case compensatory
        case work
    }

    /// A piece of a sentence: a date or range with its annotations, or one character of prose.
    private enum Piece {
        case dates(NoticeDate, NoticeDate?)
        case prose(Character)
    }

    /// Keywords that classify the dates before them, longest first (调休上班 is a working day).
    private static let keywords: [(text: String, kind: Kind)] = [
        ("调休上班", .work), ("放假", .off), ("调休", .off), ("连休", .off), ("补休", .compensatory), ("上班", .work),
    ]

    /// Where advice (鼓励…, 节假日期间…) or the signature begins; the rest of the sentence is not an arrangement.
    private static let adviceMarkers: [[Character]] = ["鼓励", "节假日期间", "国务院办公厅"].map { Array($0) }

    /// Finds the items of `text`: a number (一、 or 1、) then a name and a colon, at the start of a line or right
    /// after a 。 (for copies that run the items together).
    static func find(in text: NoticeText) -> [NoticeItem] {
        let characters = text.normalized
        var items: [NoticeItem] = []
        for line in text.lines {
            var starts: [Int] = []
            var scanner = NoticeScanner(characters, range: line)
            scanner.skipWhiteSpace()
            starts.append(scanner.index)
            for index in line where characters[index] == "。" {
                var next = NoticeScanner(characters, range: (index + 1)..<line.upperBound)
                next.skipWhiteSpace()
                starts.append(next.index)
            }
            var headers: [(start: Int, number: Int, name: String, bodyStart: Int)] = []
            for start in starts {
                if let header = header(at: start, in: characters, lineEnd: line.upperBound) {
                    headers.append((start, header.number, header.name, header.bodyStart))
                }
            }
            for (position, header) in headers.enumerated() {
                let end = position + 1 < headers.count ? headers[position + 1].start : line.upperBound
                items.append(
                    NoticeItem(
                        number: header.number,
                        name: header.name,
                        body: header.bodyStart..<end,
                        range: header.start..<end
                    )
                )
            }
        }
        return items
    }

    private static func header(
        at start: Int,
        in characters: [Character],
        lineEnd: Int
    ) -> (number: Int, name: String, bodyStart: Int)? {
        var scanner = NoticeScanner(characters, range: start..<lineEnd)
        guard let number = scanner.consumeChineseNumber() ?? scanner.consumeDigits(maxCount: 2) else { return nil }
        scanner.skipWhiteSpace()
        guard scanner.consume("、") else { return nil }
        let nameStart = scanner.index
        while let character = scanner.current, character != ":" {
            if NoticeScanner.digitValue(character) != nil || "(。,;".contains(character) { return nil }
            scanner.advance()
            if scanner.index - nameStart > 30 { return nil }
        }
        guard scanner.current == ":" else { return nil }
        let name = NoticeText.trimmed(characters[nameStart..<scanner.index])
        guard !name.isEmpty else { return nil }
        scanner.advance()
        return (number, name, scanner.index)
    }

    /// The holiday this item arranges.
    ///
    /// - Parameters:
    ///   - text: the notice.
    ///   - year: the notice's year.
    /// - Throws: `HolidayNoticeError` quoting this item when a date is impossible or mis-annotated, a count is wrong,
    ///   a make-up day is not on a weekend, or a date cannot be classified.
    func holiday(in text: NoticeText, year: Int) throws(HolidayNoticeError) -> Holiday {
        let quote = text.quote(range)
        var resolver = NoticeDateResolver(year: year, item: quote)
        var off = Set<CivilDate>()
        var work = Set<CivilDate>()
        var compensatory = Set<CivilDate>()
        var counts: [Int] = []

        for whole in try sentences(in: text, quote: quote) {
            let sentence = Self.withoutAdvice(whole)
            let prose = Self.prose(sentence)
            var pending: [CivilDate] = []
            var pendingWritten = ""
            var sentenceOff: [CivilDate] = []
            var index = 0
            while index < sentence.count {
                defer { index += 1 }
                if case .dates(let start, let end) = sentence[index] {
                    if pending.isEmpty { pendingWritten = start.written + (end.map { "至" + $0.written } ?? "") }
                    pending += try resolver.resolve(start, through: end)
                    continue
                }
                let ahead = Self.prose(sentence[index...].prefix(4).prefix { piece in
                    if case .prose = piece { return true }
                    return false
                })
                guard let keyword = Self.keywords.first(where: { ahead.hasPrefix($0.text) }) else { continue }
                switch keyword.kind {
                case .off:
                    off.formUnion(pending)
                    sentenceOff += pending
                case .compensatory:
                    off.formUnion(pending)
                    sentenceOff += pending
                    compensatory.formUnion(pending)
                case .work:
                    work.formUnion(pending)
                }
                pending = []
                index += keyword.text.count - 1
            }
            guard pending.isEmpty else {
                throw .unclassifiedDate(item: quote, written: pendingWritten)
            }
            if prose.contains("连休"), prose.contains("周末") {
                try Self.addAdjacentWeekends(to: &off, around: sentenceOff.isEmpty ? Array(off) : sentenceOff, quote)
            }
            counts += Self.counts(in: prose)
        }

        guard !off.isEmpty else { throw .noDaysOff(item: quote) }
        for count in counts where count != off.count {
            throw .countMismatch(item: quote, written: count, found: off.count)
        }
        if let day = work.sorted().first(where: { !$0.isWeekend }) {
            throw .workdayNotWeekend(item: quote, date: day)
        }
        if let day = compensatory.sorted().first(where: { $0.isWeekend }) {
            throw .compensatoryOnWeekend(item: quote, date: day)
        }
        if let day = off.intersection(work).min() {
            throw .overlappingDays(item: quote, date: day)
        }
        return Holiday(
            name: name,
            nameEn: HolidayNotice.englishName(for: name),
            off: off.sorted(),
            work: work.sorted()
        )
    }

    /// The prose characters of `pieces`, dates left out.
    private static func prose(_ pieces: some Sequence<Piece>) -> String {
        String(pieces.compactMap { piece -> Character? in
            if case .prose(let character) = piece { return character }
            return nil
        })
    }

    /// `sentence` cut where advice or the signature begins (鼓励各单位…在除夕(2月9日)休息, 国务院办公厅 2025年11月4日).
    private static func withoutAdvice(_ sentence: [Piece]) -> [Piece] {
        var cut = sentence.count
        for marker in adviceMarkers {
            for start in sentence.indices where start < cut {
                let window = sentence[start...].prefix(marker.count)
                if window.count == marker.count, Array(prose(window)) == marker {
                    cut = start
                    break
                }
            }
        }
        return Array(sentence[..<cut])
    }

    /// The body split into sentences of dates, ranges and prose; annotations are attached to their dates and other
    /// parentheses dropped.
    private func sentences(in text: NoticeText, quote: String) throws(HolidayNoticeError) -> [[Piece]] {
        var sentences: [[Piece]] = [[]]
        var scanner = NoticeScanner(text.normalized, range: body)
        var afterDate = false
        var rangeOpen = false
        var seenDate = false

        func openRangeError() -> HolidayNoticeError {
            if case .dates(let start, _)? = sentences[sentences.count - 1].last {
                return .badRange(item: quote, written: start.written + "至")
            }
            return .badRange(item: quote, written: "至")
        }

        while let character = scanner.current {
            let last = sentences[sentences.count - 1].last
            if character == "(" {
                let content = Self.parenthesis(&scanner)
                if afterDate, case .dates(var start, var end)? = last {
                    if end != nil {
                        end!.annotation = [end!.annotation, content].compactMap { $0 }.joined(separator: "、")
                    } else {
                        start.annotation = [start.annotation, content].compactMap { $0 }.joined(separator: "、")
                    }
                    sentences[sentences.count - 1][sentences[sentences.count - 1].count - 1] = .dates(start, end)
                }
                continue
            }
            if character == "。" || character == ";" {
                if rangeOpen { throw openRangeError() }
                sentences.append([])
                afterDate = false
                scanner.advance()
                continue
            }
            if afterDate, !rangeOpen, NoticeText.rangeMarks.contains(character), case .dates(_, nil)? = last {
                rangeOpen = true
                while let mark = scanner.current, NoticeText.rangeMarks.contains(mark) { scanner.advance() }
                continue
            }
            if NoticeScanner.digitValue(character) != nil,
                let date = NoticeDate.scan(&scanner, allowBareDay: seenDate)
            {
                seenDate = true
                if rangeOpen, case .dates(let start, nil)? = last {
                    sentences[sentences.count - 1][sentences[sentences.count - 1].count - 1] = .dates(start, date)
                    rangeOpen = false
                } else {
                    sentences[sentences.count - 1].append(.dates(date, nil))
                }
                afterDate = true
                continue
            }
            if !character.isWhitespace {
                if rangeOpen { throw openRangeError() }
                afterDate = false
            }
            sentences[sentences.count - 1].append(.prose(character))
            scanner.advance()
        }
        if rangeOpen { throw openRangeError() }
        return sentences.filter { !$0.isEmpty }
    }

    /// Consumes a parenthesis (nested ones included) and returns its content; an unclosed one runs to the end.
    private static func parenthesis(_ scanner: inout NoticeScanner) -> String {
        var depth = 0
        var content = ""
        while let character = scanner.current {
            scanner.advance()
            if character == "(" {
                depth += 1
                if depth == 1 { continue }
            } else if character == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            content.append(character)
        }
        return NoticeText.trimmed(content)
    }

    /// Adds the weekend days next to `days` (与周末连休); refuses when no weekend day is next to any of them.
    private static func addAdjacentWeekends(
        to off: inout Set<CivilDate>,
        around days: [CivilDate],
        _ quote: String
    ) throws(HolidayNoticeError) {
        var found = false
        for day in days {
            for step in [1, -1] {
                var next = day.adding(days: step)
                while next.isWeekend {
                    off.insert(next)
                    found = true
                    next = next.adding(days: step)
                }
            }
        }
        guard found else { throw .noAdjacentWeekend(item: quote) }
    }

    /// The day counts a sentence states: 共N天, 共计N天, 放假N天 (N in digits or Chinese).
    private static func counts(in prose: String) -> [Int] {
        let characters = Array(prose)
        var scanner = NoticeScanner(characters, range: 0..<characters.count)
        var counts: [Int] = []
        while !scanner.isAtEnd {
            guard scanner.consume("共") || scanner.consume("放假") else {
                scanner.advance()
                continue
            }
            _ = scanner.consume("计")
            scanner.skipWhiteSpace()
            let count = scanner.attempt { s -> Int? in
                guard let value = s.consumeDigits(maxCount: 3) ?? s.consumeChineseNumber() else { return nil }
                s.skipWhiteSpace()
                return s.consume("天") ? value : nil
            }
            if let count { counts.append(count) }
        }
        return counts
    }
}
