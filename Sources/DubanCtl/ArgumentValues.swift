import Foundation

/// Readers of the small languages in dubanctl's arguments: `30d`, `+30`, `plan/task`, occurrence ids. Pure, so
/// the rules are unit-tested without a daemon.
public enum ArgumentValues {
    /// The longest span `days(in:)` reads: a hundred years of days.
    public static let maximumDays = 36_600

    /// Calendar days in a span: `30d`, `30天`, `8w`/`8周`, `3m`/`3月` (31 days each), `1y`/`1年` (366), or a bare
    /// number of days, at most `maximumDays`. Nil for anything else, a negative count or a longer span.
    public static func days(in text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let n = Int(trimmed) { return (0...maximumDays).contains(n) ? n : nil }
        guard let unit = trimmed.last, let n = Int(trimmed.dropLast()), (0...maximumDays).contains(n) else { return nil }
        let days: Int
        switch unit {
        case "d", "D", "天": days = n
        case "w", "W", "周": days = n * 7
        case "m", "M", "月": days = n * 31
        case "y", "Y", "年": days = n * 366
        default: return nil
        }
        return days <= maximumDays ? days : nil
    }

    /// A progress amount: `+30`, `30`, `+2.5` (a full-width `＋` too). Nil unless a finite number greater than 0.
    public static func progressAmount(_ text: String) -> Double? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.first == "+" || body.first == "\u{FF0B}" { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(body),
            value.isFinite, value > 0
        else { return nil }
        return value
    }

    /// A reading: a finite number such as `87.5` or `-3`, with an optional trailing `%` (the number is kept as
    /// written: `87.5%` is 87.5).
    public static func readingValue(_ text: String) -> Double? {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasSuffix("%") { body.removeLast() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
            let value = Double(body), value.isFinite
        else { return nil }
        return value
    }

    /// `plan/task` → its two parts; nil unless both are non-empty and there are exactly two.
    public static func taskReference(_ text: String) -> (plan: String, task: String)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// An occurrence id `plan/task/org/period`, or the key `plan/task/org` of a target's readings → its plan,
    /// task and org; nil for anything with fewer parts or an empty one.
    public static func unitKey(_ text: String) -> (plan: String, task: String, org: String)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.prefix(3).allSatisfy({ !$0.isEmpty }) else { return nil }
        return (String(parts[0]), String(parts[1]), String(parts[2]))
    }
}
