import DubanCalendar

/// What a cell, a sheet name and a date become inside the package: the rules of XML 1.0 and of Excel.
extension XLSXWriter {
    /// Excel's limit on a cell's text, in UTF-16 code units (what Excel counts as characters).
    static let maxCellText = 32_767
    /// Excel's limit on a sheet name, in UTF-16 code units.
    static let maxSheetName = 31
    /// Characters Excel refuses in a sheet name.
    static let sheetNameForbidden: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Whether XML 1.0 allows `scalar` in a document (`Char` of the XML 1.0 grammar).
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// A cell's text as the workbook holds it: characters XML 1.0 forbids removed (control characters other than
    /// tab, newline and carriage return; U+FFFE, U+FFFF), then cut at 32,767 UTF-16 code units, never inside a
    /// character. Longer text is cut without a mark: a spreadsheet refuses to open a cell that holds more.
    static func cellText(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isXMLCharacter(scalar) { scalars.append(scalar) }
        return prefix(String(scalars), utf16Units: maxCellText)
    }

    /// The longest prefix of `text` of at most `limit` UTF-16 code units that ends between two characters.
    static func prefix(_ text: String, utf16Units limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var out = ""
        var units = 0
        for character in text {
            let size = character.utf16.count
            if units + size > limit { break }
            out.append(character)
            units += size
        }
        return out
    }

    /// `text` escaped for XML element content or a double-quoted attribute: `& < > "` as entities and a carriage
    /// return as `&#13;` (a parser would turn a literal one into a newline).
    ///
    /// With `ooxmlEscapes`, a literal `_xHHHH_` is written `_x005F_xHHHH_`: Excel (and openpyxl) read `_xHHHH_`
    /// in cell text as the character U+HHHH, so the text would otherwise change on the way.
    static func escaped(_ text: String, ooxmlEscapes: Bool = false) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "_" where ooxmlEscapes && startsOOXMLEscape(scalars, at: index):
                out.append(contentsOf: "_x005F".unicodeScalars)
                out.append(scalar)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `_xHHHH_` (four hexadecimal digits) starts at `index`.
    private static func startsOOXMLEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// The names the sheets get, in order: valid for Excel and unique, the same for the same input.
    ///
    /// Control characters are removed, each of `[ ] : * ? / \` becomes `_`, apostrophes at either end are dropped,
    /// and the name is cut at 31 UTF-16 code units. An empty name becomes `SheetN` (N its position from 1),
    /// `History` (which Excel reserves) `History_`. A name already taken, compared without regard to case as
    /// Excel does, gets ` (2)`, ` (3)`, … with its stem cut so that the whole stays within 31.
    /// - Parameter names: the sheets' names as given.
    /// - Returns: one name for each, in the same order.
    public static func sheetNames(_ names: [String]) -> [String] {
        var taken: Set<String> = []
        var result: [String] = []
        for (index, name) in names.enumerated() {
            var scalars = String.UnicodeScalarView()
            for scalar in name.unicodeScalars where scalar.value >= 0x20 && isXMLCharacter(scalar) {
                scalars.append(sheetNameForbidden.contains(scalar) ? "_" : scalar)
            }
            var stem = fitted(String(scalars), limit: maxSheetName)
            if stem.isEmpty { stem = "Sheet\(index + 1)" }
            if stem.lowercased() == "history" { stem += "_" }
            var candidate = stem
            var number = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = fitted(stem, limit: maxSheetName - suffix.utf16.count) + suffix
                number += 1
            }
            taken.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    /// `name` without apostrophes at either end, cut at `limit` UTF-16 code units (and trimmed again after the cut).
    private static func fitted(_ name: String, limit: Int) -> String {
        func trimmed(_ text: String) -> String {
            var text = Substring(text)
            while text.first == "'" { text = text.dropFirst() }
            while text.last == "'" { text = text.dropLast() }
            return String(text)
        }
        return trimmed(prefix(trimmed(name), utf16Units: limit))
    }

    /// The Excel serial number of `date` (days since 1899-12-30), or nil before 1900-01-01 and after 9999-12-31,
    /// which a spreadsheet cannot show as dates.
    ///
    /// Excel counts the nonexistent 1900-02-29 as serial 60 (Lotus 1-2-3's mistake), so 1900-01-01 to 1900-02-28
    /// are one less than the plain count: serial 1 to 59, as Excel and openpyxl read them.
    static func serial(_ date: CivilDate) -> Int? {
        let days = date.dayNumber + 25_569  // 1970-01-01 is 25,569 days after 1899-12-30.
        switch days {
        case 61...2_958_465: return days
        case 2...60: return days - 1
        default: return nil
        }
    }

    /// `A` … `Z`, `AA` … for a column counted from 1.
    static func columnName(_ column: Int) -> String {
        var column = column
        var letters: [Character] = []
        while column > 0 {
            let digit = (column - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            column = (column - 1) / 26
        }
        return String(letters.reversed())
    }
}
