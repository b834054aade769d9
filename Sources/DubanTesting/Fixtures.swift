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

    /// `../shared/` beside the checkout, when present (reference documents; tests skip without it).
    public static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
