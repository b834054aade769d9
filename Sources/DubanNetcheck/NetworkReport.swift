/// Progress per county and overall, for one measure.
public struct NetworkReport: Hashable, Sendable {
    /// Per county, sorted by name.
    public var counties: [CountyProgress]
    /// Every school together (`合计`).
    public var overall: CountyProgress

    /// Computes the report from the latest measurement of each school.
    public init(
        inventory: NetworkInventory,
        targets: NetworkTargets = NetworkTargets(),
        measure: NetworkTargets.Measure = .all
    ) {
        var byCounty: [String: CountyProgress] = [:]
        var overall = CountyProgress(county: "合计", targets: targets, measure: measure)
        for measurement in inventory.latest {
            byCounty[
                measurement.county,
                default: CountyProgress(county: measurement.county, targets: targets, measure: measure)
            ]
            .add(measurement)
            overall.add(measurement)
        }
        for problem in inventory.problems { overall.problemLines.append(problem.line) }
        // Each unreadable row's line goes to the county named in it.
        for problem in inventory.problems {
            guard let county = inventory.problemCounties[problem.line] else { continue }
            byCounty[county, default: CountyProgress(county: county, targets: targets, measure: measure)]
                .problemLines.append(problem.line)
        }
        // A row naming no county could belong to any: no county is complete while it is unreadable.
        let unattributed = inventory.problems.map(\.line).filter { inventory.problemCounties[$0] == nil }
        counties = byCounty.keys.sorted().map { county in
            var progress = byCounty[county]!
            progress.problemLines = (progress.problemLines + unattributed).sorted()
            return progress
        }
        self.overall = overall
    }

    /// The progress of `county`, if the inventory has it.
    public func progress(of county: String) -> CountyProgress? {
        counties.first { $0.county == county }
    }
}
