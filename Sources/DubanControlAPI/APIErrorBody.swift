/// The body of every error answer: `{"error": {"code": "not-found", "message": "…"}}`.
public struct APIErrorBody: Hashable, Sendable, Codable, Error {
    /// The error itself.
    public struct Detail: Hashable, Sendable, Codable {
        public var code: APIErrorCode
        /// "中文 / English" text for people.
        public var message: String

        public init(code: APIErrorCode, message: String) {
            self.code = code
            self.message = message
        }
    }

    public var error: Detail

    public init(code: APIErrorCode, message: String) {
        self.error = Detail(code: code, message: message)
    }

    /// The HTTP status that goes with the code.
    public var status: Int { error.code.status }
}
