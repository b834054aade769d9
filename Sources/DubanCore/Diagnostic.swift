public import DubanCalendar

/// A problem found in an admin-written file, reported as `file:line:column: message`.
///
/// Modelled on swift-openapi-generator's `Diagnostic`: a severity, a location, a stable code that scripts and
/// tests can match, and a message in both languages.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// How bad it is: an error stops the file from loading; a warning does not.
    public enum Severity: String, Hashable, Sendable, Codable {
        case error
        case warning
    }

    /// Where in a file the problem is (1-based line and column; 0 when unknown).
    public struct Location: Hashable, Sendable, Codable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int

        public init(file: String, line: Int = 0, column: Int = 0) {
            self.file = file
            self.line = line
            self.column = column
        }

        /// `file:line:column`, or just `file` when the position is unknown.
        public var description: String {
            line > 0 ? "\(file):\(line):\(column)" : file
        }
    }

    public var severity: Severity
    public var location: Location
    /// A stable identifier such as `unknown-key` or `dangling-reference`.
    public var code: String
    public var message: LocalizedText

    public init(_ severity: Severity = .error, at location: Location, code: String, message: LocalizedText) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
    }

    /// `file:line:column: error: message` in `language`.
    public func formatted(_ language: Language) -> String {
        let word: String
        switch (severity, language) {
        case (.error, .zhHans): word = "错误"
        case (.warning, .zhHans): word = "警告"
        case (.error, .en): word = "error"
        case (.warning, .en): word = "warning"
        }
        return "\(location): \(word): \(message.text(language))"
    }

    public var description: String { formatted(.zhHans) }
}

/// Thrown when a file (or a set of files) has errors; carries every diagnostic, not only the first.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map { $0.formatted(.zhHans) }.joined(separator: "\n")
    }
}
