public import Foundation

/// One step of the supervision loop as the API shows it (an occurrence's history, the ledger).
public struct StepBody: Hashable, Sendable, Codable {
    /// acknowledge, feedback, extension-request, approve, reject, submit, pass, return, strike, pause, resume;
    /// done, waive, reopen (an admin's direct change); migrated (the state an earlier release recorded).
    public var action: String
    /// The step's name in Chinese (签收 …).
    public var actionName: String
    /// The stage before and after (`assigned`, `in_progress` …).
    public var from: String
    public var to: String
    /// The civil day it counts on, `YYYY-MM-DD`.
    public var date: String
    public var at: Date
    public var user: String
    public var note: String?
    public var evidence: String?
    public var workingDays: Int?
    /// The due date in force after the step.
    public var due: String
    public var requestID: String

    enum CodingKeys: String, CodingKey {
        case action, from, to, date, at, user, note, evidence, due
        case actionName = "action_name"
        case workingDays = "working_days"
        case requestID = "request_id"
    }

    public init(
        action: String, actionName: String, from: String, to: String, date: String, at: Date, user: String,
        note: String?, evidence: String?, workingDays: Int?, due: String, requestID: String
    ) {
        self.action = action
        self.actionName = actionName
        self.from = from
        self.to = to
        self.date = date
        self.at = at
        self.user = user
        self.note = note
        self.evidence = evidence
        self.workingDays = workingDays
        self.due = due
        self.requestID = requestID
    }
}

/// The answer to a step: the occurrence after it and the step recorded (the first answer on a retry).
public struct StepChange: Hashable, Sendable, Codable {
    public var requestID: String
    public var occurrence: Milestone
    public var step: StepBody

    enum CodingKeys: String, CodingKey {
        case occurrence, step
        case requestID = "request_id"
    }

    public init(requestID: String, occurrence: Milestone, step: StepBody) {
        self.requestID = requestID
        self.occurrence = occurrence
        self.step = step
    }
}

/// `GET /v1/board`: per unit, how many of its open occurrences are red, yellow and green, and the red ones
/// (most overdue first).
public struct BoardBody: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var org: String
        public var orgName: String
        public var red: Int
        public var yellow: Int
        public var green: Int
        /// Waiting for review (待审核) among them.
        public var submitted: Int
        /// Not acknowledged (待签收) among them.
        public var unacknowledged: Int

        enum CodingKeys: String, CodingKey {
            case org, red, yellow, green, submitted, unacknowledged
            case orgName = "org_name"
        }

        public init(org: String, orgName: String, red: Int, yellow: Int, green: Int, submitted: Int, unacknowledged: Int) {
            self.org = org
            self.orgName = orgName
            self.red = red
            self.yellow = yellow
            self.green = green
            self.submitted = submitted
            self.unacknowledged = unacknowledged
        }
    }

    /// The day the lights are for, `YYYY-MM-DD`.
    public var date: String
    /// Units with open occurrences, most red first.
    public var units: [Row]
    /// The red occurrences, most overdue first (at most `limit`).
    public var red: [Milestone]
    /// Red occurrences in all (``red`` may hold fewer).
    public var redTotal: Int

    enum CodingKeys: String, CodingKey {
        case date, units, red
        case redTotal = "red_total"
    }

    public init(date: String, units: [Row], red: [Milestone], redTotal: Int) {
        self.date = date
        self.units = units
        self.red = red
        self.redTotal = redTotal
    }
}
