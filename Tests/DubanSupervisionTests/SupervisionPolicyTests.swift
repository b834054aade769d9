import DubanCore
import DubanSupervision
import Testing

/// The policy as a matrix: every role × every request on an occurrence of a county (lead) with a co-unit.
@Suite struct SupervisionPolicyTests {
    // prefecture ── county-a ── school-a1
    //            └─ county-b
    let directory = OrgDirectory(units: [
        OrgUnit(id: "prefecture", name: "州教育局", kind: .prefecture, parent: nil, contacts: []),
        OrgUnit(id: "county-a", name: "甲县教育局", kind: .county, parent: "prefecture", contacts: []),
        OrgUnit(id: "county-b", name: "乙县教育局", kind: .county, parent: "prefecture", contacts: []),
        OrgUnit(id: "school-a1", name: "甲县一中", kind: .school, parent: "county-a", contacts: []),
    ])

    enum Who: String, CaseIterable {
        case officerA, leaderA, officerB, leaderB, leaderPrefecture, officerPrefecture, officerSchool, supervisor, admin, nobody
        var roles: [SupervisionRole] {
            switch self {
            case .officerA: [.officer(unit: "county-a")]
            case .leaderA: [.leader(unit: "county-a")]
            case .officerB: [.officer(unit: "county-b")]
            case .leaderB: [.leader(unit: "county-b")]
            case .leaderPrefecture: [.leader(unit: "prefecture")]
            case .officerPrefecture: [.officer(unit: "prefecture")]
            case .officerSchool: [.officer(unit: "school-a1")]
            case .supervisor: [.supervisor]
            case .admin: [.admin]
            case .nobody: []
            }
        }
    }

    /// The expected matrix, written out from the table in ``SupervisionPolicy``: county-a leads, county-b co-works.
    func expected(_ who: Who, _ request: SupervisionRequest) -> Bool {
        let lead: Set<Who> = [.officerA, .leaderA]
        let co: Set<Who> = [.officerB, .leaderB]
        switch request {
        case .read: return lead.union(co).union([.leaderPrefecture, .officerPrefecture, .supervisor, .admin]).contains(who)
        case .act(let action):
            switch action {
            case .acknowledge, .requestExtension, .submit: return lead.union([.admin]).contains(who)
            case .feedback: return lead.union(co).union([.admin]).contains(who)
            case .approveExtension, .rejectExtension, .pass, .sendBack: return [.leaderPrefecture, .supervisor, .admin].contains(who)
            case .strike, .pause, .resume: return [.supervisor, .admin].contains(who)
            case .waive, .reopen: return who == .admin
            }
        }
    }

    @Test("every role × every request", arguments: Who.allCases)
    func matrix(who: Who) {
        for request in [SupervisionRequest.read] + SupervisionAction.all.map(SupervisionRequest.act) {
            let decision = SupervisionPolicy.decide(
                request, roles: who.roles, unit: "county-a", coUnits: ["county-b"], directory: directory)
            let allowed = decision == .allowed
            #expect(allowed == expected(who, request), "\(who) \(request)")
            if case .denied(let zh, let en) = decision {
                #expect(!zh.isEmpty && !en.isEmpty, "a refusal says which role is needed")
                #expect(zh.contains("需要") || zh.contains("只能"))
            }
        }
    }

    @Test("a unit's own leader does not review its own work; a school's officer cannot see its county's items")
    func noSelfReview() {
        #expect(SupervisionPolicy.decide(.act(.pass), roles: [.leader(unit: "county-a")], unit: "county-a", directory: directory) != .allowed)
        #expect(SupervisionPolicy.decide(.act(.pass), roles: [.leader(unit: "county-a")], unit: "school-a1", directory: directory) == .allowed)
        #expect(SupervisionPolicy.decide(.read, roles: [.officer(unit: "school-a1")], unit: "county-a", directory: directory) != .allowed)
        #expect(SupervisionPolicy.decide(.read, roles: [.officer(unit: "county-a")], unit: "school-a1", directory: directory) == .allowed)
        #expect(SupervisionPolicy.decide(.act(.submit), roles: [.officer(unit: "county-a")], unit: "school-a1", directory: directory) != .allowed,
            "a county officer reads the school's items but does not act for the school")
    }
}

@Suite struct StatusLightTests {
    let rules: SupervisionRules = {
        var rules = SupervisionRules()
        rules.feedback = .weekly
        return rules
    }()

    func light(_ record: SupervisionRecord, _ text: String, behindPace: Bool = false) -> StatusLight.Reading {
        StatusLight.reading(record, on: day(text), rules: rules, calendar: calendar, behindPace: behindPace)
    }

    @Test("red: overdue, or not acknowledged past the 签收时限 (one working day)")
    func red() throws {
        let record = SupervisionRecord(assignedOn: day("2026-11-06"), due: day("2026-11-30"))  // a Friday
        #expect(light(record, "2026-11-09").light == .green, "Monday is the one working day to acknowledge")
        let late = light(record, "2026-11-10")
        #expect(late.light == .red && late.reasons == [.notAcknowledged] && late.wasRed)
        var acknowledged = try SupervisionMachine.apply(.acknowledge, to: record, on: day("2026-11-10"), rules: rules, calendar: calendar)
        #expect(acknowledged.wasRed, "acknowledged late: 曾超期")
        acknowledged.lastFeedbackOn = day("2026-11-30")
        #expect(light(acknowledged, "2026-12-01").reasons == [.overdue])
    }

    @Test("yellow: due within 3 working days, behind pace, or a weekly report missing; green otherwise")
    func yellow() throws {
        var record = SupervisionRecord(assignedOn: day("2026-11-02"), due: day("2026-11-30"))
        record = try SupervisionMachine.apply(.acknowledge, to: record, on: day("2026-11-02"), rules: rules, calendar: calendar)
        #expect(light(record, "2026-11-05").light == .green)
        #expect(light(record, "2026-11-05", behindPace: true).reasons == [.behindPace])
        #expect(light(record, "2026-11-10").reasons == [.feedbackMissing], "a week after 签收 without a report")
        record.lastFeedbackOn = day("2026-11-24")
        #expect(light(record, "2026-11-25").reasons == [.dueSoon], "3 working days left: 26, 27, 30")
        #expect(light(record, "2026-11-24").light == .green, "4 working days left")
        record.state = .submitted
        #expect(light(record, "2026-12-05").reasons == [.awaitingReview], "handed in: waiting on the review is not the unit's delay")
    }

    @Test("every light has a symbol and a word")
    func words() {
        for light in StatusLight.allCases { #expect(!light.symbol.isEmpty && !light.zh.isEmpty) }
        for reason in StatusLight.Reason.allCases { #expect(!reason.zh.isEmpty) }
    }
}
