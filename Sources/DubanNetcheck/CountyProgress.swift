import Foundation

/// How far one county (or the whole inventory) is towards the targets, from the latest measurement of each
/// school.
public struct CountyProgress: Hashable, Sendable {
    /// The county as the inventory names it; `合计` for the overall figure.
    public var county: String
    public var urbanSchools = 0
    public var urbanMeeting = 0
    public var ruralSchools = 0
    public var ruralMeeting = 0
    public var ipv6Schools = 0
    /// Schools counted by the measure, and those meeting it.
    public var counted = 0
    public var meeting = 0
    /// Lines of unreadable rows that belong to this county.
    public var problemLines: [Int] = []
    public var targets: NetworkTargets
    public var measure: NetworkTargets.Measure

    public var schools: Int { urbanSchools + ruralSchools }

    /// The share of counted schools meeting the measure, 0…1 (0 when none is counted).
    public var share: Double { counted == 0 ? 0 : Double(meeting) / Double(counted) }

    /// Complete: at least one school counted, all meeting, and no unreadable row for the county.
    public var isComplete: Bool { counted > 0 && meeting == counted && problemLines.isEmpty }

    public init(county: String, targets: NetworkTargets, measure: NetworkTargets.Measure) {
        self.county = county
        self.targets = targets
        self.measure = measure
    }

    /// Adds a school's latest measurement.
    public mutating func add(_ measurement: SchoolMeasurement) {
        let fast = targets.meetsBandwidth(measurement)
        switch measurement.area {
        case .urban:
            urbanSchools += 1
            if fast { urbanMeeting += 1 }
        case .rural:
            ruralSchools += 1
            if fast { ruralMeeting += 1 }
        }
        if measurement.ipv6 { ipv6Schools += 1 }
        if let meets = targets.evaluate(measurement, for: measure) {
            counted += 1
            if meets { meeting += 1 }
        }
    }

    /// `临夏市:城镇学校12/12达200M,农村学校30/34达100M,IPv6 40/46`, with the unreadable lines after it.
    public var evidence: String {
        var parts: [String] = []
        if urbanSchools > 0 { parts.append("城镇学校\(urbanMeeting)/\(urbanSchools)达\(Self.mbps(targets.urbanMbps))M") }
        if ruralSchools > 0 { parts.append("农村学校\(ruralMeeting)/\(ruralSchools)达\(Self.mbps(targets.ruralMbps))M") }
        parts.append("IPv6 \(ipv6Schools)/\(schools)")
        var text = "\(county):" + (schools == 0 ? "清单中没有学校" : parts.joined(separator: ","))
        if !problemLines.isEmpty {
            let lines = problemLines.prefix(10).map(String.init).joined(separator: "、")
            text += ";清单第\(lines)\(problemLines.count > 10 ? "等" : "")行有误,未计入"
        }
        return text
    }

    static func mbps(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
