import DubanPluginProtocol
import Testing

@Suite struct ResultValidationTests {
    private func event(_ key: String) -> NotifyEvent {
        NotifyEvent(
            key: key, kind: "due", severity: "info", locale: "en",
            occurrence: NotifyOccurrence(
                id: "o", plan: "p", planTitle: "P", task: "t", taskTitle: "T", org: "u", orgName: "U", period: "once",
                due: "2025-01-02", dueAt: "2025-01-02T17:30:00+08:00", workingDaysLeft: 1),
            recipients: [], subject: LocalizedString(zhHans: "s", en: "s"), text: LocalizedString(zhHans: "t", en: "t"))
    }

    @Test func notifyKeysMustComeFromTheRequest() throws {
        let params = NotifyParams(events: [event("a"), event("b")])
        try NotifyResult(delivered: ["a"], failed: [NotifyFailure(key: "b", error: "x", retryable: true)]).validate(against: params)
        try NotifyResult(delivered: []).validate(against: params)
        #expect(throws: PluginProtocolError.self) { try NotifyResult(delivered: ["c"]).validate(against: params) }
        #expect(throws: PluginProtocolError.self) {
            try NotifyResult(delivered: ["a"], failed: [NotifyFailure(key: "a", error: "x", retryable: false)]).validate(against: params)
        }
        #expect(throws: PluginProtocolError.self) {
            try NotifyResult(delivered: [], failed: [NotifyFailure(key: "z", error: "x", retryable: false)]).validate(against: params)
        }
    }

    @Test func checkResultsMustBeSane() throws {
        let params = CheckParams(
            task: CheckTask(plan: "p", id: "t", title: "T", kind: "quota"),
            occurrences: [CheckOccurrence(id: "o1", org: "a", period: "once", due: "2025-01-02")], settings: .emptyObject)
        try CheckResult(results: [CheckOutcome(occurrence: "o1", progress: 2, evidence: "2 reports")]).validate(against: params)
        try CheckResult(results: []).validate(against: params)
        let bad: [CheckOutcome] = [
            CheckOutcome(occurrence: "o2", state: .done, evidence: "e"),
            CheckOutcome(occurrence: "o1", progress: 0, evidence: "e"),
            CheckOutcome(occurrence: "o1", progress: .infinity, evidence: "e"),
            CheckOutcome(occurrence: "o1", reading: .nan, evidence: "e"),
            CheckOutcome(occurrence: "o1", state: .done, evidence: ""),
            CheckOutcome(occurrence: "o1", state: .done, evidence: String(repeating: "x", count: 4_001)),
        ]
        for outcome in bad {
            #expect(throws: PluginProtocolError.self, "\(outcome)") {
                try CheckResult(results: [outcome]).validate(against: params)
            }
        }
        #expect(throws: PluginProtocolError.self) {
            try CheckResult(results: [CheckOutcome(occurrence: "o1", evidence: "a"), CheckOutcome(occurrence: "o1", evidence: "b")])
                .validate(against: params)
        }
    }

    @Test func importResultMustBeSane() throws {
        try ImportResult(planYAML: "id: x", items: 0).validate()
        #expect(throws: PluginProtocolError.self) { try ImportResult(planYAML: "", items: 0).validate() }
        #expect(throws: PluginProtocolError.self) { try ImportResult(planYAML: "x", items: -1).validate() }
        #expect(throws: PluginProtocolError.self) {
            try ImportResult(planYAML: "x", items: 1, unmapped: [UnmappedLine(line: 0, text: "")]).validate()
        }
    }
}
