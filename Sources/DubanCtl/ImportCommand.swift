import ArgumentParser
import DubanCalendar
import DubanCore
import DubanImport
import DubanPlanFiles
import Foundation

/// `dubanctl import FILE`: a published action-plan document (plain text) → a draft plan file to review.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "读取已发布的行动计划文本,生成计划文件草稿。 Draft a plan file from a published action plan.",
        discussion: """
            FILE 为计划全文(UTF-8 纯文本)。草稿列出每项工作任务及其完成时限、每年/每学期的工作与配额、到20XX年的目标\
            (每个指标一项)、工作日时限,并标出原文行号与摘录。需要人工填写之处写作“待填写”并加注释;\
            填写后用 dubanctl check 检查。不加 -o 时打印到标准输出。
            FILE is the document's full text. The draft lists every task with its deadline, yearly or per-semester duty \
            and quota, 到20XX年 target (one per metric) and working-day limit, each with its source line and a quote. \
            What an admin must fill in is written 待填写 with a comment; fill it in, then run dubanctl check. Without -o \
            the draft is printed.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: [.short, .customLong("output")], help: "草稿写入的文件。 File to write the draft to.")
    var output: String?

    @Option(name: .long, help: "组织机构文件,用于把承办单位名称换成编号。 Org directory, to map owner names to ids.")
    var org: String?

    @Option(name: .customLong("plan-id"), help: "计划编号(默认由文件名生成)。 Plan id (default: from the file name).")
    var planID: String?

    @Flag(name: .long, help: "覆盖已有文件。 Overwrite an existing file.")
    var force = false

    @Argument(help: "计划文本文件。 The document's text file.")
    var file: String

    /// `--json` output: the summary and the draft.
    struct Report: Encodable {
        var planID: String
        var items: Int
        var kinds: [String: Int]
        var unmapped: [UnmappedSentence]
        var output: String?
        var planYAML: String
        enum CodingKeys: String, CodingKey {
            case items, kinds, unmapped, output
            case planID = "plan_id"
            case planYAML = "plan_yaml"
        }
    }

    func validate() throws {
        if let planID, planID.isEmpty || !planID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw ValidationError("--plan-id 只能含字母、数字和“-” (--plan-id may hold letters, digits and '-' only)")
        }
    }

    func run() throws {
        let language = common.language
        let text: String
        switch PlanSetLoader.readText(file) {
        case .success(let t): text = t
        case .failure(let d):
            Output.diagnostics([d], language: language)
            throw ExitCode(DubanctlExit.failed)
        }
        var directory: OrgDirectory?
        if let org {
            switch PlanSetLoader.readText(org) {
            case .success(let orgText):
                let (parsed, diagnostics) = OrgDirectoryFile.parse(orgText, file: org)
                guard let parsed else {
                    Output.diagnostics(diagnostics, language: language)
                    throw ExitCode(DubanctlExit.failed)
                }
                directory = parsed
            case .failure(let d):
                Output.diagnostics([d], language: language)
                throw ExitCode(DubanctlExit.failed)
            }
        }
        let settings = try common.settings()
        let name = URL(fileURLWithPath: file).lastPathComponent
        let options = ImportOptions(documentName: name, planID: planID, directory: directory, conventions: settings.conventions)
        let plan = PlanImporter(options: options).draft(text)
        let yaml = DraftPlanWriter.yaml(plan)
        if let output {
            if FileManager.default.fileExists(atPath: output), !force {
                Output.error(common.t("\(output) 已存在;确认无误后用 --force 覆盖。", "\(output) exists; use --force to overwrite."))
                throw ExitCode(DubanctlExit.failed)
            }
            try yaml.write(toFile: output, atomically: true, encoding: .utf8)
        }
        if common.json {
            var kinds: [String: Int] = [:]
            for (kind, count) in plan.countsByKind { kinds[kind.rawValue] = count }
            try Output.json(
                Report(planID: plan.id, items: plan.items.count, kinds: kinds, unmapped: plan.unmapped, output: output, planYAML: yaml))
            return
        }
        if output == nil { print(yaml, terminator: "") }
        let summary = TaskKind.allCases.compactMap { kind in
            plan.countsByKind[kind].map { "\(kind.chinese) \($0)" }
        }.joined(separator: ",")
        let lines = plan.unmapped.map { "第\($0.line)行" }.joined(separator: "、")
        let linesEn = plan.unmapped.map { "\($0.line)" }.joined(separator: ", ")
        let target = output.map { common.t("已写入 \($0):", "wrote \($0): ") } ?? ""
        FileHandle.standardError.write(
            Data(
                (target
                    + common.t(
                        "\(plan.items.count) 项任务" + (summary.isEmpty ? "" : "(\(summary))") + ",\(plan.unmapped.count) 条未能识别的时间表述" + (lines.isEmpty ? "" : ":\(lines)"),
                        "\(plan.items.count) tasks, \(plan.unmapped.count) unmapped time expressions" + (linesEn.isEmpty ? "" : " (lines \(linesEn))"))
                    + "\n").utf8))
        if plan.items.isEmpty {
            FileHandle.standardError.write(
                Data(
                    (common.t(
                        "未找到可排期的任务:计划文件至少要有一项任务,请手工补充。",
                        "no schedulable task found: a plan file needs at least one task; add them by hand.") + "\n").utf8))
        }
        let placeholders = DraftPlanWriter.placeholderCount(yaml)
        if placeholders > 0 {
            FileHandle.standardError.write(
                Data(
                    (common.t(
                        "草稿中有 \(placeholders) 处“待填写”,填写后请运行 dubanctl check。",
                        "the draft has \(placeholders) 待填写 (TODO) spots; fill them in, then run dubanctl check.") + "\n").utf8))
        }
    }
}
