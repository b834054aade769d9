public import DubanCalendar
public import DubanCore
import Foundation

/// What `PlanImporter` needs besides the text.
public struct ImportOptions: Sendable {
    /// The document's name (file name), kept as the plan's `source` and used for the plan id when none is given.
    public var documentName: String
    /// The plan id; derived from `documentName` when nil.
    public var planID: String?
    /// An org directory to map owners (各县市教育局) to unit or group ids; without one owners stay text to fill.
    public var directory: OrgDirectory?
    /// How 年初, 学期末 and the like are read.
    public var conventions: TimeConventions

    public init(
        documentName: String, planID: String? = nil, directory: OrgDirectory? = nil,
        conventions: TimeConventions = .default
    ) {
        self.documentName = documentName
        self.planID = planID
        self.directory = directory
        self.conventions = conventions
    }
}
