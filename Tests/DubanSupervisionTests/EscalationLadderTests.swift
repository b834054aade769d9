import DubanCalendar
import DubanCore
import DubanSupervision
import Foundation
import Testing

/// The ladder on the real 2026 calendar: 中秋 9-25 off, 国庆 10-1..7 off, Saturday 10-10 worked.
@Suite struct EscalationLadderTests {
    let rules = EscalationRules()

    func events(_ item: LedgerItem, through text: String, rules: EscalationRules? = nil) -> [String] {
        EscalationLadder.events(for: item, through: day(text), rules: rules ?? self.rules, calendar: calendar)
            .map { "\($0.key.replacingOccurrences(of: "\(item.id)#ladder-", with: "")) \($0.day)" }
    }

    func level(_ item: LedgerItem, _ text: String, rules: EscalationRules? = nil) -> EscalationLevel? {
        EscalationLadder.level(for: item, on: day(text), rules: rules ?? self.rules, calendar: calendar)
    }

    /// Acknowledged at once, due Tue 9-29, never heard of again.
    func silent(_ id: String = "x", urgency: TaskUrgency = .normal, origin: String? = nil) throws -> Play {
        var play = Play(id, assigned: "2026-09-14", due: "2026-09-29", urgency: urgency, origin: origin)
        try play.step(.acknowledge, "2026-09-14")
        return play
    }

    @Test("a silent unit across 国庆: 催办, 督办单, 通报, then a 督办单 every 5 working days")
    func silentTimeline() throws {
        let item = try silent().item
        // Working days past 9-29: 9-30 (1); 10-8 (2), 10-9 (3), Sat 10-10 (4), 10-12 (5), 10-13 … 10-15 (8) …
        #expect(events(item, through: "2026-10-22") == [
            "chase 2026-09-30", "notice-1 2026-10-09", "circular 2026-10-12", "notice-2 2026-10-15",
            "notice-3 2026-10-22",
        ])
        #expect(level(item, "2026-09-29") == nil, "on the due date: reminders are the scheduler's")
        #expect(level(item, "2026-10-03") == .chase, "a holiday adds nothing")
        #expect(level(item, "2026-10-10") == .notice, "the 调休 Saturday counts")
        #expect(level(item, "2026-10-12") == .circular)
        let reading = try #require(EscalationLadder.reading(for: item, on: day("2026-10-09"), rules: rules, calendar: calendar))
        #expect(reading.limit == .due && reading.limitDay == day("2026-09-29"))
        #expect(reading.workingDaysPastLimit == 3 && reading.workingDaysWithoutProgress == 3)
    }

    @Test("a progress report resets the clock: S = max(limit, last progress)")
    func progressResets() throws {
        var play = try silent()
        try play.step(.feedback, "2026-10-09")
        // 10-9: N = 0 (提醒); 10-10 (1), 10-12 (2), 10-13 (3) 督办单, 10-14 (4), 10-15 (5) 通报; 10-16, 19, 20 …
        #expect(events(play.item, through: "2026-10-20") == [
            "chase 2026-09-30", "notice-1 2026-10-13", "circular 2026-10-15", "notice-2 2026-10-20",
        ])
        #expect(level(play.item, "2026-10-09") == .reminder, "past due, but reported today")
        #expect(level(play.item, "2026-10-10") == .chase, "催办 once; it does not fire again")
    }

    @Test("handed in, the ladder stops; sent back, the clock starts again on the day it comes back")
    func handedInAndBack() throws {
        var play = try silent()
        try play.step(.submit, "2026-10-08")
        #expect(level(play.item, "2026-10-20") == nil)
        #expect(events(play.item, through: "2026-10-20") == ["chase 2026-09-30"])
        try play.step(.sendBack, "2026-10-19")
        // Review took 10-9 … 10-16; counted from 10-19: 10-20 (1), 10-21 (2), 10-22 (3) 督办单.
        #expect(events(play.item, through: "2026-10-22") == ["chase 2026-09-30", "notice-1 2026-10-22"])
        try play.step(.submit, "2026-10-23")
        try play.step(.pass, "2026-10-26")
        #expect(events(play.item, through: "2027-06-30") == ["chase 2026-09-30", "notice-1 2026-10-22"])
        #expect(level(play.item, "2026-10-27") == nil)
    }

    @Test("not acknowledged: the ladder runs from the 签收时限; after a late 签收 from the due date")
    func unacknowledged() throws {
        // Assigned Fri 11-06: acknowledge by Mon 11-09. Due Mon 11-30.
        var play = Play("u", assigned: "2026-11-06", due: "2026-11-30")
        #expect(events(play.item, through: "2026-11-16") == [
            "chase 2026-11-10", "notice-1 2026-11-12", "circular 2026-11-16",
        ])
        let reading = try #require(EscalationLadder.reading(for: play.item, on: day("2026-11-12"), rules: rules, calendar: calendar))
        #expect(reading.limit == .acknowledgement && reading.limitDay == day("2026-11-09") && reading.workingDaysPastLimit == 3)
        try play.step(.acknowledge, "2026-11-17")
        #expect(level(play.item, "2026-11-30") == nil, "acknowledged, not due yet")
        // Past the due date: 12-1 (1), 12-2 (2), 12-3 (3) → 督办单 again, 5+ working days after the first.
        #expect(events(play.item, through: "2026-12-03") == [
            "chase 2026-11-10", "notice-1 2026-11-12", "circular 2026-11-16", "notice-2 2026-12-03",
        ])
        let late = try #require(EscalationLadder.events(for: play.item, through: day("2026-12-03"), rules: rules, calendar: calendar).last)
        #expect(late.limit == .due && late.round == 2 && late.workingDaysPastLimit == 3)
    }

    @Test("特急 and 领导批示 start at 催办; a higher start level skips 催办")
    func startLevel() throws {
        // Due Fri 11-13; Sat 11-14 is past it with no working day yet.
        let normal = try Play("n", assigned: "2026-11-02", due: "2026-11-13").playing([(.acknowledge, "2026-11-02")])
        let urgent = try Play("e", assigned: "2026-11-02", due: "2026-11-13", urgency: .extraUrgent)
            .playing([(.acknowledge, "2026-11-02")])
        let instructed = try Play("l", assigned: "2026-11-02", due: "2026-11-13", origin: "领导批示")
            .playing([(.acknowledge, "2026-11-02")])
        let merelyUrgent = try Play("m", assigned: "2026-11-02", due: "2026-11-13", urgency: .urgent)
            .playing([(.acknowledge, "2026-11-02")])
        #expect(level(normal, "2026-11-14") == .reminder)
        #expect(level(urgent, "2026-11-14") == .chase)
        #expect(level(instructed, "2026-11-14") == .chase)
        #expect(level(merelyUrgent, "2026-11-14") == .reminder, "急办 is not in the default list")
        var slow = rules
        slow.chaseAfter = 2
        #expect(events(normal, through: "2026-11-17", rules: slow) == ["chase 2026-11-17"])
        #expect(events(urgent, through: "2026-11-17", rules: slow) == ["chase 2026-11-16"])
        var high = rules
        high.startLevel = .notice
        #expect(events(urgent, through: "2026-11-16", rules: high) == ["notice-1 2026-11-16"], "no 催办 below the start")
        #expect(events(normal, through: "2026-11-16", rules: high) == ["chase 2026-11-16"])
        // Starting at 督办单, the notices repeat whatever the progress.
        var reporting = Play("r", assigned: "2026-11-02", due: "2026-11-13", urgency: .extraUrgent)
        try reporting.step(.acknowledge, "2026-11-02")
        for text in ["2026-11-17", "2026-11-19", "2026-11-23"] { try reporting.step(.feedback, text) }
        #expect(events(reporting.item, through: "2026-11-23", rules: high) == ["notice-1 2026-11-16", "notice-2 2026-11-23"])
    }

    @Test("paused, waived or closed: nothing to press; resumed, the due date has moved")
    func notPressed() throws {
        var rules = SupervisionRules()
        rules.pausable = true
        var play = Play("p", assigned: "2026-11-02", due: "2026-11-13", rules: rules)
        try play.step(.acknowledge, "2026-11-02")
        try play.step(.pause, "2026-11-12")
        #expect(level(play.item, "2026-11-20") == nil)
        try play.step(.resume, "2026-11-19")  // 5 working days paused: due 11-20
        #expect(play.item.record.due == day("2026-11-20"))
        #expect(level(play.item, "2026-11-20") == nil)
        #expect(events(play.item, through: "2026-11-23") == ["chase 2026-11-23"])
        try play.step(.waive, "2026-11-24")
        #expect(level(play.item, "2026-11-25") == nil)
        #expect(events(play.item, through: "2026-12-31") == ["chase 2026-11-23"])
    }

    @Test("keys: stable across computations, unique, one per rung (督办单 numbered by round)")
    func keys() throws {
        let item = try silent("plan/task/2026-09-29").item
        let early = EscalationLadder.events(for: item, through: day("2026-10-15"), rules: rules, calendar: calendar)
        let late = EscalationLadder.events(for: item, through: day("2026-12-31"), rules: rules, calendar: calendar)
        #expect(Array(late.prefix(early.count)) == early)
        #expect(Set(late.map(\.key)).count == late.count)
        #expect(late.map(\.key).prefix(4) == [
            "plan/task/2026-09-29#ladder-chase", "plan/task/2026-09-29#ladder-notice-1",
            "plan/task/2026-09-29#ladder-circular", "plan/task/2026-09-29#ladder-notice-2",
        ])
        #expect(late.filter { $0.level == .notice }.map(\.round) == Array(1...late.filter { $0.level == .notice }.count))
    }

    @Test("rules: defaults, partial configuration, refusals")
    func rulesCoding() throws {
        let decoded = try JSONDecoder().decode(EscalationRules.self, from: Data("{}".utf8))
        #expect(decoded == EscalationRules())
        #expect(decoded.chaseAfter == 1 && decoded.noticeAfter == 3 && decoded.circularAfter == 5)
        #expect(decoded.noticeRepeatEvery == 5 && decoded.startLevel == .chase && decoded.startLevelOrigins == ["领导批示"])
        #expect(decoded.noticePrefix == "督" && decoded.replyWithin == 3 && decoded.startLevelUrgencies == [.extraUrgent])
        let partial = try JSONDecoder().decode(
            EscalationRules.self, from: Data(#"{"noticeAfter": 2, "noticePrefix": "临教督", "startLevel": "notice"}"#.utf8))
        #expect(partial.noticeAfter == 2 && partial.noticePrefix == "临教督" && partial.startLevel == .notice && partial.circularAfter == 5)
        let again = try JSONDecoder().decode(EscalationRules.self, from: try JSONEncoder().encode(partial))
        #expect(again == partial)
        for bad in [#"{"chaseAfter": 4}"#, #"{"noticeRepeatEvery": 0}"#, #"{"circularAfter": -1}"#, #"{"noticePrefix": ""}"#] {
            #expect(throws: DecodingError.self, "\(bad)") { try JSONDecoder().decode(EscalationRules.self, from: Data(bad.utf8)) }
        }
        #expect(EscalationLevel.allCases.sorted() == [.reminder, .chase, .notice, .circular])
        #expect(EscalationLevel.allCases.map(\.zh) == ["提醒", "催办", "督办单", "通报"])
    }
}
