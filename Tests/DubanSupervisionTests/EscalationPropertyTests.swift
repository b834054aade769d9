import DubanCalendar
import DubanCore
import DubanSupervision
import Foundation
import Testing

@Suite struct EscalationPropertyTests {
    /// A random item: random urgency and origin, random steps on random days (the machine refusing what does not
    /// apply), as the store would record them.
    static func randomItem(_ index: Int, using rng: inout SplitMix64) -> LedgerItem {
        var rules = SupervisionRules()
        rules.pausable = Bool.random(using: &rng)
        rules.feedback = [nil, .weekly, .workingDays(3)].randomElement(using: &rng)!
        let assigned = day("2026-08-03").adding(days: Int.random(in: 0..<120, using: &rng))
        let due = calendar.adding(workingDays: Int.random(in: 1...25, using: &rng), to: assigned)
        var play = Play(
            "item-\(index)", assigned: assigned.description, due: due.description,
            urgency: TaskUrgency.allCases.randomElement(using: &rng)!,
            origin: [nil, "领导批示", "会议议定", "上级交办"].randomElement(using: &rng)!, rules: rules)
        var today = assigned
        for _ in 0..<Int.random(in: 0...14, using: &rng) {
            today = today.adding(days: Int.random(in: 0...9, using: &rng))
            var action = SupervisionAction.all.randomElement(using: &rng)!
            if case .requestExtension = action { action = .requestExtension(workingDays: Int.random(in: 1...6, using: &rng)) }
            _ = try? play.step(action, today.description)
        }
        return play.item
    }

    static func randomRules(using rng: inout SplitMix64) -> EscalationRules {
        var rules = EscalationRules()
        rules.chaseAfter = Int.random(in: 0...2, using: &rng)
        rules.noticeAfter = rules.chaseAfter + Int.random(in: 0...3, using: &rng)
        rules.circularAfter = rules.noticeAfter + Int.random(in: 0...4, using: &rng)
        rules.noticeRepeatEvery = Int.random(in: 1...6, using: &rng)
        rules.startLevel = EscalationLevel.allCases.randomElement(using: &rng)!
        return rules
    }

    @Test("events through a later day start with the events through an earlier one; keys unique; working days; each event at its level",
        arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func prefixStable(seed: UInt64) throws {
        var rng = SplitMix64(state: seed)
        var fired: [EscalationLevel: Int] = [:]
        for index in 0..<150 {
            let item = Self.randomItem(index, using: &rng)
            let rules = Self.randomRules(using: &rng)
            let late = day("2026-08-03").adding(days: Int.random(in: 30...400, using: &rng))
            let early = late.adding(days: -Int.random(in: 0...200, using: &rng))
            let all = EscalationLadder.events(for: item, through: late, rules: rules, calendar: calendar)
            let some = EscalationLadder.events(for: item, through: early, rules: rules, calendar: calendar)
            #expect(Array(all.prefix(some.count)) == some, "\(item.id) through \(early) vs \(late)")
            #expect(all.filter { $0.day <= early } == some, "exactly the earlier events")
            #expect(Set(all.map(\.key)).count == all.count, "\(item.id): keys unique")
            #expect(zip(all, all.dropFirst()).allSatisfy { $0.day <= $1.day }, "in order")
            for event in all {
                fired[event.level, default: 0] += 1
                #expect(calendar.isWorkingDay(event.day) && event.day <= late)
                let level = EscalationLadder.level(for: item, on: event.day, rules: rules, calendar: calendar)
                #expect(level.map { $0 >= event.level } == true, "\(event.key) on \(event.day): \(String(describing: level))")
                #expect(item.state(on: event.day).awaitsUnit)
            }
            let rounds = all.compactMap(\.round)
            #expect(rounds == Array(rounds.indices.map { $0 + 1 }), "督办单 rounds count 1, 2, 3 …")
        }
        // Not vacuous: the random items climb every rung.
        #expect(fired[.chase, default: 0] > 10 && fired[.notice, default: 0] > 10 && fired[.circular, default: 0] > 10, "\(fired)")
    }
}
