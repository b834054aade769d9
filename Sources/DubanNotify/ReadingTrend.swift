public import DubanCalendar

/// A least-squares line through readings (day number, value): `value(at:)` projects it to any day.
public struct ReadingTrend: Hashable, Sendable {
    /// Change per day.
    public let slope: Double
    /// The line's value at day number 0.
    public let intercept: Double

    public func value(at date: CivilDate) -> Double {
        intercept + slope * Double(date.dayNumber)
    }

    /// The fitted line, or nil with fewer than two distinct days (no direction to speak of).
    public static func fit(_ points: [(CivilDate, Double)]) -> ReadingTrend? {
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        // Centre x on the first day for numerical stability.
        let origin = Double(points[0].0.dayNumber)
        let xs = points.map { Double($0.0.dayNumber) - origin }
        let ys = points.map(\.1)
        let meanX = xs.reduce(0, +) / n
        let meanY = ys.reduce(0, +) / n
        var sxx = 0.0
        var sxy = 0.0
        for (x, y) in zip(xs, ys) {
            sxx += (x - meanX) * (x - meanX)
            sxy += (x - meanX) * (y - meanY)
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        let interceptAtOrigin = meanY - slope * meanX
        return ReadingTrend(slope: slope, intercept: interceptAtOrigin - slope * origin)
    }
}
