import DubanCalendar
import DubanControlAPI
import DubanStore

extension APIErrorBody {
    /// The API error for a store error: unknown id → 404, validation → 422, conflict → 409, I/O → 500.
    init(_ error: StoreError) {
        let code: APIErrorCode
        switch error.code {
        case .notFound: code = .notFound
        case .invalidArgument: code = .unprocessable
        case .conflict, .alreadyExists: code = .conflict
        case .stageChanged: code = .stageChanged
        default: code = .internalError
        }
        self.init(code: code, message: error.message.zh + " / " + error.message.en)
    }

    static func notFound(_ zh: String, _ en: String) -> APIErrorBody {
        APIErrorBody(code: .notFound, message: zh + " / " + en)
    }

    static func unprocessable(_ zh: String, _ en: String) -> APIErrorBody {
        APIErrorBody(code: .unprocessable, message: zh + " / " + en)
    }

    static func badRequest(_ zh: String, _ en: String) -> APIErrorBody {
        APIErrorBody(code: .badRequest, message: zh + " / " + en)
    }
}
