import DubanCalendar
import Foundation

/// Text layout for terminals: display widths that count CJK characters as two columns, aligned tables, colour
/// only when standard output is a terminal.
public enum Terminal {
    /// Columns a string occupies in a terminal: East Asian wide and full-width characters count 2; ANSI colour
    /// sequences (`ESC [ … m`) count 0.
    public static func displayWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            width += columns(of: scalar)
        }
        return width
    }

    static func columns(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    /// `text` padded with spaces to `width` display columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let w = displayWidth(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }

    /// Renders rows under a header as aligned columns separated by two spaces.
    public static func table(header: [String], rows: [[String]]) -> String {
        let columnCount = header.count
        var widths = header.map(displayWidth)
        for row in rows {
            for (i, cell) in row.prefix(columnCount).enumerated() { widths[i] = max(widths[i], displayWidth(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in 0..<columnCount {
                let cell = i < cells.count ? cells[i] : ""
                parts.append(i == columnCount - 1 ? cell : pad(cell, to: widths[i]))
            }
            return parts.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = [
            line(header), widths.enumerated().map { String(repeating: "─", count: $0.element) }.joined(separator: "  "),
        ]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }

    /// True when standard output is a terminal and `NO_COLOR` is unset or empty (https://no-color.org).
    public static var colorEnabled: Bool {
        colorEnabled(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// The rule behind ``colorEnabled``: colour only on a terminal, never with a non-empty `NO_COLOR`, never
    /// with `TERM=dumb`.
    public static func colorEnabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// ANSI colours used in listings.
    public enum Color: String, Sendable {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case dim = "2"
        case bold = "1"
    }

    /// Wraps `text` in an ANSI colour when `enabled` (default: ``colorEnabled``).
    public static func color(_ text: String, _ color: Color, enabled: Bool = Terminal.colorEnabled) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
