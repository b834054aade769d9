import DubanCalendar
import DubanCore
import DubanPlanFiles
import DubanTesting
import Foundation
import Testing

/// The bundled examples, loaded from disk and expanded on the shipped calendar, say what the documents say.
@Suite struct ExampleScheduleTests {
    let schedule: Schedule

    init() throws {
        let sources = try PlanSources.resolve(paths: [Fixtures.examples.path], org: nil)
        let set = try PlanSetLoader.load(sources)
        schedule = Schedule(plans: set.plans, directory: set.directory, calendar: WorkingDayCalendar(years: CalendarLoader.bundledYears()), schoolCalendars: set.schoolCalendars)
    }

    func occurrences(_ plan: String, _ task: String) throws -> [Occurrence] {
        let index = try #require(schedule.taskIndex(plan: plan, task: task))
        return schedule.occurrences(ofTask: index, from: .startOfYear(2020), through: .endOfYear(2030))
    }

    /// The batch identities the store is synced with are exactly the one-at-a-time ids, for every occurrence of
    /// the examples (school-term periods, yearly milestones, cycles and one-offs included).
    @Test func batchIdentitiesMatchOneAtATimeIDs() {
        let all = schedule.expand(from: .startOfYear(2000), through: .endOfYear(2030))
        var seen = 0
        var mismatches: [String] = []
        schedule.forEachIdentity(of: all) { occurrence, identity in
            seen += 1
            if identity.id != schedule.id(of: occurrence) || identity.plan != schedule.plan(of: occurrence).id
                || identity.task != schedule.task(of: occurrence).id || identity.org != schedule.unit(of: occurrence).id
            {
                mismatches.append(identity.id + " ≠ " + schedule.id(of: occurrence))
            }
        }
        #expect(seen == all.count)
        #expect(all.count > 600)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func networkUpgradeFansOutToEveryCountyAndTheSchools() throws {
        let all = try occurrences("linxia-it-2022", "network-upgrade")
        #expect(all.count == 9)
        #expect(all.allSatisfy { $0.due == CivilDate(year: 2022, month: 8, day: 31)! })
        #expect(Set(all.compactMap { schedule.rollupUnit(of: $0)?.id }) == ["linxia"])
        #expect(schedule.id(of: all[0]) == "linxia-it-2022/network-upgrade/dongxiang/once")
    }

    @Test func prefectureTrainingQuotaIsYearly() throws {
        let all = try occurrences("linxia-it-2022", "prefecture-principal-training")
        #expect(all.map { schedule.periodKey(of: $0) } == ["2022", "2023", "2024", "2025"])
        #expect(all.allSatisfy { schedule.quotaShare(of: $0) == 300 })
        #expect(schedule.task(of: all[0]).quota?.cycle == QuotaCycle(years: 4, rounds: 1))
    }

    @Test func inspectionsTwiceAYearFor2022And2023() throws {
        let all = try occurrences("linxia-it-2022", "security-inspections").filter { schedule.unit(of: $0).id == "kangle" }
        #expect(all.map(\.nominalDue.description) == ["2022-06-30", "2022-12-31", "2023-06-30", "2023-12-31"])
        // 2022-12-31 is a Saturday and 2023-01-02 the New Year holiday: rolled to the next working day.
        #expect(all[1].due == CivilDate(year: 2023, month: 1, day: 3)!)
    }

    @Test func partyBuildingCycleHasThreePointsAYear() throws {
        let start = try occurrences("baoshan-2023", "party-year-start-plan").filter { schedule.unit(of: $0).id == "tengchong" }
        let mid = try occurrences("baoshan-2023", "party-mid-year-push").filter { schedule.unit(of: $0).id == "tengchong" }
        #expect(start.map(\.nominalDue.description) == ["2023-03-31", "2024-03-31", "2025-03-31"])
        #expect(mid.map(\.nominalDue.description) == ["2023-06-30", "2024-06-30", "2025-06-30"])
    }

    @Test func springTermDeadlineFollowsTheSchoolCalendars() throws {
        let index = try #require(schedule.tasks.firstIndex { $0.task.due?.text == "2022年春季学期末前" })
        let all = schedule.occurrences(ofTask: index, from: .startOfYear(2020), through: .endOfYear(2030))
        let byUnit = Dictionary(uniqueKeysWithValues: all.map { (schedule.unit(of: $0).id, $0.nominalDue.description) })
        #expect(byUnit["kangle"] == "2022-07-08", "the prefecture's school calendar")
        #expect(byUnit["jishishan"] == "2022-07-15", "the county's own")
        #expect(schedule.tasks[index].task.due?.interpretation.conventions.isEmpty == false)
    }

    @Test func proceduralDisclosureLimitsParse() throws {
        let index = try #require(schedule.taskIndex(plan: "linxia-disclosure", task: "request-reply"))
        let spec = try #require(schedule.tasks[index].task.procedural)
        #expect(spec.limit == ProceduralLimit(count: 15, unit: .workingDays, extensionCount: 15))
    }
}
