import Foundation

/// Runs one test of the running test binary in a child process: the way to exercise code that must own its
/// process (environment variables like `NOTIFY_SOCKET` or `LISTEN_FDS`, descriptor 3) without an extra
/// executable in the package, and without changing the environment of the test process, which every suite shares.
///
/// The child side is an ordinary test that runs only when ``roleVariable`` names its role:
/// ```swift
/// @Test(.enabled(if: ChildTestProcess.role == "notify", "runs only as a child process"))
/// func notifyChild() throws { … }
/// ```
/// and the parent starts it with ``command(filter:)`` under whatever environment or wrapper it needs
/// (`systemd-socket-activate`, say), passing `DUBAN_CHILD_ROLE=notify`.
public enum ChildTestProcess {
    /// The environment variable that names the child's role.
    public static let roleVariable = "DUBAN_CHILD_ROLE"
    /// An environment variable for a file where the child writes what the parent should check.
    public static let outputVariable = "DUBAN_CHILD_OUTPUT"

    /// This process's role, when it runs as a child.
    public static var role: String? { ProcessInfo.processInfo.environment[roleVariable] }

    /// The running test binary (`/proc/self/exe` resolved).
    public static var testBinary: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The command line that runs only the Swift Testing tests whose id matches `filter` (a regular expression).
    public static func command(filter: String) -> [String] {
        [testBinary, "--testing-library", "swift-testing", "--filter", filter]
    }

    /// Writes `lines` (`key=value`) to the file named by ``outputVariable``; does nothing without it.
    public static func report(_ lines: [String]) throws {
        guard let path = ProcessInfo.processInfo.environment[outputVariable] else { return }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Reads what a child wrote with ``report(_:)`` as a dictionary.
    public static func readReport(_ path: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            result[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return result
    }
}
