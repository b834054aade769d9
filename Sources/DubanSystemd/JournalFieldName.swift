/// Turns swift-log metadata keys into journald field names.
///
/// journald accepts a field name only if it is 1–64 characters of `[A-Z0-9_]`, does not start with a digit, and
/// (for fields a client sends) does not start with `_`, which marks fields journald itself vouches for. Keys are
/// mapped, never dropped: `duban.task` and `duban_task` → `DUBAN_TASK`, `message_id` → `MESSAGE_ID`.
public enum JournalFieldName {
    /// Fields that ``JournalLogHandler`` sets itself; metadata mapping to one of them gets the ``collisionPrefix``.
    public static let handlerFields: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "LOGGER_LABEL", "ERROR",
    ]

    /// Fields journald or journalctl interpret (`journalctl -u` matches `UNIT=`, `ERRNO=` is shown as an error,
    /// `SYSLOG_PID=` replaces the sender's pid in output): metadata must not set them by accident, so a key that
    /// maps to one of these (say an org "unit") gets the ``collisionPrefix`` too. `MESSAGE_ID` and
    /// `DOCUMENTATION` stay settable on purpose.
    public static let interpretedFields: Set<String> = [
        "ERRNO", "INVOCATION_ID", "USER_INVOCATION_ID", "SYSLOG_FACILITY", "SYSLOG_PID", "SYSLOG_TIMESTAMP",
        "SYSLOG_RAW", "TID", "UNIT", "USER_UNIT",
    ]

    /// Prefixes with the same meaning as ``interpretedFields`` (`OBJECT_PID`, `COREDUMP_…`).
    public static let interpretedPrefixes: [String] = ["OBJECT_", "COREDUMP_"]

    /// What a metadata key that would collide with a handler-owned or interpreted field is prefixed with.
    public static let collisionPrefix = "META_"

    /// The longest field name journald accepts.
    public static let maximumLength = 64

    /// The journald field name for a metadata key.
    ///
    /// ASCII letters are upper-cased, digits and `_` kept, and every other character (`.`, `-`, spaces, Chinese)
    /// becomes `_`; leading underscores are removed; a name that would start with a digit gets `F_` in front, an
    /// empty one becomes `METADATA`; then ``collisionPrefix`` is applied if needed, and the result cut to 64.
    /// - Parameter key: a swift-log metadata key.
    /// - Returns: a valid journald field name.
    public static func make(fromMetadataKey key: String) -> String {
        var name = ""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "a"..."z": name.unicodeScalars.append(Unicode.Scalar(scalar.value - 32)!)
            case "A"..."Z", "0"..."9", "_": name.unicodeScalars.append(scalar)
            default: name.append("_")
            }
        }
        while name.hasPrefix("_") { name.removeFirst() }
        if name.isEmpty { name = "METADATA" }
        if let first = name.first, first.isASCII, first.isNumber { name = "F_" + name }
        if handlerFields.contains(name) || interpretedFields.contains(name)
            || interpretedPrefixes.contains(where: { name.hasPrefix($0) })
        {
            name = collisionPrefix + name
        }
        return String(name.prefix(maximumLength))
    }

    /// Whether journald accepts `name` from a client (the rule ``make(fromMetadataKey:)`` guarantees).
    public static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= maximumLength else { return false }
        guard let first = name.unicodeScalars.first, first != "_", !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
