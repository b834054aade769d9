/// What a school must reach: a downlink by area class (城镇学校出口带宽≥200M、农村学校≥100M by default) and, for
/// the measures that include it, IPv6.
public struct NetworkTargets: Hashable, Sendable {
    /// Which part of the targets a task is about.
    public enum Measure: String, Hashable, Sendable, CaseIterable {
        /// Every school meets its class's bandwidth and has IPv6 (the default).
        case all
        /// Every school meets its class's bandwidth.
        case bandwidth
        /// Urban schools meet the urban bandwidth (rural schools are not counted).
        case urban
        /// Rural schools meet the rural bandwidth.
        case rural
        /// Every school has IPv6.
        case ipv6
    }

    public var urbanMbps: Double
    public var ruralMbps: Double

    public init(urbanMbps: Double = 200, ruralMbps: Double = 100) {
        self.urbanMbps = urbanMbps
        self.ruralMbps = ruralMbps
    }

    /// The bandwidth a school of `area` must reach.
    public func threshold(for area: SchoolMeasurement.Area) -> Double {
        area == .urban ? urbanMbps : ruralMbps
    }

    /// Whether `measurement` meets its bandwidth target.
    public func meetsBandwidth(_ measurement: SchoolMeasurement) -> Bool {
        measurement.downlinkMbps >= threshold(for: measurement.area)
    }

    /// Whether the school counts towards `measure` at all, and if so whether it meets it.
    public func evaluate(_ measurement: SchoolMeasurement, for measure: Measure) -> Bool? {
        switch measure {
        case .all: return meetsBandwidth(measurement) && measurement.ipv6
        case .bandwidth: return meetsBandwidth(measurement)
        case .urban: return measurement.area == .urban ? meetsBandwidth(measurement) : nil
        case .rural: return measurement.area == .rural ? meetsBandwidth(measurement) : nil
        case .ipv6: return measurement.ipv6
        }
    }
}
