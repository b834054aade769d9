/// `POST /v1/occurrences/{id}/done`: 办结, with an optional note and evidence (a document number, a URL).
public struct DoneRequest: Hashable, Sendable, Codable {
    public var note: String?
    public var evidence: String?

    public init(note: String? = nil, evidence: String? = nil) {
        self.note = note
        self.evidence = evidence
    }
}

/// `POST /v1/occurrences/{id}/reopen`: open again, with an optional note.
public struct ReopenRequest: Hashable, Sendable, Codable {
    public var note: String?

    public init(note: String? = nil) {
        self.note = note
    }
}

/// `POST /v1/occurrences/{id}/waive`: not required this time; the reason is required.
public struct WaiveRequest: Hashable, Sendable, Codable {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}

/// `POST /v1/occurrences/{id}/progress`: +amount on a day (default today).
public struct ProgressRequest: Hashable, Sendable, Codable {
    /// Greater than 0, at most `RecordLimits.maximumAmount` (DubanCore; 1,000,000).
    public var amount: Double
    /// `YYYY-MM-DD`; default today.
    public var date: String?
    public var note: String?

    public init(amount: Double, date: String? = nil, note: String? = nil) {
        self.amount = amount
        self.date = date
        self.note = note
    }
}

/// `POST /v1/readings`: a measured value of a target's indicator for one unit, on a day (default today).
public struct ReadingRequest: Hashable, Sendable, Codable {
    public var plan: String
    public var task: String
    public var org: String
    /// A finite number, |value| ≤ `RecordLimits.maximumReading` (DubanCore; 1,000,000,000).
    public var value: Double
    public var date: String?
    public var note: String?

    public init(plan: String, task: String, org: String, value: Double, date: String? = nil, note: String? = nil) {
        self.plan = plan
        self.task = task
        self.org = org
        self.value = value
        self.date = date
        self.note = note
    }
}

/// `POST /v1/occurrences/{id}/extend`: 延期 of a procedural occurrence by working days, within what its task
/// allows in total (e.g. 延长不超过15个工作日); the reason is required.
public struct ExtendRequest: Hashable, Sendable, Codable {
    public var workingDays: Int
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case reason
        case workingDays = "working_days"
    }

    public init(workingDays: Int, reason: String) {
        self.workingDays = workingDays
        self.reason = reason
    }
}

/// `POST /v1/procedures`: start a procedural occurrence of `plan/task` for `org` from an event on `date` (e.g. an
/// information-disclosure request received): due = date + the task's limit in working days. `reference` (a case
/// or request number) makes the occurrence id; without it the idempotency key does.
public struct StartRequest: Hashable, Sendable, Codable {
    public var plan: String
    public var task: String
    public var org: String
    /// The event's day, `YYYY-MM-DD`.
    public var date: String
    /// Letters, digits, `-`, `_`, `.`; at most 64 characters.
    public var reference: String?
    public var note: String?

    public init(plan: String, task: String, org: String, date: String, reference: String? = nil, note: String? = nil) {
        self.plan = plan
        self.task = task
        self.org = org
        self.date = date
        self.reference = reference
        self.note = note
    }
}

/// The answer to done, reopen, waive, extend and start: the request id and the occurrence after the change.
public struct OccurrenceChange: Hashable, Sendable, Codable {
    public var requestID: String
    public var occurrence: Milestone

    enum CodingKeys: String, CodingKey {
        case occurrence
        case requestID = "request_id"
    }

    public init(requestID: String, occurrence: Milestone) {
        self.requestID = requestID
        self.occurrence = occurrence
    }
}

/// The answer to a progress entry: the entry recorded (the first one on a retry) and the progress after it.
public struct ProgressChange: Hashable, Sendable, Codable {
    public var requestID: String
    public var entry: ProgressItem
    public var progress: ProgressReport

    enum CodingKeys: String, CodingKey {
        case entry, progress
        case requestID = "request_id"
    }

    public init(requestID: String, entry: ProgressItem, progress: ProgressReport) {
        self.requestID = requestID
        self.entry = entry
        self.progress = progress
    }
}

/// The answer to a reading: the reading recorded (the first one on a retry) and the readings after it.
public struct ReadingChange: Hashable, Sendable, Codable {
    public var requestID: String
    public var reading: ReadingItem
    public var readings: ReadingsReport

    enum CodingKeys: String, CodingKey {
        case reading, readings
        case requestID = "request_id"
    }

    public init(requestID: String, reading: ReadingItem, readings: ReadingsReport) {
        self.requestID = requestID
        self.reading = reading
        self.readings = readings
    }
}

/// `POST /v1/occurrences/{id}/{step}`: a step of the supervision loop (acknowledge, feedback, extension-request,
/// approve, reject, submit, pass, return, strike, pause, resume). `expected_state` is the stage the client saw
/// (`assigned`, `in_progress` …): when the occurrence is elsewhere by now, nothing changes and the answer is 409
/// `stage-changed`.
public struct StepRequest: Hashable, Sendable, Codable {
    public var expectedState: String
    /// What was done, why (a feedback's text, an extension's reason, a review's remarks).
    public var note: String?
    /// A document number, a file name, a URL (a completion report's proof).
    public var evidence: String?
    /// For extension-request: the working days asked (1…10,000).
    public var workingDays: Int?

    enum CodingKeys: String, CodingKey {
        case note, evidence
        case expectedState = "expected_state"
        case workingDays = "working_days"
    }

    public init(expectedState: String, note: String? = nil, evidence: String? = nil, workingDays: Int? = nil) {
        self.expectedState = expectedState
        self.note = note
        self.evidence = evidence
        self.workingDays = workingDays
    }
}
