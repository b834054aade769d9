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

        // The ledger, as a script and a spreadsheet read it: Python's csv module and openpyxl.
        let movedDue = try #require((approved["occurrence"] as? [String: Any])?["due"] as? String)
        let csvPath = daemon.dir.url.appendingPathComponent("ledger.csv").path
        let xlsxPath = daemon.dir.url.appendingPathComponent("ledger.xlsx").path
        for (format, path) in [("csv", csvPath), ("xlsx", xlsxPath)] {
            let written = try await daemon.ctl(["ledger", "--plan", "linxia-it-2022", "--format", format, "-o", path])
            #expect(written.status == 0, "\(format): \(written.stderr)")
        }
        let script = """
            import csv, json, sys, openpyxl
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
            wb = openpyxl.load_workbook(sys.argv[2])
            ws = wb["督办台账"]
            header = [c.value for c in ws[1]]
            sheet = [dict(zip(header, [c.value.date().isoformat() if hasattr(c.value, "date") else c.value for c in r]))
                     for r in ws.iter_rows(min_row=2)]
            pick = lambda table: next(r for r in table if r["事项编号"] == sys.argv[3])
            print(json.dumps({"csv": pick(rows), "xlsx": pick(sheet), "rows": len(rows), "sheet_rows": len(sheet),
                              "bold": ws["A1"].font.b, "freeze": ws.freeze_panes}, ensure_ascii=False))
            """
        let python = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, csvPath, xlsxPath, id])
        #expect(python.status == 0, "\(python.stderr)")
        let read = try JSONOutput.object(python.stdout)
        let csvRow = try #require(read["csv"] as? [String: Any])
        let xlsxRow = try #require(read["xlsx"] as? [String: Any])
        let today = "2022-08-25"
        #expect(csvRow["签收"] as? String == today && csvRow["现期限"] as? String == movedDue, "\(csvRow)")
        #expect(csvRow["原定期限"] as? String == item["due"] as? String && csvRow["交办"] as? String == (show["occurrence"] as? [String: Any])?["start"] as? String)
        #expect(csvRow["进展反馈"] as? String == today)
        #expect(csvRow["延期申请"] as? String == "\(today) +5" && csvRow["延期审批"] as? String == "\(today) 批准")
        #expect(csvRow["办结报告"] as? String == "\(today)；\(today)" && csvRow["退回"] as? String == today)
        #expect(csvRow["审核通过"] as? String == today && csvRow["销号"] as? String == today)
        #expect(csvRow["状态"] as? String == "已销号" && csvRow["按时办结"] as? String == "是")
        for key in ["签收", "现期限", "原定期限", "交办", "审核通过", "销号", "状态", "延期申请", "办结报告"] {
            #expect(xlsxRow[key] as? String == csvRow[key] as? String, "\(key): \(xlsxRow[key] ?? "nil")")
        }
        #expect(read["rows"] as? Int == read["sheet_rows"] as? Int)
        #expect(read["bold"] as? Bool == true && read["freeze"] as? String == "A2")

        // The circular and the score of the month the item is due in (after its extension): closed on time,
        // explained item by item.
        let month = String(movedDue.prefix(7))
        let report = try JSONOutput.object(try await daemon.ctl(["report", "--period", month, "--json"]).stdout)
        let reportUnits = try #require(report["units"] as? [[String: Any]])
        let unit = try #require(reportUnits.first { $0["org"] as? String == item["org"] as? String }, "\(report)")
        #expect((unit["closed_on_time"] as? [String])?.contains(id) == true, "\(unit)")
        #expect((report["text_zh"] as? String)?.contains("通报") == true)
        let reportText = try await daemon.ctl(["report", "--period", month])
        #expect(reportText.status == 0 && reportText.stdout.contains("按时办结率"), "\(reportText.stdout)")
        let score = try JSONOutput.object(try await daemon.ctl(["score", "--period", month, "--json"]).stdout)
        for scored in try #require(score["units"] as? [[String: Any]]) {
            let lines = (scored["lines"] as? [[String: Any]] ?? []).compactMap { Decimal(string: $0["points"] as? String ?? "") }
            let deducted = try #require(Decimal(string: scored["deducted"] as? String ?? ""))
            #expect(lines.reduce(0, +) == deducted)
            #expect(Decimal(string: scored["score"] as? String ?? "") == 100 - deducted)
        }
        let bad = try await daemon.ctl(["report", "--period", "2022-13"])
        #expect(bad.status != 0 && bad.stderr.contains("bad-request"), "\(bad.stderr)")

        // Lists show the light as symbol and word: the struck-off item is green and keeps 曾超期 only if it was red.
        let listed = try await daemon.ctl([
            "milestones", "--plan", "linxia-it-2022", "--state", "all", "--from", "2022-08-25", "--through", "2023-12-31",
            "--limit", "200",
        ])
        let line = try #require(listed.stdout.split(separator: "\n").first { $0.contains(id) }, "\(listed.stdout)")
        #expect(line.contains("● 绿"), "\(line)")
        #expect(listed.stdout.contains("灯"))

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
