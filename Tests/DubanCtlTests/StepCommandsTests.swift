import DubanTesting
import Foundation
import Testing

/// dubanctl's supervision steps and board against the real duband (as root, an admin): each step read-then-sent as a
/// compare-and-set, printed in Chinese and English, JSON for scripts, refusals with their exit codes.
@Suite(.serialized) struct StepCommandsTests {
    @Test func theLoopFromTheCommandLine() async throws {
        let daemon = try await LiveDaemon()
        defer { daemon.stop() }
        let list = try JSONOutput.object(
            try await daemon.ctl([
                "milestones", "--plan", "linxia-it-2022", "--kind", "deadline", "--from", "2022-08-25", "--through",
                "2023-12-31", "--json", "--limit", "1",
            ]).stdout)
        let item = try #require((list["items"] as? [[String: Any]])?.first)
        let id = try #require(item["id"] as? String)
        #expect(item["stage"] as? String == "assigned")
        #expect(["green", "yellow", "red"].contains(item["light"] as? String ?? ""))

        let ack = try await daemon.ctl(["ack", id])
        #expect(ack.status == 0, "\(ack.stderr)")
        #expect(ack.stdout.contains("已签收") && ack.stdout.contains("办理中"), "\(ack.stdout)")
        // Acknowledged already: the stage read first is in_progress, and acknowledge does not apply there.
        let again = try await daemon.ctl(["ack", id])
        #expect(again.status == 1 && again.stderr.contains("stage-changed"), "\(again.stderr)")
        // A stale expectation is refused the same way.
        let stale = try await daemon.ctl(["feedback", id, "--expect", "assigned", "--note", "x"])
        #expect(stale.status == 1 && stale.stderr.contains("stage-changed"), "\(stale.stderr)")
        let missingNote = try await daemon.ctl(["feedback", id])
        #expect(missingNote.status == 1 && missingNote.stderr.contains("unprocessable"), "\(missingNote.stderr)")
        let feedback = try await daemon.ctl(["feedback", id, "--note", "已完成设备采购", "--lang", "en"])
        #expect(feedback.status == 0 && feedback.stdout.contains("feedback"), "\(feedback.stdout)")
        let ask = try await daemon.ctl(["extend-request", id, "--workdays", "5", "--note", "等待到货", "--json"])
        let asked = try JSONOutput.object(ask.stdout)
        #expect((asked["step"] as? [String: Any])?["working_days"] as? Int == 5, "\(ask.stdout)")
        let approve = try await daemon.ctl(["approve", id, "--json"])
        let approved = try JSONOutput.object(approve.stdout)
        #expect((approved["occurrence"] as? [String: Any])?["stage"] as? String == "in_progress", "\(approve.stdout)")
        #expect(try await daemon.ctl(["submit", id, "--evidence", "临教发〔2022〕9号"]).status == 0)
        let review = try await daemon.ctl(["review", id])
        #expect(review.status == 2, "neither --pass nor --return is a usage error: \(review.stderr)")
        #expect(try await daemon.ctl(["review", id, "--return", "--note", "缺少验收单"]).status == 0)
        #expect(try await daemon.ctl(["submit", id, "--evidence", "临教发〔2022〕10号"]).status == 0)
        #expect(try await daemon.ctl(["review", id, "--pass"]).status == 0)
        let strike = try await daemon.ctl(["strike", id])
        #expect(strike.status == 0 && strike.stdout.contains("已销号"), "\(strike.stdout)")

        let show = try JSONOutput.object(try await daemon.ctl(["show", id, "--json"]).stdout)
        let steps = (show["steps"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        #expect(
            steps == [
                "acknowledge", "feedback", "extension-request", "approve", "submit", "return", "submit", "pass",
                "strike",
            ], "\(steps)")

        let board = try await daemon.ctl(["board", "--org", "linxia", "--limit", "3"])
        #expect(board.status == 0, "\(board.stderr)")
        #expect(board.stdout.contains("督办看板") && board.stdout.contains("■ 红"), "\(board.stdout)")
        let boardJSON = try JSONOutput.object(try await daemon.ctl(["board", "--json"]).stdout)
        let units = try #require(boardJSON["units"] as? [[String: Any]])
        let red = units.reduce(0) { $0 + ($1["red"] as? Int ?? 0) }
        #expect(red == boardJSON["red_total"] as? Int)
        #expect((boardJSON["red"] as? [Any])?.count ?? 0 <= 20)
        // The units with most red come first.
        let reds = units.compactMap { $0["red"] as? Int }
        #expect(reds == reds.sorted(by: >))
    }
}
