/// One row of the inventory: a school's measured network, at a time.
public struct SchoolMeasurement: Hashable, Sendable {
    /// 城镇 or 农村: which bandwidth target applies.
    public enum Area: String, Hashable, Sendable {
        case urban
        case rural
    }

    public var school: String
    public var county: String
    public var area: Area
    /// Measured downlink in Mbps.
    public var downlinkMbps: Double
    public var ipv6: Bool
    /// When it was measured, normalized to `YYYY-MM-DD HH:MM:SS` so that text order is time order.
    public var measuredAt: String
    /// The 1-based line of the row.
    public var line: Int

    public init(
        school: String,
        county: String,
        area: Area,
        downlinkMbps: Double,
        ipv6: Bool,
        measuredAt: String,
        line: Int
    ) {
        self.school = school
        self.county = county
        self.area = area
        self.downlinkMbps = downlinkMbps
        self.ipv6 = ipv6
        self.measuredAt = measuredAt
        self.line = line
    }
}
