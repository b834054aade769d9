/// The folding step before a time expression is read: one spelling for every way documents write the same thing.
///
/// In order:
/// 1. full-width ASCII (０-９, Ａ-Ｚ, ：，（）…) to ASCII; whitespace removed; quote marks removed;
/// 2. Traditional characters that occur in time expressions to Simplified (學期 → 学期, 個 → 个, 週 → 周);
/// 3. every dash and wave form (— – ‒ ― − －, ～ ~ 〜, doubled `--` or `——`) to one `-`;
/// 4. Chinese numerals to ASCII digits where they count something (二〇二五年, 十五个, 两次, 第一季度); plan names
///    such as 十四五 are not numbers and stay;
/// 5. ranges: `X年至Y年`, `X年到Y年`, `X年-Y年` to `X-Y年`, and a lost dash `20212025年` to `2021-2025年`;
/// 6. leading labels (完成时限:, 时限:, 完成时间:…), enclosing brackets and trailing punctuation removed;
///    以前/之前 after a date to 前, and 前 dropped where it adds nothing (年底前, 月底前, 31日前, 学期末前).
enum ExpressionNormalizer {
    static func normalize(_ text: String) -> String {
        var characters = foldCharacters(text)
        characters = foldNumerals(characters)
        characters = foldRanges(characters)
        characters = trimNoise(characters)
        return String(characters)
    }

    // MARK: - Characters

    /// Traditional → Simplified for the characters that occur in time expressions and around them.
    static let traditional: [Character: Character] = [
        "學": "学", "個": "个", "週": "周", "與": "与", "於": "于", "後": "后", "內": "内", "開": "开", "當": "当", "場": "场", "長": "长",
        "堅": "坚", "續": "续", "態": "态", "規": "规", "劃": "划", "間": "间", "時": "时", "輪": "轮", "數": "数", "兩": "两", "萬": "万",
        "億": "亿", "屆": "届", "實": "实", "現": "现", "將": "将", "達": "达", "終": "终", "為": "为", "從": "从", "過": "过", "檢": "检",
        "計": "计", "結": "结", "發": "发", "進": "进", "處": "处", "應": "应", "須": "须", "執": "执", "務": "务", "單": "单", "點": "点",
        "號": "号", "節": "节", "啟": "启", "動": "动", "辦": "办", "標": "标", "準": "准", "確": "确", "滿": "满", "遲": "迟", "則": "则",
        "盡": "尽", "審": "审", "報": "报", "議": "议", "禮": "礼", "歷": "历", "曆": "历", "歲": "岁", "夠": "够", "級": "级", "區": "区",
        "縣": "县", "無": "无", "擬": "拟", "預": "预", "爭": "争", "維": "维", "階": "阶", "環": "环", "減": "减", "幾": "几", "屬": "属",
        "獲": "获", "訂": "订",
    ]

    /// Dashes, hyphens, minus signs and waves that documents use for ranges.
    static let dashScalars: Set<Unicode.Scalar> = [
        "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{2E3A}",
        "\u{2E3B}", "\u{FE58}", "\u{FE63}", "\u{FF0D}", "\u{301C}", "\u{3030}", "\u{FF5E}", "\u{2053}", "~",
        "\u{02D7}", "\u{2043}", "\u{FE31}", "\u{FE32}",
    ]

    /// Quote marks, dropped: “十四五” and 十四五 read the same.
    static let quoteScalars: Set<Unicode.Scalar> = [
        "\"", "'", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{300C}", "\u{300D}", "\u{300E}",
        "\u{300F}", "\u{FF02}", "\u{FF07}", "\u{301D}", "\u{301E}", "\u{301F}", "`",
    ]

