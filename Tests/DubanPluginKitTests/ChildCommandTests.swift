import DubanPluginKit
import Foundation
import Testing

@Suite struct ChildCommandTests {
    @Test func splitsCommandsLikeAShellWithoutExpansions() throws {
        #expect(try ChildCommand(parsing: "/usr/sbin/sendmail -t -i").arguments == ["/usr/sbin/sendmail", "-t", "-i"])
        #expect(
            try ChildCommand(parsing: #"sh -c 'echo "a b" $HOME' x\ y "q\"uote" ''"#).arguments
                == ["sh", "-c", #"echo "a b" $HOME"#, "x y", #"q"uote"#, ""]
        )
        #expect(throws: ChildCommandError.self) { try ChildCommand(parsing: "  ") }
        #expect(throws: ChildCommandError.self) { try ChildCommand(parsing: "echo 'open") }
    }

    @Test func feedsStdinAndCapturesBothOutputs() throws {
        let big = Data(repeating: 0x61, count: 1_000_000)
        let outcome = try ChildCommand(arguments: ["/bin/sh", "-c", "wc -c; echo oops >&2; exit 3"]).run(input: big)
        #expect(outcome.status == 3 && !outcome.succeeded && !outcome.timedOut)
        #expect(
            String(decoding: outcome.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "1000000"
        )
        #expect(outcome.stderrExcerpt == "oops")
    }

    @Test func aChildThatIgnoresItsInputDoesNotHurt() throws {
        // The child exits without reading: the write fails with EPIPE (SIGPIPE is ignored), the outcome is kept.
        let outcome = try ChildCommand(arguments: ["/bin/true"]).run(input: Data(repeating: 0, count: 4_000_000))
        #expect(outcome.succeeded)
    }

    @Test func killsAChildPastItsDeadline() throws {
        let start = ContinuousClock.now
        let outcome = try ChildCommand(arguments: ["/bin/sleep", "30"]).run(timeout: .milliseconds(300))
        #expect(outcome.timedOut && !outcome.succeeded && outcome.status == 128 + SIGKILL)
        #expect(ContinuousClock.now - start < .seconds(10))
        // Output closed early, process still running: the deadline holds too.
        let quiet = try ChildCommand(arguments: ["/bin/sh", "-c", "exec >&- 2>&-; sleep 30"]).run(
            timeout: .milliseconds(300)
        )
        #expect(quiet.timedOut)
    }

    @Test func reportsAProgramThatCannotStart() {
        #expect(throws: ChildCommandError.self) { try ChildCommand(arguments: ["/nonexistent/program"]).run() }
        #expect(throws: ChildCommandError.self) { try ChildCommand(arguments: ["no-such-program-on-path-duban"]).run() }
    }
}
