import ArgumentParser
import DubanCalendar
import DubanCore
import DubanPlanFiles
import Foundation

/// `dubanctl calendar import`: the State Council's annual notice → a year file in the shipped format.
struct CalendarImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "读取国务院办公厅节假日安排通知,生成年度节假日数据文件。 Import the State Council's holiday notice.",
        discussion: """
            FILE 为通知全文(UTF-8 文本,可含繁体、全角数字)。每个“周X/星期X”都与真实日历核对,自相矛盾的通知将被拒绝并引用出错条目。
            不加 --output 时把数据文件打印到标准输出;加 --output DIR 时写入 DIR/holidays-YYYY.yaml(守护进程重新加载后生效)。
            FILE is the notice's full text. Every weekday annotation is checked against the real calendar; a notice that \
            contradicts itself is refused, quoting the item. Without --output the year file is printed; with --output DIR \
            it is written to DIR/holidays-YYYY.yaml.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "写入的节假日数据目录。 Directory to write the year file into.")
    var output: String?

    @Option(name: .long, help: "年份(通知标题未写明时)。 The year, when the title does not say it.")
    var year: Int?

    @Flag(name: .long, help: "覆盖已有文件。 Overwrite an existing file.")
    var force = false

    @Argument(help: "通知文本文件。 The notice's text file.")
    var file: String

    func run() throws {
        let language = common.language
        let text: String
        switch PlanSetLoader.readText(file) {
        case .success(let t): text = t
        case .failure(let d):
            Output.diagnostics([d], language: language)
            throw ExitCode(DubanctlExit.failed)
        }
        let parsed: HolidayYear
        do {
            parsed = try HolidayNotice.parse(text, year: year)
        } catch {
            Output.error("\(file): " + common.t("错误:", "error: ") + error.message.text(language))
            Output.error(common.t("出错条目:", "offending item: ") + error.item)
            throw ExitCode(DubanctlExit.failed)
        }
        let rendered = CalendarYearFile.render(parsed)
        guard let output else {
            if common.json { try Output.json(parsed) } else { print(rendered, terminator: "") }
            return
        }
        let fm = FileManager.default
        try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        let path = URL(fileURLWithPath: output).appendingPathComponent("holidays-\(parsed.year).yaml").path
        if fm.fileExists(atPath: path), !force {
            Output.error(common.t("\(path) 已存在;确认无误后用 --force 覆盖。", "\(path) exists; use --force to overwrite."))
            throw ExitCode(DubanctlExit.failed)
        }
        try rendered.write(toFile: path, atomically: true, encoding: .utf8)
        let offDays = parsed.holidays.reduce(0) { $0 + $1.off.count }
        let workDays = parsed.holidays.reduce(0) { $0 + $1.work.count }
        Output.line(
            common.t(
                "已写入 \(path):\(parsed.year)年 \(parsed.holidays.count) 个节日,放假 \(offDays) 天,调休上班 \(workDays) 天。",
                "wrote \(path): \(parsed.year), \(parsed.holidays.count) holidays, \(offDays) days off, \(workDays) make-up working days."))
    }
}
