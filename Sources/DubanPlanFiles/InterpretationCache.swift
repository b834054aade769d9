internal import DubanCalendar
internal import Synchronization

/// Time expressions already read during one load, shared by the files parsed in parallel.
///
/// Plan libraries repeat the same few expressions (`每年`, `2025年底`, `长期坚持`) across many tasks and files,
/// and reading one is the costliest step of parsing a task. The result depends only on the text and the
/// conventions, which are the same for a whole load, so it is computed once per distinct text.
final class InterpretationCache: Sendable {
    private let conventions: TimeConventions
    private let entries = Mutex<[String: Result<TimeInterpretation, TimeExpressionError>]>([:])

    init(conventions: TimeConventions) {
        self.conventions = conventions
    }

    /// `TimeExpression.interpret(text, conventions:)`, from the cache when this text was read before.
    func interpret(_ text: String) throws(TimeExpressionError) -> TimeInterpretation {
        if let known = entries.withLock({ $0[text] }) { return try known.get() }
        let result: Result<TimeInterpretation, TimeExpressionError>
        do {
            result = .success(try TimeExpression.interpret(text, conventions: conventions))
        } catch {
            result = .failure(error)
        }
        entries.withLock { $0[text] = result }
        return try result.get()
    }
}
