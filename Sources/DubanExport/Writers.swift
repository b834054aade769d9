public import DubanControlAPI
import DubanCalendar
public import Foundation

/// The exports, as pure functions of the milestones they cover (no store, no clock but the stamp given).
///
/// RFC 5545 text: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence), TEXT values escaped.
public enum ICalendarWriter {
    public static func calendar(_ items: [Milestone], stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//duban//duban control API//ZH", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape("督办事项"), "X-WR-TIMEZONE:Asia/Shanghai",
        ]
        let dtstamp = utcStamp(stamp)
        for item in items {
            guard let due = CivilDate(iso: item.due) else { continue }
            let state = StateWords.zh(item.state, overdue: item.overdue)
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escape(item.id) + "@duban",
                "DTSTAMP:" + dtstamp,
                "DTSTART;VALUE=DATE:" + compact(due),
                "DTEND;VALUE=DATE:" + compact(due.adding(days: 1)),
                "SUMMARY:" + escape("【督办】\(item.title)(\(item.orgName))"),
                "DESCRIPTION:" + escape(
                    "计划:\(item.planTitle)\n单位:\(item.orgName)\n到期:\(item.due) \(item.weekdayName)\n状态:\(state)\n编号:\(item.id)"),
                "CATEGORIES:" + escape(item.kind),
                "STATUS:" + (item.state == "open" ? "CONFIRMED" : "CANCELLED"),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20240510`.
    static func compact(_ date: CivilDate) -> String {
        String(format: "%04d%02d%02d", date.year, date.month, date.day)
    }

    static func utcStamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.dayNumber * 86_400
        return compact(day) + String(format: "T%02d%02d%02dZ", rest / 3600, rest / 60 % 60, rest % 60)
    }

    /// TEXT escaping: backslash, semicolon, comma, newline.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line into pieces of at most 75 octets; continuation lines start with one space.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}

/// A CSV report: UTF-8 with a byte-order mark, CRLF, fields quoted when needed (RFC 4180).
public enum CSVWriter {
    static let header = ["事项编号", "计划", "任务", "类型", "单位", "周期", "到期日", "星期", "剩余工作日", "状态", "是否逾期", "办理人", "备注", "佐证"]

    public static func report(_ items: [Milestone]) -> Data {
        var text = "\u{FEFF}" + header.map(field).joined(separator: ",") + "\r\n"
        for item in items {
            let state = StateWords.zh(item.state)
            let row = [
                item.id, item.planTitle, item.title, item.kind, item.orgName, item.period, item.due, item.weekdayName,
                String(item.workingDaysLeft), state, item.overdue ? "是" : "否", item.actor ?? "", item.note ?? "",
                item.evidence ?? "",
            ]
            text += row.map(field).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    public static func field(_ value: String) -> String {
        // A leading =, +, - or @ would make a spreadsheet run a formula: prefix it with a quote.
        var value = value
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
