/// A CSV text read as RFC 4180 says: fields separated by commas, records by CRLF or LF, fields in double quotes
/// may hold commas, line breaks and doubled quotes. Each record keeps the line it starts on, for diagnostics.
///
/// Hand-written rather than SwiftCSV: the inventory needs the source line of every record (a quoted field can
/// span lines) and a precise error for an unclosed quote, and 80 lines cost less CI time than a dependency.
public struct CSVTable: Hashable, Sendable {
    /// One record and the 1-based line it starts on.
    public struct Record: Hashable, Sendable {
        public var line: Int
        public var fields: [String]
    }

    public var records: [Record]

    /// Reads `text` (a leading UTF-8 byte order mark is ignored; blank lines are skipped).
    /// - Throws: ``NetcheckError`` with code `csv` for a quote left open or a quote inside an unquoted field.
    public init(parsing text: String) throws(NetcheckError) {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false
        var fieldWasQuoted = false
        var afterQuote = false
        var iterator = (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
            afterQuote = false
        }
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
                afterQuote = false
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else {
                    throw NetcheckError(code: .csv, line: line, message: "字段中间出现引号 / a quote inside an unquoted field")
                }
                quoted = true
                fieldWasQuoted = true
            default:
                if afterQuote, scalar != " " {
                    throw NetcheckError(
                        code: .csv,
                        line: line,
                        message: "引号后应为逗号或换行 / a comma or line break must follow a closing quote"
                    )
                }
                if !afterQuote { field.unicodeScalars.append(scalar) }
            }
        }
        if quoted {
            throw NetcheckError(code: .csv, line: recordLine, message: "引号未闭合 / a quoted field is not closed")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        self.records = records
    }
}