    /// Step 1–3: width, whitespace, quotes, Traditional characters and dashes.
    static func foldCharacters(_ text: String) -> [Character] {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" { continue }
            if quoteScalars.contains(scalar) { continue }
            if dashScalars.contains(scalar) {
                scalars.append("-")
                continue
            }
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(ascii)
                continue
            }
            scalars.append(scalar)
        }
        var result: [Character] = []
        result.reserveCapacity(scalars.count)
        for character in String(scalars) {
            let folded = traditional[character] ?? character
            // Collapse `--`, `——` and mixed runs to one dash.
            if folded == "-", result.last == "-" { continue }
            result.append(folded)
        }
        return result
    }

    // MARK: - Numerals

    /// Single characters after which a numeral counts time or occurrences.
    static let unitFollowers: Set<Character> = ["年", "月", "日", "号", "天", "个", "次", "周", "季", "轮", "届", "旬", "遍"]
    /// Two-character words after which a numeral counts time.
    static let unitFollowerWords: [[Character]] = [
        ["学", "期"], ["学", "年"], ["学", "时"], ["课", "时"], ["小", "时"], ["星", "期"], ["礼", "拜"],
    ]

    /// Step 4: replaces numeral runs by ASCII digits where they count something.
    static func foldNumerals(_ input: [Character]) -> [Character] {
        var result: [Character] = []
        result.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            guard ChineseNumerals.isNumeral(input[index]) else {
                result.append(input[index])
                index += 1
                continue
            }
            var end = index
            while end < input.count, ChineseNumerals.isNumeral(input[end]) { end += 1 }
            let run = input[index..<end]
            let convert = shouldConvert(run, before: index > 0 ? input[index - 1] : nil, after: input, at: end)
            if convert, let value = ChineseNumerals.value(run) {
                result.append(contentsOf: String(value))
            } else if convert, ChineseNumerals.isDigitSequence(run) {
                // Too long to be a number of a time expression: folded digit by digit, so the reader refuses it as a
                // number out of range and quotes it.
                result.append(contentsOf: ChineseNumerals.asciiDigits(run))
            } else {
                result.append(contentsOf: run)
            }
            index = end
        }
        return result
    }

    private static func shouldConvert(
        _ run: ArraySlice<Character>, before: Character?, after input: [Character], at end: Int
    ) -> Bool {
        if ChineseNumerals.isDigitSequence(run), run.count > 1 {
            // Year digits (二〇二五, 二零二五) convert; other digit pairs such as 三五年 ("three to five years") stay.
            return run.count == 4 || run.contains("〇") || run.contains("零")
        }
        if before == "第" { return true }
        guard end < input.count else { return false }
        if unitFollowers.contains(input[end]) { return true }
        return unitFollowerWords.contains { word in
            end + word.count <= input.count && Array(input[end..<end + word.count]) == word
        }
    }

    // MARK: - Ranges

    /// Step 5: one spelling for year ranges.
    static func foldRanges(_ input: [Character]) -> [Character] {
        var characters = input
        // 至/到 between a date and a number is a range dash: 2022年至2025年, 3月到6月.
        let dateEnds: Set<Character> = ["年", "月", "日", "号", "底", "末"]
        for index in characters.indices.dropFirst().dropLast()
        where characters[index] == "至" || characters[index] == "到" {
            let previous = characters[index - 1]
            if (previous.isASCIIDigitCharacter || dateEnds.contains(previous))
                && characters[index + 1].isASCIIDigitCharacter
            {
                characters[index] = "-"
            }
        }
        // X年-Y年 → X-Y年 (four digits on both sides).
        var result: [Character] = []
        var index = 0
        while index < characters.count {
            if index + 10 <= characters.count, digitRun(characters, index) == 4, characters[index + 4] == "年",
                characters[index + 5] == "-", digitRun(characters, index + 6) == 4, index + 10 < characters.count,
                characters[index + 10] == "年", index == 0 || !characters[index - 1].isASCIIDigitCharacter
            {
                result.append(contentsOf: characters[index..<index + 4])
                index += 5  // drop the first 年
                continue
            }
            // Lost dash: exactly eight digits right before 年.
            if index == 0 || !characters[index - 1].isASCIIDigitCharacter, digitRun(characters, index) == 8,
                index + 8 < characters.count, characters[index + 8] == "年"
            {
                result.append(contentsOf: characters[index..<index + 4])
                result.append("-")
                result.append(contentsOf: characters[index + 4..<index + 8])
                index += 8
                continue
            }
            result.append(characters[index])
            index += 1
        }
        return result
    }

    /// The number of ASCII digits starting at `index`.
    static func digitRun(_ characters: [Character], _ index: Int) -> Int {
        var end = index
        while end < characters.count, characters[end].isASCIIDigitCharacter { end += 1 }
        return end - index
    }

    // MARK: - Noise

    static let labels: [String] = [
        "完成时限", "完成时间", "完成期限", "截止时间", "截止日期", "截止期限", "办结时限", "时间节点", "时限", "时间", "期限",
    ]
    static let trailingPunctuation: Set<Character> = ["。", ".", ",", ";", "、", "!", "?", "…", "｡", "，", "；", ":"]

    /// Step 6: labels, brackets, trailing punctuation and redundant 前.
    static func trimNoise(_ input: [Character]) -> [Character] {
        var characters = input
        var changed = true
        while changed {
            changed = false
            while let first = characters.first, trailingPunctuation.contains(first) {
                characters.removeFirst()
                changed = true
            }
            while let last = characters.last, trailingPunctuation.contains(last) {
                characters.removeLast()
                changed = true
            }
            for label in labels {
                let labelCharacters = Array(label)
                for separator: Character in [":", "为", "是"] {
                    let prefix = labelCharacters + [separator]
                    if characters.starts(with: prefix), characters.count > prefix.count {
                        characters.removeFirst(prefix.count)
                        changed = true
                    }
                }
            }
            for (open, close) in [("(", ")"), ("[", "]"), ("【", "】"), ("〔", "〕"), ("<", ">")]
            where characters.first == Character(open) && characters.last == Character(close) && characters.count > 2 {
                characters.removeFirst()
                characters.removeLast()
                changed = true
            }
        }
        return foldBefore(characters)
    }

    /// 以前/之前 after a date become 前; 前 after 底, 末, 旬, 日, 号 (at a date) is dropped.
    static func foldBefore(_ input: [Character]) -> [Character] {
        let dateContext: Set<Character> = ["年", "月", "期", "度", "上", "中", "下"]
        let dropAfter: Set<Character> = ["底", "末", "旬", "日", "号"]
        var result: [Character] = []
        var index = 0
        while index < input.count {
            let character = input[index]
            if character == "以" || character == "之", index + 1 < input.count, input[index + 1] == "前",
                let previous = result.last,
                previous.isASCIIDigitCharacter || dateContext.contains(previous) || dropAfter.contains(previous)
            {
                index += 1  // 以前/之前 → 前
                continue
            }
            if character == "前", result.count >= 2, let previous = result.last, dropAfter.contains(previous) {
                let beforePrevious = result[result.count - 2]
                if beforePrevious.isASCIIDigitCharacter || dateContext.contains(beforePrevious) {
                    index += 1
                    continue
                }
            }
            result.append(character)
            index += 1
        }
        return result
    }
}
