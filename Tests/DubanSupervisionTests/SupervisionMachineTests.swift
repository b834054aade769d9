import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanSupervision
import Testing

let calendar = WorkingDayCalendar(years: CalendarLoader.bundledYears())

func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

/// The loop, step by step, on the real working-day calendar (2026: 国庆 10/1–7, work on Saturday 10/10).
@Suite struct SupervisionMachineTests {
    let rules = SupervisionRules()

    func apply(_ action: SupervisionAction, _ record: SupervisionRecord, on text: String, rules: SupervisionRules? = nil)
        throws -> SupervisionRecord
    {
        try SupervisionMachine.apply(action, to: record, on: day(text), rules: rules ?? self.rules, calendar: calendar)
    }

    @Test("acknowledge, report, extension approved on the working-day calendar, submit, sent back, resubmit, pass, strike")
    func wholeLoop() throws {
        var record = SupervisionRecord(assignedOn: day("2026-09-21"), due: day("2026-09-30"))
        record = try apply(.acknowledge, record, on: "2026-09-22")
        #expect(record.state == .inProgress && record.acknowledgedOn == day("2026-09-22"))
        record = try apply(.feedback, record, on: "2026-09-24")
        record = try apply(.feedback, record, on: "2026-09-28")
        #expect(record.feedbackCount == 2 && record.lastFeedbackOn == day("2026-09-28"))
        record = try apply(.requestExtension(workingDays: 3), record, on: "2026-09-29")
        #expect(record.state == .extensionRequested && !record.askedAfterDue)
        record = try apply(.approveExtension, record, on: "2026-09-29")
        // 9/30 + 3 working days across 国庆 (10/1–7 off, 10/8 Thu, 10/9 Fri, 10/10 Sat is a working day).
        #expect(record.due == day("2026-10-10"))
        #expect(record.originalDue == day("2026-09-30") && record.extendedWorkingDays == 3)
        record = try apply(.submit, record, on: "2026-10-09")
        #expect(record.state == .submitted)
        record = try apply(.sendBack, record, on: "2026-10-09")
        #expect(record.state == .inProgress && record.sentBack == 1 && record.due == day("2026-10-10"), "rework within the same limit")
        record = try apply(.submit, record, on: "2026-10-10")
        record = try apply(.pass, record, on: "2026-10-12")
        #expect(record.state == .closed && record.closedOn == day("2026-10-12"))
        #expect(record.closedOnTime == true, "submitted on the due date in force")
        record = try apply(.strike, record, on: "2026-10-13")
        #expect(record.state == .struckOff && record.struckOffOn == day("2026-10-13"))
        #expect(SupervisionMachine.applicable(to: record, on: day("2026-10-14"), rules: rules, calendar: calendar).isEmpty,
            "struck off is final")
        #expect(!record.wasRed)
    }

    @Test("an extension asked on or after the due date is recorded, and the closure counts as late")
    func lateExtension() throws {
        var record = SupervisionRecord(assignedOn: day("2026-11-02"), due: day("2026-11-13"))
        record = try apply(.acknowledge, record, on: "2026-11-02")
        record = try apply(.requestExtension(workingDays: 5), record, on: "2026-11-16")
        #expect(record.askedAfterDue && record.wasRed, "asked after the due date, while red")
        record = try apply(.approveExtension, record, on: "2026-11-16")
        #expect(record.due == day("2026-11-20"))
        record = try apply(.submit, record, on: "2026-11-18")
        record = try apply(.pass, record, on: "2026-11-18")
        #expect(record.closedOnTime == false)
        #expect(StatusLight.reading(record, on: day("2026-11-19"), rules: rules, calendar: calendar).wasRed, "曾超期 stays")
    }

    @Test("extensions are bounded by the task's total")
    func boundedExtension() throws {
        var rules = SupervisionRules()
        rules.maximumExtension = 15
        var record = SupervisionRecord(assignedOn: day("2026-11-02"), due: day("2026-11-30"))
        record = try apply(.acknowledge, record, on: "2026-11-02", rules: rules)
        record = try apply(.requestExtension(workingDays: 10), record, on: "2026-11-03", rules: rules)
        record = try apply(.approveExtension, record, on: "2026-11-03", rules: rules)
        #expect(throws: SupervisionError.self) { try apply(.requestExtension(workingDays: 6), record, on: "2026-11-04", rules: rules) }
        record = try apply(.requestExtension(workingDays: 5), record, on: "2026-11-04", rules: rules)
        record = try apply(.rejectExtension, record, on: "2026-11-04", rules: rules)
        #expect(record.state == .inProgress && record.extendedWorkingDays == 10 && record.requestedExtension == nil)
        #expect(throws: SupervisionError.self) { try apply(.requestExtension(workingDays: 0), record, on: "2026-11-04", rules: rules) }
    }

    @Test("a pause stops the clock: the due date moves by the working days paused")
    func pauseAndResume() throws {
        var rules = SupervisionRules()
        #expect(throws: SupervisionError.self) {
            try apply(.pause, SupervisionRecord(assignedOn: day("2026-11-02"), due: day("2026-11-20")), on: "2026-11-03")
        }
        rules.pausable = true
        var record = SupervisionRecord(assignedOn: day("2026-11-02"), due: day("2026-11-20"))
        record = try apply(.acknowledge, record, on: "2026-11-02", rules: rules)
        record = try apply(.pause, record, on: "2026-11-05", rules: rules)  // Thursday
        #expect(record.state == .paused && record.resumeTo == .inProgress)
        record = try apply(.resume, record, on: "2026-11-12", rules: rules)  // next Thursday: 5 working days paused
        #expect(record.state == .inProgress && record.pausedWorkingDays == 5)
        #expect(record.due == day("2026-11-27"))
    }

    @Test("waive from any open state; reopen from closed or waived; nothing applies twice")
    func waiveReopenAndRaces() throws {
        let fresh = SupervisionRecord(assignedOn: day("2026-11-02"), due: day("2026-11-20"))
        let waived = try apply(.waive, fresh, on: "2026-11-03")
        #expect(waived.state == .waived)
        #expect(throws: SupervisionError.notInState(.waived, .waive)) { try apply(.waive, waived, on: "2026-11-03") }
        let reopened = try apply(.reopen, waived, on: "2026-11-04")
        #expect(reopened.state == .inProgress && reopened.acknowledgedOn == day("2026-11-04"))
        #expect(throws: SupervisionError.notInState(.inProgress, .reopen)) { try apply(.reopen, reopened, on: "2026-11-04") }
        #expect(throws: SupervisionError.notInState(.assigned, .submit)) { try apply(.submit, fresh, on: "2026-11-03") }
        #expect(throws: SupervisionError.notInState(.assigned, .feedback)) { try apply(.feedback, fresh, on: "2026-11-03") }
    }
}

