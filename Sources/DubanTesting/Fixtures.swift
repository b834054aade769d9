import Foundation

/// Paths a test needs: the package root, the bundled examples, the shared reference folder.
public enum Fixtures {
    /// The package root (the folder holding Package.swift), found from this source file's path.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `examples/` in the checkout.
    public static var examples: URL { packageRoot.appendingPathComponent("examples") }

    /// A plan file whose one task's `due` holds a 20-digit count (line 8, column 10): the typo that once trapped
    /// dubanctl and duband in their arithmetic.
    public static func twentyDigitCountPlan(assignee: String) -> String {
        """
        id: typo
        title: 数字笔误的计划
        tasks:
          - id: reply
            title: 答复依申请公开
            kind: deadline
            assignees: [\(assignee)]
            due: 99999999999999999999个工作日内
        """
    }

    /// `../shared/` beside the checkout, when present (reference documents; tests skip without it).
    public static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
