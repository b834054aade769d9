public import DubanCalendar
internal import DubanSupervision

/// Why the state store refused or failed a call: a stable code for programs, a message in both languages for
/// people, and the underlying cause (an SQLite message, say) for the log.
///
/// ``Code`` is a struct over a private enum, so adding a code later breaks no caller's `switch`: callers compare
/// with `==` (`error.code == .notFound`).
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of failure a caller can act on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notFound = "not-found"
            case invalidArgument = "invalid-argument"
            case conflict = "conflict"
            case alreadyExists = "already-exists"
            case io = "io"
            case stageChanged = "stage-changed"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// No occurrence, task or outbox entry has the id given.
        public static let notFound = Code(.notFound)
        /// An argument is out of range or malformed (amount ≤ 0, empty request id, limit 0 …); nothing was changed.
        public static let invalidArgument = Code(.invalidArgument)
        /// The call contradicts recorded state: a request id reused for a different request, a change to an
        /// archived occurrence, a failure recorded for a delivered notification.
        public static let conflict = Code(.conflict)
        /// The destination of a backup already exists.
        public static let alreadyExists = Code(.alreadyExists)
        /// The occurrence is not in the stage the caller expected (someone else moved it first, or the step is out
        /// of order): nothing was changed. A 409 on the API.
        public static let stageChanged = Code(.stageChanged)
        /// The database could not be opened, read or written (disk full, permissions, a corrupt file, busy too long).
        public static let io = Code(.io)

        /// A stable identifier such as `not-found`, for JSON and logs.
        public var description: String { base.rawValue }
    }

    public var code: Code
    public var message: LocalizedText
    /// The underlying cause as text (an SQLite error message), when there is one.
    public var underlying: String?

    public init(code: Code, message: LocalizedText, underlying: String? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// `code: message (underlying)` in Chinese.
    public var description: String {
        underlying.map { "\(code): \(message.zh) (\($0))" } ?? "\(code): \(message.zh)"
    }
}

extension StoreError {
    static func occurrenceNotFound(_ id: String) -> StoreError {
        StoreError(
            code: .notFound,
            message: LocalizedText(zh: "没有编号为“\(id)”的事项", en: "no occurrence has the id \(id)"))
    }

    static func taskNotFound(_ key: TaskKey) -> StoreError {
        StoreError(
            code: .notFound,
            message: LocalizedText(
                zh: "计划“\(key.plan)”中没有分配给“\(key.org)”的任务“\(key.task)”",
                en: "plan \(key.plan) has no task \(key.task) assigned to \(key.org)"))
    }

    static func outboxNotFound(_ id: Int64) -> StoreError {
        StoreError(
            code: .notFound,
            message: LocalizedText(zh: "发件箱中没有编号为\(id)的通知", en: "the outbox has no notification \(id)"))
    }

    static func invalid(zh: String, en: String) -> StoreError {
        StoreError(code: .invalidArgument, message: LocalizedText(zh: zh, en: en))
    }

    static func requestReused(_ requestID: String) -> StoreError {
        StoreError(
            code: .conflict,
            message: LocalizedText(
                zh: "请求编号“\(requestID)”已用于另一项不同的操作,未作任何更改",
                en: "request id \(requestID) was already used for a different request; nothing was changed"))
    }

    static func archived(_ id: String) -> StoreError {
        StoreError(
            code: .conflict,
            message: LocalizedText(
                zh: "事项“\(id)”已归档(其任务已从计划中移除),不能再登记",
                en: "occurrence \(id) is archived (its task was removed from the plans) and cannot be changed"))
    }

    static func alreadyDelivered(_ id: Int64) -> StoreError {
        StoreError(
            code: .conflict,
            message: LocalizedText(
                zh: "通知\(id)已送达,不能再记为失败", en: "notification \(id) was delivered and cannot be marked failed"))
    }

    static func backupExists(_ path: String) -> StoreError {
        StoreError(
            code: .alreadyExists,
            message: LocalizedText(
                zh: "备份目标“\(path)”已存在,不会覆盖", en: "the backup destination \(path) exists and is not overwritten"))
    }

    static func stageChanged(_ id: String, expected: SupervisionState, found: SupervisionState) -> StoreError {
        StoreError(
            code: .stageChanged,
            message: LocalizedText(
                zh: "事项“\(id)”当前为“\(found.zh)”,不是预期的“\(expected.zh)”(可能已被他人处理),未作更改",
                en: "occurrence \(id) is \(found.en), not \(expected.en) as expected (someone may have acted first); nothing was changed"))
    }

    static func stateChanged(_ id: String, action: String, found: OccurrenceState) -> StoreError {
        let zh = found == .open ? "未办结" : found == .done ? "已办结" : "已免办"
        return StoreError(
            code: .stageChanged,
            message: LocalizedText(
                zh: "事项“\(id)”\(zh),不能\(action == "done" ? "办结" : action == "waive" ? "免办" : "重新打开"),未作更改",
                en: "occurrence \(id) is \(found.rawValue): cannot \(action) it; nothing was changed"))
    }

    /// A step the loop refused: out of order → stage changed (409), a broken rule → invalid argument (422).
    init(supervision error: SupervisionError) {
        switch error {
        case .notInState:
            self.init(code: .stageChanged, message: LocalizedText(zh: error.zh, en: error.en))
        case .rule:
            self.init(code: .invalidArgument, message: LocalizedText(zh: error.zh, en: error.en))
        }
    }

    static func io(_ what: LocalizedText, underlying: String) -> StoreError {
        StoreError(code: .io, message: what, underlying: underlying)
    }
}
