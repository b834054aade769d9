import DubanNetcheck
import DubanTesting
import Foundation
import Testing

@Suite struct NetworkReportTests {
    static func exampleInventory() throws -> NetworkInventory {
        let text = try String(
            contentsOf: Fixtures.examples.appendingPathComponent("network-inventory.csv"),
            encoding: .utf8
        )
        return try NetworkInventory(parsing: text)
    }

    @Test func readsTheExampleInventoryAndKeepsTheLatestMeasurement() throws {
        let inventory = try Self.exampleInventory()
        #expect(inventory.problems.isEmpty, "\(inventory.problems)")
        #expect(inventory.measurements.count == 14)
        #expect(inventory.latest.count == 13)
        let fucheng = try #require(inventory.latest.first { $0.school == "康乐县附城小学" })
        #expect(
            fucheng.downlinkMbps == 200 && fucheng.ipv6 && fucheng.measuredAt == "2022-08-25 09:00:00"
                && fucheng.line == 8
        )
        let yongchang = try #require(inventory.latest.first { $0.county == "隆阳区" && $0.area == .urban })
        #expect(yongchang.school == "隆阳区永昌中学(含\"初中部\")" && yongchang.downlinkMbps == 1000)
        #expect(yongchang.measuredAt == "2023-03-01 00:00:00")
    }

    @Test func progressPerCountyAndOverall() throws {
        let report = NetworkReport(inventory: try Self.exampleInventory())
        #expect(report.counties.map(\.county) == ["临夏市", "康乐县", "永靖县", "隆阳区"])
        let city = try #require(report.progress(of: "临夏市"))
        #expect(city.evidence == "临夏市:城镇学校3/3达200M,农村学校1/1达100M,IPv6 4/4")
        #expect(city.isComplete && city.share == 1)
        let kangle = try #require(report.progress(of: "康乐县"))
        #expect(kangle.evidence == "康乐县:城镇学校2/2达200M,农村学校1/3达100M,IPv6 3/5")
        #expect(!kangle.isComplete && kangle.meeting == 3 && kangle.counted == 5)
        #expect(report.overall.evidence == "合计:城镇学校7/7达200M,农村学校4/6达100M,IPv6 9/13")
        // The same inventory against other measures and thresholds.
        let ipv6 = NetworkReport(inventory: try Self.exampleInventory(), measure: .ipv6)
        #expect(ipv6.progress(of: "永靖县")?.share == 0)
        let urban = NetworkReport(inventory: try Self.exampleInventory(), measure: .urban)
        #expect(urban.progress(of: "康乐县")?.isComplete == true)
        #expect(urban.progress(of: "永靖县")?.isComplete == true)
        let rural = NetworkReport(
            inventory: try Self.exampleInventory(),
            targets: NetworkTargets(urbanMbps: 1000, ruralMbps: 50),
            measure: .rural
        )
        #expect(rural.progress(of: "康乐县")?.meeting == 2)
        #expect(rural.progress(of: "康乐县")?.evidence == "康乐县:城镇学校1/2达1000M,农村学校2/3达50M,IPv6 3/5")
    }

    @Test func badRowsAreReportedByLineAndBlockTheirCounty() throws {
        let text = """
            school,county,area,downlink_mbps,ipv6,measured_at
            A,临夏市,urban,300,yes,2022-08-01
            B,临夏市,suburban,300,yes,2022-08-01
            C,康乐县,rural,fast,yes,2022-08-01
            D,康乐县,rural,150,maybe,2022-08-01
            E,康乐县,rural,150,yes,2022-13-01
            F,康乐县,rural,150,yes,2022-08-01
            ,和政县,rural,150,yes,2022-08-01
            """
        let inventory = try NetworkInventory(parsing: text)
        #expect(inventory.problems.map(\.line) == [3, 4, 5, 6, 8])
        #expect(inventory.problems[0].message.contains("suburban"))
        #expect(inventory.problems[1].message.contains("fast"))
        let report = NetworkReport(inventory: inventory)
        let city = try #require(report.progress(of: "临夏市"))
        #expect(!city.isComplete && city.meeting == 1 && city.counted == 1)
        #expect(city.evidence == "临夏市:城镇学校1/1达200M,IPv6 1/1;清单第3行有误,未计入")
        #expect(report.progress(of: "康乐县")?.problemLines == [4, 5, 6])
        #expect(report.progress(of: "和政县")?.problemLines == [8])

        let rowWithoutCounty = try NetworkInventory(
            parsing:
                "school,county,area,downlink_mbps,ipv6,measured_at\nA,临夏市,urban,300,yes,2022-08-01\nB,,urban,300,yes,2022-08-01\n"
        )
        #expect(NetworkReport(inventory: rowWithoutCounty).progress(of: "临夏市")?.isComplete == false)
    }

    @Test func refusesAnInventoryWithoutItsColumns() {
        do {
            _ = try NetworkInventory(parsing: "school,county,area,ipv6\nA,B,urban,yes\n")
            Issue.record("a header without downlink was accepted")
        } catch {
            #expect(error.code == .header && error.line == 1 && error.message.contains("downlink_mbps"))
        }
        #expect(throws: NetcheckError.self) { try NetworkInventory(parsing: "") }
        #expect(throws: NetcheckError.self) {
            try NetworkInventory(parsing: "school,学校,county,area,downlink,ipv6,measured_at\n")
        }
    }

    @Test func readsUnitsFlagsAndTimes() throws {
        let text =
            "学校,县区,城乡,带宽,IPv6,检测时间\n甲,乙县,乡村,1Gbps,已部署,2024-05-06T07:08:09+08:00\n丙,乙县,县城,250 Mbps,N,2024/5/6 7:08\n"
        let latest = try NetworkInventory(parsing: text).measurements
        #expect(latest.map(\.downlinkMbps) == [1000, 250])
        #expect(latest.map(\.ipv6) == [true, false])
        #expect(latest.map(\.area) == [.rural, .urban])
        #expect(latest.map(\.measuredAt) == ["2024-05-06 07:08:09", "2024-05-06 07:08:00"])
    }
}
