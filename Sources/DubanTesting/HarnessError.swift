/// A test harness could not set up what it runs (journald, a socket, a child process).
public struct HarnessError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for the test log.
    public var description: String

    /// Creates an error with a message.
    public init(_ description: String) {
        self.description = description
    }
}
