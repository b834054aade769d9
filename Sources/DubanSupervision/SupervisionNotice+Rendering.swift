public import DubanCalendar

extension SupervisionNoticeDocument {
    /// The title and the labelled fields, in the order a 督办单 prints them (optional ones only when given).
    func fields(_ language: Language) -> (title: String, rows: [(label: String, value: String)]) {
        func label(_ zh: String, _ en: String) -> String { language == .en ? en : zh }
        func date(_ day: CivilDate) -> String { day.shortText(language, withYear: true) }
        let heading =
            language == .en
            ? "Supervision notice" + (round > 1 ? " (round \(round))" : "")
            : "督办单" + (round > 1 ? "（第\(round)次）" : "")
        var rows: [(String, String)] = [
            (label("编号", "Number"), number.description),
            (label("督办事项", "Item"), title),
            (label("所属计划", "Plan"), plan),
            (label("牵头单位", "Lead unit"), unitName),
        ]
        if let leaderInCharge { rows.append((label("分管领导", "Leader in charge"), leaderInCharge)) }
        if let copyTo { rows.append((label("抄送", "Copy to"), copyTo)) }
        rows += [
            (label("办结时限", "Due date in force"), date(deadline)),
            (label("逾期情况", "Overdue"), overdueText(language)),
            (label("督办要求", "Required"), requirement.text(language)),
            (label("反馈时限", "Reply by"), date(replyBy)),
            (label("签发日期", "Issued"), date(issuedOn)),
        ]
        return (heading, rows)
    }

    /// Plain text: the title, then one `label：value` line per field.
    public func text(_ language: Language = .zhHans) -> String {
        let (title, rows) = fields(language)
        let separator = language == .en ? ": " : "："
        return ([title, ""] + rows.map { $0.label + separator + $0.value }).joined(separator: "\n") + "\n"
    }

    /// Markdown (CommonMark, and the WeCom/DingTalk subsets): a heading, then one bold label per line; every
    /// value escaped and kept on one line.
    public func markdown(_ language: Language = .zhHans) -> String {
        let (title, rows) = fields(language)
        let separator = language == .en ? ": " : "："
        let lines = rows.map { "**\($0.label)**\(separator)\(MarkdownText.escape($0.value))" }
        return (["## " + MarkdownText.escape(title), ""] + lines.flatMap { [$0, ""] }).joined(separator: "\n")
    }

    /// A complete printable page: A4, print styles, no scripts; every value escaped.
    public func html(_ language: Language = .zhHans) -> String {
        let (title, rows) = fields(language)
        let e = HTMLText.escape
        let table = rows.map { "<tr><th scope=\"row\">\(e($0.label))</th><td>\(e($0.value))</td></tr>" }
            .joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title)) \(e(number.description))</title>
            <style>
            @page { size: A4; margin: 20mm 18mm; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #e8e8e8; color: #000; font-size: 12pt; line-height: 1.6;
              font-family: "FangSong", "STFangsong", "FangSong_GB2312", "Songti SC", "SimSun", serif; }
            .sheet { width: 210mm; min-height: 297mm; margin: 10mm auto; padding: 20mm 18mm; background: #fff; }
            h1 { margin: 0 0 3mm; text-align: center; font-size: 24pt; letter-spacing: 0.3em; color: #c00;
              font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; }
            .number { margin: 0 0 3mm; text-align: center; }
            .rule { border: 0; border-top: 2px solid #c00; margin: 0 0 6mm; }
            table { width: 100%; border-collapse: collapse; }
            th, td { border: 1px solid #000; padding: 2.5mm 3mm; vertical-align: top; text-align: left; }
            th { width: 26%; white-space: nowrap; }
            td { overflow-wrap: anywhere; }
            @media print {
              body { background: none; }
              .sheet { width: auto; min-height: 0; margin: 0; padding: 0; }
              tr { break-inside: avoid; }
            }
            </style>
            </head>
            <body>
            <main class="sheet">
            <h1>\(e(title))</h1>
            <p class="number">\(e(number.description))</p>
            <hr class="rule">
            <table>
            \(table)
            </table>
            </main>
            </body>
            </html>

            """
    }
}
