import DubanCalendar
import DubanCore
import DubanSupervision
import Foundation
import Testing

/// An item played through the machine, each step recorded as the store records it.
struct Play {
    var item: LedgerItem

    init(
        _ id: String, unit: String = "county-a", unitName: String? = nil, coUnits: [String] = [],
        assigned: String, due: String, urgency: TaskUrgency = .normal, origin: String? = nil,
        rules: SupervisionRules = SupervisionRules()
    ) {
        item = LedgerItem(
            id: id, plan: "plan-2026", task: "task-\(id)", title: "事项\(id)", unit: unit,
            unitName: unitName ?? unit, coUnits: coUnits, urgency: urgency, origin: origin,
            record: SupervisionRecord(assignedOn: day(assigned), due: day(due)), rules: rules)
    }

    @discardableResult
    mutating func step(_ action: SupervisionAction, _ text: String) throws -> Play {
        let before = item.record
        let after = try SupervisionMachine.apply(action, to: before, on: day(text), rules: item.rules, calendar: calendar)
        var days: Int?
        if case .requestExtension(let n) = action { days = n }
        item.steps.append(
            SupervisionStep(
                action: action.name, from: before.state, to: after.state, day: day(text),
                at: Date(timeIntervalSince1970: 0), user: "tester", workingDays: days, due: after.due,
                requestID: "\(item.id)-\(item.steps.count)"))
        item.record = after
        return self
    }

    /// Steps given as (action, day) pairs.
    func playing(_ steps: [(SupervisionAction, String)]) throws -> LedgerItem {
        var play = self
        for (action, text) in steps { try play.step(action, text) }
        return play.item
    }
}

@Suite struct LedgerItemTests {
    @Test("the history as of a day: state, due date in force, last progress, last hand-back")
    func history() throws {
        let item = try Play("h", assigned: "2026-11-02", due: "2026-11-13").playing([
            (.acknowledge, "2026-11-03"), (.feedback, "2026-11-06"), (.requestExtension(workingDays: 5), "2026-11-10"),
            (.approveExtension, "2026-11-11"), (.submit, "2026-11-18"), (.sendBack, "2026-11-19"),
        ])
        #expect(item.state(on: day("2026-11-02")) == .assigned)
        #expect(item.state(on: day("2026-11-10")) == .extensionRequested)
        #expect(item.state(on: day("2026-11-19")) == .inProgress)
        #expect(item.due(on: day("2026-11-10")) == day("2026-11-13"))
        #expect(item.due(on: day("2026-11-11")) == day("2026-11-20"), "13 + 5 working days")
        #expect(item.lastProgressDay(onOrBefore: day("2026-11-02")) == day("2026-11-02"), "assigned, nothing yet")
        #expect(item.lastProgressDay(onOrBefore: day("2026-11-12")) == day("2026-11-10"), "the extension request")
        #expect(item.lastProgressDay == day("2026-11-18"), "the submit; a send-back is not progress")
        #expect(item.lastHandedBackDay(onOrBefore: day("2026-11-18")) == nil)
        #expect(item.lastHandedBackDay(onOrBefore: day("2026-11-30")) == day("2026-11-19"))
    }

    @Test("with no steps, the record alone")
    func recordOnly() {
        var record = SupervisionRecord(assignedOn: day("2026-11-02"), due: day("2026-11-13"))
        record.state = .inProgress
        record.acknowledgedOn = day("2026-11-03")
        record.lastFeedbackOn = day("2026-11-09")
        let item = LedgerItem(id: "r", plan: "p", task: "t", title: "t", unit: "u", unitName: "u", record: record)
        #expect(item.state(on: day("2026-11-01")) == .inProgress)
        #expect(item.lastProgressDay(onOrBefore: day("2026-11-05")) == day("2026-11-03"))
        #expect(item.lastProgressDay == day("2026-11-09"))
    }

    @Test("missed weekly reports: fixed windows from 签收, a report counts in its own window only")
    func missedWeekly() throws {
        var rules = SupervisionRules()
        rules.feedback = .weekly
        // Windows from 签收 on Mon 11-02: [11-02, 11-09], (11-09, 11-16], (11-16, 11-23], (11-23, 11-30].
        let item = try Play("w", assigned: "2026-11-02", due: "2026-12-31", rules: rules).playing([
            (.acknowledge, "2026-11-02"), (.feedback, "2026-11-06"), (.feedback, "2026-11-20"),
            (.feedback, "2026-11-21"),
        ])
        #expect(item.missedFeedback(through: day("2026-11-15"), calendar: calendar).isEmpty)
        #expect(item.missedFeedback(through: day("2026-11-16"), calendar: calendar) == [day("2026-11-16")])
        // Two reports in one window do not make up for the empty one before it.
        #expect(item.missedFeedback(through: day("2026-11-30"), calendar: calendar) == [day("2026-11-16"), day("2026-11-30")])
        #expect(item.missedFeedbackCount(through: day("2026-11-30"), calendar: calendar) == 2)
    }

    @Test("missed reports every 5 working days across 国庆; none while handed in, none without a cadence")
    func missedWorkingDays() throws {
        var rules = SupervisionRules()
        rules.feedback = .workingDays(5)
        // From 签收 on Wed 9-23: 9-24, 9-28, 9-29, 9-30, 10-8 (中秋 9-25, 国庆 10-1..7 off) → due 10-8; then 10-9, 10-10 (Sat,
        // a working day), 10-12, 10-13, 10-14 → due 10-14; then 10-21.
        let item = try Play("d", assigned: "2026-09-22", due: "2026-12-31", rules: rules).playing([
            (.acknowledge, "2026-09-23"), (.feedback, "2026-09-30"), (.submit, "2026-10-13"),
        ])
        #expect(item.missedFeedback(through: day("2026-10-31"), calendar: calendar).isEmpty,
            "10-8 had the 9-30 report; 10-14 and later fall while the report is handed in")
        var silent = try Play("s", assigned: "2026-09-22", due: "2026-12-31", rules: rules).playing([(.acknowledge, "2026-09-23")])
        #expect(silent.missedFeedback(through: day("2026-10-21"), calendar: calendar)
            == [day("2026-10-08"), day("2026-10-14"), day("2026-10-21")])
        silent.rules.feedback = nil
        #expect(silent.missedFeedback(through: day("2026-10-21"), calendar: calendar).isEmpty)
    }
}
