import DubanTesting
import Foundation
import Testing

/// The committed manual page and completion scripts are what the built dubanctl generates: they cannot drift
/// from the command tree. After changing a command, run `make man completions SWIFT_BIN_DIR=.build/debug`.
@Suite struct GeneratedFilesTests {
    func committed(_ path: String) throws -> String {
        try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func manualPageIsCurrent() throws {
        let generated = try BinaryRunner.run("dubanctl", ["generate-manual"])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(
            generated.stdout == (try committed("docs/man/dubanctl.1")),
            "docs/man/dubanctl.1 is stale: run `make man`"
        )
        // Every visible command has its section; the page is roff.
        for command in ["status", "milestones", "progress", "watch", "export", "log", "check", "calendar explain"] {
            #expect(generated.stdout.contains(".SS \"dubanctl \(command)\""), "\(command)")
        }
        #expect(generated.stdout.hasPrefix(".\\\"") && generated.stdout.contains(".TH DUBANCTL 1"))
        #expect(!generated.stdout.contains("generate\\-manual\""), "the hidden command stays out of the page")
    }

    @Test(arguments: [
        ("bash", "deploy/completions/dubanctl.bash"), ("zsh", "deploy/completions/_dubanctl"),
        ("fish", "deploy/completions/dubanctl.fish"),
    ])
    func completionScriptIsCurrent(shell: String, path: String) throws {
        let generated = try BinaryRunner.run("dubanctl", ["--generate-completion-script", shell])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout == (try committed(path)), "\(path) is stale: run `make completions`")
        #expect(generated.stdout.contains("milestones") && generated.stdout.contains("request-id"))
    }

    @Test(.enabled(if: try Requirement.met(Requirement.executableReason("/usr/bin/man"))))
    func manualPageRendersWithoutWarnings() throws {
        let path = Fixtures.packageRoot.appendingPathComponent("docs/man/dubanctl.1").path
        let result = try ProcessRunner.run(
            "/usr/bin/man",
            ["--warnings", "-l", path],
            environment: ["MANPAGER": "cat", "MANWIDTH": "100", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "groff warnings:\n\(result.stderr)")
        #expect(result.stdout.contains("dubanctl milestones"))
    }
}
