import DubanCalendar
import DubanCore
import DubanPlanFiles
import Foundation

/// What the targets parse against, read once per process: the bundled examples and the shipped calendar.
public enum Examples {
    /// The product's checkout (this package's parent directory), from this file's path at build time, or
    /// `DUBAN_ROOT`.
    public static let root: String = {
        if let root = ProcessInfo.processInfo.environment["DUBAN_ROOT"] { return root }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// The shipped working-day calendar (2020–2026).
    public static let calendar: WorkingDayCalendar = WorkingDayCalendar(years: CalendarLoader.bundledYears())

    /// The examples' org directory.
    public static let directory: OrgDirectory = {
        let path = root + "/examples/org.yaml"
        guard case .success(let text) = PlanSetLoader.readText(path),
            case (let directory?, _) = OrgDirectoryFile.parse(text, file: path)
        else { fatalError("cannot read the examples' org directory at \(path)") }
        return directory
    }()

    /// The examples' plans.
    public static let plans: [Plan] = {
        do {
            let sources = try PlanSources.resolve(paths: [root + "/examples"], org: nil)
            return try PlanSetLoader.load(sources).plans
        } catch {
            fatalError("cannot load the examples: \(error)")
        }
    }()
}
