import DubanCalendar
import DubanCore
import DubanDaemon
import DubanPlanFiles
import DubanTesting
import Foundation
import Testing

/// Roles are checked against the org directory when the plans load: a role of a unit that does not exist stops a
/// start or a reload with the grant's place, like a notification route naming one.
@Suite struct PlanRuntimeRolesTests {
    @Test func aRoleOfAnUnknownUnitIsAnErrorAtItsPlace() throws {
        var configuration = try ConfigFile.load(Fixtures.examples.appendingPathComponent("duban.yaml").path)
        let today = CivilDate(year: 2022, month: 6, day: 1)!
        configuration.roles = [RoleGrant(holder: .user("zhang"), role: .officer(unit: "kangle"), location: "duban.yaml:3:5")]
        _ = try PlanRuntime(configuration: configuration).load(today: today)

        configuration.roles.append(
            RoleGrant(holder: .group("g"), role: .leader(unit: "no-such-unit"), location: "duban.yaml:4:5"))
        #expect {
            try PlanRuntime(configuration: configuration).load(today: today)
        } throws: { error in
            guard let error = error as? DiagnosticsError else { return false }
            return error.diagnostics.contains {
                $0.code == "unknown-unit" && $0.location.line == 4 && $0.location.column == 5
                    && $0.message.zh.contains("no-such-unit")
            }
        }
    }
}
