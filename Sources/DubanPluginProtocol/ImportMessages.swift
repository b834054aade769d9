/// `import` params: a document's text to turn into a draft plan.
public struct ImportParams: Hashable, Sendable, Codable {
    public var document: ImportDocument
    /// Free-form options from the caller (`{"plan": "2025-safety", "year": 2025}`).
    public var options: JSONValue

    public init(document: ImportDocument, options: JSONValue = .emptyObject) {
        self.document = document
        self.options = options
    }
}

/// A document: its file name and its full text (UTF-8).
public struct ImportDocument: Hashable, Sendable, Codable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// `import` result: a draft plan file, for a person to review (duban never loads it unreviewed).
public struct ImportResult: Hashable, Sendable, Codable {
    /// The plan in duban's plan-file format (docs/plan-format.md).
    public var planYAML: String
    /// How many tasks it holds.
    public var items: Int
    /// Lines of the document that were not turned into anything, for the reviewer.
    public var unmapped: [UnmappedLine]

    public init(planYAML: String, items: Int, unmapped: [UnmappedLine] = []) {
        self.planYAML = planYAML
        self.items = items
        self.unmapped = unmapped
    }
}

/// A line of the document the importer left out.
public struct UnmappedLine: Hashable, Sendable, Codable {
    /// 1-based.
    public var line: Int
    public var text: String

    public init(line: Int, text: String) {
        self.line = line
        self.text = text
    }
}
