/// A notice's text twice over, character for character: as written (for quoting) and normalized (for parsing).
///
/// Normalizing maps full-width ASCII (１２月，（周六）) to ASCII, the ideographic space to a space, and the
/// Traditional characters a notice's parser relies on (國務院, 節, 調休, 補休, 連休, 週, 農曆…) to Simplified ones.
/// Every character maps to exactly one character, so a range in the normalized text is the same range in the
/// original and errors can quote the notice as written.
struct NoticeText {
    /// The text as written.
    let original: [Character]
    /// The text normalized for parsing, the same length as `original`.
    let normalized: [Character]

    init(_ text: String) {
        original = Array(text)
        normalized = original.map(NoticeText.normalize)
    }

    /// The ranges of the text's lines, without their line breaks.
    var lines: [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (index, character) in normalized.enumerated() where character.isNewline {
            result.append(start..<index)
            start = index + 1
        }
        result.append(start..<normalized.count)
        return result
    }

    /// The original text of `range`, with surrounding white space removed.
    func quote(_ range: Range<Int>) -> String {
        NoticeText.trimmed(original[range])
    }

    /// `characters` as a string without leading and trailing white space (the ideographic space included).
    static func trimmed(_ characters: some Collection<Character>) -> String {
        let text = Substring(String(characters))
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// The normalized text of `range`.
    func string(_ range: Range<Int>) -> String {
        String(normalized[range])
    }

    /// The normalized form of one character.
    static func normalize(_ character: Character) -> Character {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return character }
        switch scalar.value {
        case 0xFF01...0xFF5E:
            return Unicode.Scalar(scalar.value - 0xFEE0).map(Character.init) ?? character
        case 0x3000:
            return " "
        default:
            return traditionalToSimplified[character] ?? character
        }
    }

    /// Traditional characters that occur in copies of the notice, each followed by its Simplified form.
    private static let traditionalToSimplified: [Character: Character] = {
        let pairs = "國国務务辦办廳厅關关於于節节與与週周調调補补連连勞劳動动慶庆發发電电號号農农曆历歷历臘腊勵励"
            + "單单職职帶带實实製制門门區区個个為为準准經经將将現现體体時时規规報报確确眾众過过衛卫幾几禮礼"
            + "開开間间會会議议長长團团紀纪勝胜戰战進进來来東东請请標标記记陽阳錯错險险災灾總总臺台際际給给"
        var table: [Character: Character] = [:]
        var iterator = pairs.makeIterator()
        while let from = iterator.next(), let to = iterator.next() {
            table[from] = to
        }
        return table
    }()

    /// Chinese and English weekday names, Monday first.
    static let weekdayNames: [(zh: String, en: String)] = [
        ("一", "Monday"), ("二", "Tuesday"), ("三", "Wednesday"), ("四", "Thursday"),
        ("五", "Friday"), ("六", "Saturday"), ("日", "Sunday"),
    ]

    /// The ISO weekday (1 = Monday … 7 = Sunday) a character after 周/星期/礼拜 names, if any.
    static func weekday(named character: Character) -> Int? {
        switch character {
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "日", "天": return 7
        default: return nil
        }
    }

    /// The value of a Chinese digit (〇 and 零 are 0), or nil.
    static func chineseDigit(_ character: Character) -> Int? {
        switch character {
        case "〇", "零": return 0
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// Characters that join the two ends of a date range: 至, and the dashes and tildes copies use.
    static let rangeMarks: Set<Character> = ["至", "-", "—", "–", "―", "‒", "~", "〜"]
}
