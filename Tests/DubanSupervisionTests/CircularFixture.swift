import DubanCore
import DubanSupervision

/// A hand-built month: six county bureaus, November 2026, read on Fri 12-04 (cut-off Mon 11-30). The figures
/// each test expects are worked out by hand beside the items.
enum CircularFixture {
    static let names = [
        "county-a": "甲县教育局", "county-b": "乙县教育局", "county-c": "丙县教育局", "county-d": "丁县教育局",
        "county-e": "戊县教育局", "county-f": "己县教育局",
    ]

    static func play(
        _ id: String, _ unit: String, assigned: String = "2026-11-02", due: String, urgency: TaskUrgency = .normal,
        coUnits: [String] = [], feedback: FeedbackCadence? = nil, _ steps: [(SupervisionAction, String)]
    ) throws -> LedgerItem {
        var rules = SupervisionRules()
        rules.feedback = feedback
        return try Play(
            id, unit: unit, unitName: names[unit], coUnits: coUnits, assigned: assigned, due: due, urgency: urgency,
            rules: rules
        ).playing(steps)
    }

    static func items() throws -> [LedgerItem] {
        [
            // 甲县: Oct 0/1 (a0 late). Nov: due a1 a2 a3 a5; a3 waived; on time a1 a2 (a5 passes after 12-04):
            // 2/3 = 66.7%, +66.7 points; a2 sent back once.
            try play("a0", "county-a", assigned: "2026-10-08", due: "2026-10-16",
                [(.acknowledge, "2026-10-08"), (.submit, "2026-10-20"), (.pass, "2026-10-21")]),
            try play("a1", "county-a", due: "2026-11-13", [(.acknowledge, "2026-11-02"), (.submit, "2026-11-12"), (.pass, "2026-11-16")]),
            try play("a2", "county-a", due: "2026-11-20", [
                (.acknowledge, "2026-11-03"), (.submit, "2026-11-19"), (.sendBack, "2026-11-20"), (.submit, "2026-11-20"),
                (.pass, "2026-11-23"),
            ]),
            try play("a3", "county-a", due: "2026-11-27", [(.waive, "2026-11-10")]),
            try play("a4", "county-a", due: "2026-12-10", [(.acknowledge, "2026-11-02")]),
            try play("a5", "county-a", due: "2026-11-27", [(.acknowledge, "2026-11-02"), (.submit, "2026-11-26"), (.pass, "2026-12-07")]),
            // 乙县: Oct 1/1 (b0). Nov: due b1..b4; on time b4 only: 1/4 = 25.0%, −75.0 points; b1 late; b2 (急办) and
            // b3 overdue; b3 never acknowledged (limit 11-17).
            try play("b0", "county-b", assigned: "2026-10-08", due: "2026-10-23",
                [(.acknowledge, "2026-10-08"), (.submit, "2026-10-22"), (.pass, "2026-10-23")]),
            try play("b1", "county-b", due: "2026-11-13", coUnits: ["county-d"],
                [(.acknowledge, "2026-11-02"), (.submit, "2026-11-18"), (.pass, "2026-11-19")]),
            try play("b2", "county-b", due: "2026-11-20", urgency: .urgent, coUnits: ["county-c"], [(.acknowledge, "2026-11-03")]),
            try play("b3", "county-b", assigned: "2026-11-16", due: "2026-11-25", coUnits: ["county-d"], []),
            try play("b4", "county-b", due: "2026-11-27", [(.acknowledge, "2026-11-02"), (.submit, "2026-11-26"), (.pass, "2026-12-02")]),
            // 丙县: 1/2 = 50.0%, nothing overdue.
            try play("c1", "county-c", due: "2026-11-13", [(.acknowledge, "2026-11-02"), (.submit, "2026-11-13"), (.pass, "2026-11-13")]),
            try play("c2", "county-c", due: "2026-11-20", [(.acknowledge, "2026-11-02"), (.submit, "2026-11-24"), (.pass, "2026-11-25")]),
            // 丁县: 2/4 = 50.0%, d4 overdue (weekly reports: 11-16 and 11-30 missed; 乙县 co-works on it).
            try play("d1", "county-d", due: "2026-11-13", [(.acknowledge, "2026-11-02"), (.submit, "2026-11-12"), (.pass, "2026-11-13")]),
            try play("d2", "county-d", due: "2026-11-20", [(.acknowledge, "2026-11-02"), (.submit, "2026-11-23"), (.pass, "2026-11-24")]),
            try play("d3", "county-d", due: "2026-11-25", [(.acknowledge, "2026-11-02"), (.submit, "2026-11-25"), (.pass, "2026-11-26")]),
            try play("d4", "county-d", due: "2026-11-25", coUnits: ["county-b"], feedback: .weekly,
                [(.acknowledge, "2026-11-02"), (.feedback, "2026-11-06"), (.feedback, "2026-11-20")]),
            // 戊县: nothing due in November.
            try play("e1", "county-e", due: "2026-12-15", [(.acknowledge, "2026-11-02")]),
            // 己县: 1/2 = 50.0%, nothing overdue: tied with 丙县.
            try play("f1", "county-f", due: "2026-11-13", [(.acknowledge, "2026-11-02"), (.submit, "2026-11-13"), (.pass, "2026-11-16")]),
            try play("f2", "county-f", due: "2026-11-20", [(.acknowledge, "2026-11-02"), (.submit, "2026-11-23"), (.pass, "2026-11-23")]),
        ]
    }
}