/// A small generator with a fixed seed, so a failing sequence is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct SupervisionPropertyTests {
    /// What must hold of every record the machine can reach.
    static func invariants(_ r: SupervisionRecord, rules: SupervisionRules) -> [String] {
        var broken: [String] = []
        // Where the record stands, looking through a pause to the state it resumes to.
        let standing = r.state == .paused ? (r.resumeTo ?? .paused) : r.state
        if (standing == .extensionRequested) != (r.requestedExtension != nil) { broken.append("pending request ⇔ 申请延期") }
        if (r.state == .paused) != (r.pausedSince != nil && r.resumeTo != nil) { broken.append("pause bookkeeping") }
        if r.due < r.originalDue { broken.append("the due date only moves later") }
        if (r.closedOn != nil) != (r.state == .closed || r.state == .struckOff) { broken.append("closedOn ⇔ closed") }
        if r.state == .struckOff, r.struckOffOn == nil { broken.append("struckOffOn") }
        if (r.state == .closed || r.state == .struckOff), r.submittedOn == nil { broken.append("closed without a report") }
        if standing != .assigned, standing != .waived, r.acknowledgedOn == nil { broken.append("worked without 签收") }
        if let maximum = rules.maximumExtension, r.extendedWorkingDays > maximum { broken.append("extension cap") }
        if r.resumeTo == .paused { broken.append("resume to paused") }
        return broken
    }

    @Test("random actions on random days never reach a broken record, never apply twice, never lose the 曾超期 mark",
        arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomSequences(seed: UInt64) throws {
        var rng = SplitMix64(state: seed)
        var rules = SupervisionRules()
        rules.pausable = seed % 2 == 0
        rules.maximumExtension = seed % 3 == 0 ? 10 : nil
        rules.feedback = .weekly
        for _ in 0..<200 {
            let assigned = day("2026-01-05").adding(days: Int.random(in: 0..<300, using: &rng))
            var record = SupervisionRecord(assignedOn: assigned, due: calendar.adding(workingDays: Int.random(in: 1...30, using: &rng), to: assigned))
            var today = assigned
            for _ in 0..<40 {
                today = today.adding(days: Int.random(in: 0...4, using: &rng))
                var action = SupervisionAction.all.randomElement(using: &rng)!
                if case .requestExtension = action { action = .requestExtension(workingDays: Int.random(in: 1...8, using: &rng)) }
                let before = record
                do {
                    record = try SupervisionMachine.apply(action, to: record, on: today, rules: rules, calendar: calendar)
                } catch {
                    #expect(record == before, "a refused action changes nothing")
                    continue
                }
                let broken = Self.invariants(record, rules: rules)
                #expect(broken.isEmpty, "\(action.name) on \(today) from \(before.state): \(broken)")
                #expect(!before.wasRed || record.wasRed, "曾超期 never goes away")
                if action != .feedback {
                    // Two clients racing with the same step: the second finds the state moved and is refused.
                    #expect(throws: SupervisionError.self) {
                        try SupervisionMachine.apply(action, to: record, on: today, rules: rules, calendar: calendar)
                    }
                }
                if record.state == .struckOff {
                    #expect(SupervisionMachine.applicable(to: record, on: today, rules: rules, calendar: calendar).isEmpty)
                }
            }
        }
    }
}
