import DubanPluginKit
import Foundation
import Synchronization
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

    @Test func feedsStdinAndCapturesBothOutputs() async throws {
        let big = Data(repeating: 0x61, count: 1_000_000)
        let outcome = try await ChildCommand(arguments: ["/bin/sh", "-c", "wc -c; echo oops >&2; exit 3"]).run(input: big)
        #expect(outcome.status == 3 && !outcome.succeeded && !outcome.timedOut)
        #expect(
            String(decoding: outcome.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "1000000"
        )
        #expect(outcome.stderrExcerpt == "oops")
    }

    @Test func aChildThatIgnoresItsInputDoesNotHurt() async throws {
        // The child exits without reading: the write fails with EPIPE (SIGPIPE is ignored), the outcome is kept.
        let outcome = try await ChildCommand(arguments: ["/bin/true"]).run(input: Data(repeating: 0, count: 4_000_000))
        #expect(outcome.succeeded)
    }

    /// A deadline stops the child: its status is the signal, never the 0 that `sleep 30` would exit with. (No wall
    /// clock bound here: the kill is a dispatch timer, but the test's own resumption waits for a pool thread, which
    /// other suites may hold for many seconds.)
    @Test func stopsAChildPastItsDeadline() async throws {
        let outcome = try await ChildCommand(arguments: ["/bin/sleep", "30"]).run(timeout: .milliseconds(300))
        // SIGTERM first, SIGKILL a second later for a child that ignores it.
        #expect(outcome.timedOut && !outcome.succeeded && [128 + SIGTERM, 128 + SIGKILL].contains(outcome.status))
        // Output closed early, process still running: the deadline holds too.
        let quiet = try await ChildCommand(arguments: ["/bin/sh", "-c", "exec >&- 2>&-; sleep 30"]).run(
            timeout: .milliseconds(300)
        )
        #expect(quiet.timedOut)
        // A child that ignores SIGTERM is killed a second later.
        let stubborn = try await ChildCommand(arguments: ["/bin/sh", "-c", "trap '' TERM; sleep 30"]).run(
            timeout: .milliseconds(300)
        )
        #expect(stubborn.timedOut && stubborn.status == 128 + SIGKILL, "\(stubborn.status)")
    }

    @Test func reportsAProgramThatCannotStart() async {
        await #expect(throws: ChildCommandError.self) { try await ChildCommand(arguments: ["/nonexistent/program"]).run() }
        await #expect(throws: ChildCommandError.self) {
            try await ChildCommand(arguments: ["no-such-program-on-path-duban"]).run()
        }
    }

    @Test func runsInAProcessGroupOfItsOwn() async throws {
        let outcome = try await ChildCommand(arguments: ["/bin/sh", "-c", "ps -o pgid= -p $$; ps -o pgid= -p $PPID"]).run()
        let groups = String(decoding: outcome.stdout, as: UTF8.self).split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        #expect(groups.count == 2 && groups[0] != groups[1], "child and parent groups: \(groups)")
    }

    @Test func theBlockingFormWorksFromAThreadOfItsOwn() throws {
        let result = Mutex<ChildCommand.Outcome?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            result.withLock { $0 = try? ChildCommand(arguments: ["/bin/echo", "督办"]).runBlocking() }
            done.signal()
        }
        done.wait()
        let outcome = try #require(result.withLock { $0 })
        #expect(outcome.succeeded && String(decoding: outcome.stdout, as: UTF8.self) == "督办\n")
    }
}
